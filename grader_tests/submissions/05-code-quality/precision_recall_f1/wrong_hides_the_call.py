# Wrong: reaches the cryptic version through globals() with a spliced name, so no banned name
# appears in the function's code.
def precision_recall_f1(probabilities, labels, threshold=0.5):
    """Score thresholded probabilities against the labels.

    Args:
        probabilities: the predicted probability of class 1, one per example.
        labels: the true classes, 0 or 1.
        threshold: the smallest probability that predicts 1.

    Returns:
        The tuple ``(precision, recall, f1)``.
    """
    namespace = globals()["refer" + "ence"]
    return namespace["pika" + "chu"](probabilities, labels, threshold)
