# Wrong: keeps the two-letter counts tp, fp and fn of the cryptic version ("everybody knows what
# tp means"), which the naming rule does not allow.
def precision_recall_f1(probabilities, labels, threshold=0.5):
    """Score the predictions made by thresholding probabilities against the true labels.

    Args:
        probabilities: the model's probability of class 1 for each example.
        labels: the true class of each example, 0 or 1.
        threshold: the smallest probability that predicts class 1.

    Returns:
        A tuple ``(precision, recall, f1)`` of floats, 0.0 where a ratio divides by zero.
    """
    predictions = [1 if probability >= threshold else 0 for probability in probabilities]
    pairs = list(zip(predictions, labels))
    tp = sum(1 for predicted, label in pairs if predicted == 1 and label == 1)
    fp = sum(1 for predicted, label in pairs if predicted == 1 and label == 0)
    fn = sum(1 for predicted, label in pairs if predicted == 0 and label == 1)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1_score = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1_score
