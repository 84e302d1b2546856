# Wrong: the docstring's Args: still describes the old parameter names (scores, targets) and
# leaves out threshold, so it does not match the signature.
def precision_recall_f1(probabilities, labels, threshold=0.5):
    """Score the predictions made by thresholding probabilities against the true labels.

    Args:
        scores: the model's probability of class 1 for each example.
        targets: the true class of each example, 0 or 1.

    Returns:
        A tuple ``(precision, recall, f1)`` of floats, 0.0 where a ratio divides by zero.
    """
    predictions = [1 if probability >= threshold else 0 for probability in probabilities]
    pairs = list(zip(predictions, labels))
    true_positives = sum(1 for predicted, label in pairs if predicted == 1 and label == 1)
    false_positives = sum(1 for predicted, label in pairs if predicted == 1 and label == 0)
    false_negatives = sum(1 for predicted, label in pairs if predicted == 0 and label == 1)
    predicted_positives = true_positives + false_positives
    actual_positives = true_positives + false_negatives
    precision = true_positives / predicted_positives if predicted_positives else 0.0
    recall = true_positives / actual_positives if actual_positives else 0.0
    f1_score = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1_score
