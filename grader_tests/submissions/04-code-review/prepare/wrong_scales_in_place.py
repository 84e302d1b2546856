# Wrong: scales the slices in place, and slices are views, so the caller's X is changed too.
def prepare(X, y, test_fraction=0.2):
    cut = len(X) - round(len(X) * test_fraction)
    X_train, X_test = X[:cut], X[cut:]
    mean = X_train.mean(axis=0)
    std = X_train.std(axis=0)
    std[std == 0] = 1.0
    X_test -= mean
    X_test /= std
    X_train -= mean
    X_train /= std
    return X_train, X_test, y[:cut], y[cut:]
