# Wrong: divides by the training standard deviation even when it is 0, so a constant column
# becomes nan and inf instead of being only centred.
import numpy as np


def prepare(X, y, test_fraction=0.2):
    cut = len(X) - round(len(X) * test_fraction)
    mean, std = X[:cut].mean(axis=0), X[:cut].std(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        return (X[:cut] - mean) / std, (X[cut:] - mean) / std, y[:cut], y[cut:]
