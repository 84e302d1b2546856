# Wrong: predicts 1 only for a probability strictly above the threshold (> instead of >=), so a
# probability equal to the threshold changes side.
def precision_recall_f1(probabilities, labels, threshold=0.5):
    """Score the predictions made by thresholding probabilities against the true labels.

    Args:
        probabilities: the model's probability of class 1 for each example.
        labels: the true class of each example, 0 or 1.
        threshold: the smallest probability that predicts class 1.

    Returns:
        A tuple ``(precision, recall, f1)`` of floats, 0.0 where a ratio divides by zero.
    """
    predictions = [1 if probability > threshold else 0 for probability in probabilities]
    pairs = list(zip(predictions, labels))
    true_positives = sum(1 for predicted, label in pairs if predicted == 1 and label == 1)
    false_positives = sum(1 for predicted, label in pairs if predicted == 1 and label == 0)
    false_negatives = sum(1 for predicted, label in pairs if predicted == 0 and label == 1)
    precision = (
        true_positives / (true_positives + false_positives)
        if true_positives + false_positives
        else 0.0
    )
    recall = (
        true_positives / (true_positives + false_negatives)
        if true_positives + false_negatives
        else 0.0
    )
    f1_score = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1_score
