# Wrong: a tidy, documented stub that returns zeros: it must not collect the style, naming and
# docstring points of a function that does not work.
def precision_recall_f1(probabilities, labels, threshold=0.5):
    """Score thresholded probabilities against the labels.

    Args:
        probabilities: the predicted probability of class 1, one per example.
        labels: the true classes, 0 or 1.
        threshold: the smallest probability that predicts 1.

    Returns:
        The tuple ``(precision, recall, f1)``.
    """
    return 0.0, 0.0, 0.0
