# Wrong: a line over the limit, silenced with # noqa instead of wrapped.
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
        (int(probability >= threshold), int(label))
        for probability, label in zip(probabilities, labels, strict=True)
    )
    hits = outcomes[1, 1]
    false_alarms = outcomes[1, 0]
    misses = outcomes[0, 1]
    precision = hits / (hits + false_alarms) if hits + false_alarms else 0.0  # the share of predicted ones that are right  # noqa: E501
    recall = hits / (hits + misses) if hits + misses else 0.0
    errors_and_hits = 2 * hits + false_alarms + misses
    f1_score = 2 * hits / errors_and_hits if errors_and_hits else 0.0
    return precision, recall, f1_score
