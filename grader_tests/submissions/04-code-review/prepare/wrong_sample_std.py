# Wrong: scales by hand with the sample standard deviation (ddof=1), not the population one.
def prepare(X, y, test_fraction=0.2):
    cut = len(X) - round(len(X) * test_fraction)
    mean = X[:cut].mean(axis=0)
    std = X[:cut].std(axis=0, ddof=1)
    std[std == 0] = 1.0
    return (X[:cut] - mean) / std, (X[cut:] - mean) / std, y[:cut], y[cut:]
