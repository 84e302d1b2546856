# Wrong: fixes the split but still fits the scaler on every row, test rows included (leakage).
from sklearn.preprocessing import StandardScaler


def prepare(X, y, test_fraction=0.2):
    cut = len(X) - round(len(X) * test_fraction)
    scaler = StandardScaler().fit(X)
    return scaler.transform(X[:cut]), scaler.transform(X[cut:]), y[:cut], y[cut:]
