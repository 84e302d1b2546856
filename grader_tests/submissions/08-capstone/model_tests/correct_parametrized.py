%%writefile {project}/tests/test_model.py
"""Tests of wine_classifier.model: they check the contract, not one implementation."""

import numpy as np
import pytest
from numpy.testing import assert_array_equal

from wine_classifier import model


class StandIn:
    """A model that answers with fixed labels."""

    def __init__(self, answers):
        self.answers = np.asarray(answers)

    def predict(self, rows):
        return self.answers[: len(rows)]


@pytest.mark.parametrize("seed", [0, 1, 7])
def test_no_class_is_missing_from_either_part(seed):
    """Guards against the bug of train_final_v2.py: cutting the class-sorted rows unshuffled.

    That cut left classes 0 and 1 out of the test part, so the test accuracy meant nothing.
    """
    features, labels = model.load_data()
    _, _, train_labels, test_labels = model.split_data(features, labels, seed=seed)
    for label in np.unique(labels):
        expected = 0.25 * np.count_nonzero(labels == label)
        assert abs(np.count_nonzero(test_labels == label) - expected) <= 1
        assert np.count_nonzero(train_labels == label) > 0


def test_split_keeps_rows_and_labels_together():
    _, labels = model.load_data()
    row_ids = np.arange(len(labels))[:, None]
    train, test, train_labels, test_labels = model.split_data(row_ids, labels, 0.4, 3)
    assert_array_equal(np.sort(np.concatenate([train, test]).ravel()), np.arange(len(labels)))
    assert_array_equal(labels[train.ravel()], train_labels)
    assert_array_equal(labels[test.ravel()], test_labels)


def test_split_depends_on_the_seed_only():
    features, labels = model.load_data()
    first = model.split_data(features, labels, seed=5)
    again = model.split_data(features, labels, seed=5)
    for part, same in zip(first, again):
        assert_array_equal(part, same)


@pytest.mark.parametrize(
    ("answers", "truth", "share"),
    [([0, 1, 2, 2], [0, 1, 1, 1], 0.5), ([2, 2, 2], [2, 2, 2], 1.0), ([0, 0], [1, 2], 0.0)],
)
def test_evaluate_is_the_share_of_right_answers(answers, truth, share):
    rows = np.zeros((len(truth), 13))
    assert model.evaluate(StandIn(answers), rows, np.asarray(truth)) == pytest.approx(share)


def test_choose_regularization_returns_a_candidate():
    features, labels = model.load_data()
    chosen = model.choose_regularization(features, labels, candidates=(0.5, 2.0), folds=3)
    assert chosen in (0.5, 2.0)


def test_main_prints_and_returns_the_test_accuracy(capsys):
    accuracy = model.main(["--seed", "1"])
    assert 0.85 <= accuracy <= 1.0
    assert "accuracy" in capsys.readouterr().out.lower()
