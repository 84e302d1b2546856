# Correct, written another way: divides by the raw standard deviation and repairs constant columns
# with np.where afterwards, which makes numpy warn about dividing by zero (the values are right).
import numpy as np


def prepare(X, y, test_fraction=0.2):
    cut = len(X) - round(len(X) * test_fraction)
    mean, std = X[:cut].mean(axis=0), X[:cut].std(axis=0)

    def scale(rows):
        return np.where(std == 0, rows - mean, (rows - mean) / std)

    return scale(X[:cut]), scale(X[cut:]), y[:cut], y[cut:]
