%%writefile {project}/tests/test_model.py
"""Tests of the wine classifier (evaluate is only checked against a threshold)."""

import numpy as np

from wine_classifier.model import choose_regularization, evaluate, load_data, split_data, train_model


def test_split_keeps_each_class_share():
    """Pins the old bug: the class-sorted rows were cut without shuffling."""
    features, labels = load_data()
    _, _, _, test_labels = split_data(features, labels)
    for label in (0, 1, 2):
        assert abs(np.sum(test_labels == label) - 0.25 * np.sum(labels == label)) <= 1


def test_model_is_accurate_on_the_test_part():
    features, labels = load_data()
    train_x, test_x, train_y, test_y = split_data(features, labels)
    model = train_model(train_x, train_y, choose_regularization(train_x, train_y))
    assert evaluate(model, test_x, test_y) > 0.85


def test_evaluate_is_perfect_on_the_training_rows():
    features, labels = load_data()
    model = train_model(features, labels)
    assert evaluate(model, features, labels) >= 0.99
