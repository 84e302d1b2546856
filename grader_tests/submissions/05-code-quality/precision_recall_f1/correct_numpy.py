# Correct, written another way: vectorised with numpy boolean masks, turning the counts back into
# Python floats.
import numpy as np


def precision_recall_f1(probabilities, labels, threshold=0.5):
    """Return precision, recall and F1 of the predictions made with a probability threshold.

    Args:
        probabilities (array-like): probability of the positive class for each example.
        labels (array-like): true class of each example, 1 for positive and 0 for negative.
        threshold (float): the lowest probability that is predicted positive.

    Returns:
        tuple: ``(precision, recall, f1)`` as floats, 0.0 where a denominator is zero.
    """
    predicted = np.asarray(probabilities, dtype=float) >= threshold
    actual = np.asarray(labels, dtype=int) == 1
    true_positives = int(np.sum(predicted & actual))
    predicted_count = int(np.sum(predicted))
    actual_count = int(np.sum(actual))
    precision = true_positives / predicted_count if predicted_count > 0 else 0.0
    recall = true_positives / actual_count if actual_count > 0 else 0.0
    if precision + recall == 0:
        return precision, recall, 0.0
    return precision, recall, 2 * precision * recall / (precision + recall)
