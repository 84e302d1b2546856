# Wrong: drops the guards of the cryptic version, so it raises ZeroDivisionError when nothing is
# predicted positive, when no label is positive, or when there is no true positive.
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
    true_positives = sum(1 for predicted, label in pairs if predicted == 1 and label == 1)
    false_positives = sum(1 for predicted, label in pairs if predicted == 1 and label == 0)
    false_negatives = sum(1 for predicted, label in pairs if predicted == 0 and label == 1)
    precision = true_positives / (true_positives + false_positives)
    recall = true_positives / (true_positives + false_negatives)
    f1_score = 2 * precision * recall / (precision + recall)
    return precision, recall, f1_score
