%%writefile {project}/tests/test_model.py
"""Tests of the wine classifier (they check sizes, never what each class's share is)."""

import numpy as np
import pytest

from wine_classifier.model import evaluate, load_data, split_data, train_model


class FixedModel:
    """Predicts the given labels, whatever rows it is shown."""

    def __init__(self, answers):
        self.answers = np.array(answers)

    def predict(self, rows):
        return self.answers


def test_load_data_has_178_wines():
    features, labels = load_data()
    assert features.shape == (178, 13)
    assert set(labels) == {0, 1, 2}


def test_split_uses_every_row_once():
    _, labels = load_data()
    row_numbers = np.arange(len(labels)).reshape(-1, 1)
    train, test, _, _ = split_data(row_numbers, labels)
    assert sorted(np.concatenate([train, test]).ravel()) == list(range(len(labels)))


def test_split_keeps_a_quarter_for_testing():
    features, labels = load_data()
    _, test_features, _, test_labels = split_data(features, labels)
    assert len(test_labels) == pytest.approx(0.25 * len(labels), abs=1)
    assert len(test_features) == len(test_labels)


def test_evaluate_gives_the_share_of_correct_predictions():
    model = FixedModel([0, 1, 2, 2])
    assert evaluate(model, np.zeros((4, 1)), np.array([0, 1, 1, 1])) == pytest.approx(0.5)


def test_train_model_predicts_known_labels():
    features, labels = load_data()
    model = train_model(features, labels)
    assert set(model.predict(features)) <= {0, 1, 2}
