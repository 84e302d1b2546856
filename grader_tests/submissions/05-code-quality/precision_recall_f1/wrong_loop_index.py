# Wrong: a one-letter loop index, which the notebook's naming rule does not allow.
from collections import Counter


def precision_recall_f1(probabilities, labels, threshold=0.5):
    """Compare thresholded probabilities with the true labels.

    Args:
        probabilities: the predicted probability of class 1, one per example.
        labels: the true classes, 0 or 1, in the same order.
        threshold: probabilities at or above it count as a prediction of 1.

    Returns:
        The tuple ``(precision, recall, f1)``; each ratio with a zero denominator is 0.0.
    """
    outcomes = Counter(
        (int(probabilities[i] >= threshold), int(labels[i])) for i in range(len(labels))
    )
    hits = outcomes[1, 1]
    false_alarms = outcomes[1, 0]
    misses = outcomes[0, 1]
    precision = hits / (hits + false_alarms) if hits + false_alarms else 0.0
    recall = hits / (hits + misses) if hits + misses else 0.0
    errors_and_hits = 2 * hits + false_alarms + misses
    f1_score = 2 * hits / errors_and_hits if errors_and_hits else 0.0
    return precision, recall, f1_score
