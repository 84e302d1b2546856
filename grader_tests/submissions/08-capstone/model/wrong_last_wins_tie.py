%%writefile {project}/src/wine_classifier/model.py
# Wrong: ties go to the last equally good candidate (>=), not the first.
"""Train and evaluate a classifier of wine cultivars from chemical measurements.

The data are the 178 wines that scikit-learn bundles, so nothing is downloaded. Run
``python -m wine_classifier.model`` to choose the regularisation by cross-validation
on the training part, train on it, and print the accuracy on the held-out test part.
"""

import argparse

from sklearn.datasets import load_wine
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

#: The values of LogisticRegression's C to choose from.
CANDIDATES = (0.01, 0.1, 1.0)


def load_data():
    """Return the wine measurements (178 rows, 13 columns) and their cultivars."""
    return load_wine(return_X_y=True)


def split_data(features, labels, test_fraction=0.25, seed=0):
    """Split the rows into a training and a test part that keep each class's share.

    The rows are shuffled with ``seed`` first: the data come sorted by class, and a
    cut without shuffling puts whole classes into one part.

    Returns:
        ``(train_features, test_features, train_labels, test_labels)``.
    """
    return train_test_split(
        features, labels, test_size=test_fraction, random_state=seed, stratify=labels
    )


def make_model(inverse_regularization=1.0):
    """Return an untrained pipeline: standardise, then a logistic regression."""
    return make_pipeline(
        StandardScaler(),
        LogisticRegression(C=inverse_regularization, max_iter=1000),
    )


def train_model(features, labels, inverse_regularization=1.0):
    """Return the pipeline of :func:`make_model`, fitted to the features and labels."""
    return make_model(inverse_regularization).fit(features, labels)


def evaluate(model, features, labels):
    """Return the share of rows whose label the model predicts correctly (0 to 1)."""
    return float((model.predict(features) == labels).mean())


def choose_regularization(features, labels, candidates=CANDIDATES, folds=5):
    """Return the candidate C with the best mean cross-validated accuracy.

    The first candidate wins a tie.
    """
    scores = [
        cross_val_score(make_model(candidate), features, labels, cv=folds).mean()
        for candidate in candidates
    ]
    best = 0
    for index, score in enumerate(scores):
        if score >= scores[best]:
            best = index
    return candidates[best]


def main(argv=None):
    """Choose C on the training part, train, and print and return the test accuracy."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0, help="seed of the split")
    parser.add_argument("--test-fraction", type=float, default=0.25)
    options = parser.parse_args(argv)
    features, labels = load_data()
    train_features, test_features, train_labels, test_labels = split_data(
        features, labels, options.test_fraction, options.seed
    )
    strength = choose_regularization(train_features, train_labels)
    model = train_model(train_features, train_labels, strength)
    accuracy = evaluate(model, test_features, test_labels)
    print(f"C={strength}: test accuracy {accuracy:.3f}")
    return accuracy


if __name__ == "__main__":
    main()