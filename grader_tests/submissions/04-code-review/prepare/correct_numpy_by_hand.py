# Correct, written another way: plain numpy, the population standard deviation by hand, and
# np.where to leave a constant training column unscaled (only centred).
import numpy as np


def prepare(X, y, test_fraction=0.2):
    n_test = int(round(len(X) * test_fraction))
    n_train = len(X) - n_test
    train_part, test_part = X[:n_train], X[n_train:]
    mean = train_part.mean(axis=0)
    spread = np.sqrt(((train_part - mean) ** 2).mean(axis=0))
    spread = np.where(spread == 0, 1.0, spread)
    return (
        (train_part - mean) / spread,
        (test_part - mean) / spread,
        y[:n_train].copy(),
        y[n_train:].copy(),
    )
