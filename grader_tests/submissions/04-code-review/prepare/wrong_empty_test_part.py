# Wrong: slices the test part as X[-n_test:], which is every row when n_test is 0.
import numpy as np


def prepare(X, y, test_fraction=0.2):
    n_test = round(len(X) * test_fraction)
    X_train, X_test = X[: len(X) - n_test], X[-n_test:]
    y_train, y_test = y[: len(y) - n_test], y[-n_test:]
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    std = np.where(std == 0, 1.0, std)
    return (X_train - mean) / std, (X_test - mean) / std, y_train, y_test
