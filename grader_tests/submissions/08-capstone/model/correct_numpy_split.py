%%writefile {project}/src/wine_classifier/model.py
"""Wine cultivar classifier: data, split, training, evaluation and a command line."""

import argparse

import numpy as np
from sklearn.datasets import load_wine
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

DEFAULT_CANDIDATES = (0.01, 0.1, 1.0)


def load_data():
    """Return scikit-learn's wine measurements and labels, in their order."""
    wine = load_wine()
    return wine.data, wine.target


def split_data(features, labels, test_fraction=0.25, seed=0):
    """Shuffle each class with ``seed``; put ``test_fraction`` of it in the test part.

    Returns ``(train_features, test_features, train_labels, test_labels)``.
    """
    features, labels = np.asarray(features), np.asarray(labels)
    generator = np.random.default_rng(seed)
    in_test = np.zeros(len(labels), dtype=bool)
    for label in np.unique(labels):
        rows = generator.permutation(np.flatnonzero(labels == label))
        in_test[rows[: round(test_fraction * len(rows))]] = True
    return features[~in_test], features[in_test], labels[~in_test], labels[in_test]


def _pipeline(inverse_regularization):
    return Pipeline(
        [
            ("scale", StandardScaler()),
            ("classify", LogisticRegression(C=inverse_regularization, max_iter=1000)),
        ]
    )


def train_model(features, labels, inverse_regularization=1.0):
    """Fit a standardising logistic regression with C=inverse_regularization."""
    return _pipeline(inverse_regularization).fit(features, labels)


def evaluate(model, features, labels):
    """Return the fraction of rows that ``model`` labels correctly."""
    predicted = np.asarray(model.predict(features))
    return float(np.count_nonzero(predicted == np.asarray(labels)) / len(labels))


def choose_regularization(features, labels, candidates=DEFAULT_CANDIDATES, folds=5):
    """Return the candidate C with the best mean accuracy in ``folds``-fold CV."""

    def mean_accuracy(candidate):
        return cross_val_score(_pipeline(candidate), features, labels, cv=folds).mean()

    return max(candidates, key=mean_accuracy)  # max keeps the first of equal scores


def main(argv=None):
    """Run the whole experiment from the command line; return the test accuracy."""
    parser = argparse.ArgumentParser(prog="python -m wine_classifier.model")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--test-fraction", type=float, default=0.25)
    arguments = parser.parse_args(argv)
    train_x, test_x, train_y, test_y = split_data(
        *load_data(), test_fraction=arguments.test_fraction, seed=arguments.seed
    )
    best_c = choose_regularization(train_x, train_y)
    accuracy = evaluate(train_model(train_x, train_y, best_c), test_x, test_y)
    print(f"Test accuracy with C={best_c}: {accuracy:.3f}")
    return accuracy


if __name__ == "__main__":
    main()
