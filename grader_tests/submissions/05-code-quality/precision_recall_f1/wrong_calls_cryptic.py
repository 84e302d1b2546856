# Wrong: wraps the cryptic version instead of rewriting it, so the unreadable code is still what
# runs.
def precision_recall_f1(probabilities, labels, threshold=0.5):
    """Score the predictions made by thresholding probabilities against the true labels.

    Args:
        probabilities: the model's probability of class 1 for each example.
        labels: the true class of each example, 0 or 1.
        threshold: the smallest probability that predicts class 1.

    Returns:
        A tuple ``(precision, recall, f1)`` of floats, 0.0 where a ratio divides by zero.
    """
    return reference["pikachu"](probabilities, labels, threshold)
