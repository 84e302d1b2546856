# Wrong: names the list of predictions "data" and a loop value "val", names that could hold
# anything.
def precision_recall_f1(probabilities, labels, threshold=0.5):
    """Score the predictions made by thresholding probabilities against the true labels.

    Args:
        probabilities: the model's probability of class 1 for each example.
        labels: the true class of each example, 0 or 1.
        threshold: the smallest probability that predicts class 1.

    Returns:
        A tuple ``(precision, recall, f1)`` of floats, 0.0 where a ratio divides by zero.
    """
    data = [1 if val >= threshold else 0 for val in probabilities]
    pairs = list(zip(data, labels))
    true_positives = sum(1 for predicted, label in pairs if predicted == 1 and label == 1)
    false_positives = sum(1 for predicted, label in pairs if predicted == 1 and label == 0)
    false_negatives = sum(1 for predicted, label in pairs if predicted == 0 and label == 1)
    predicted_positives = true_positives + false_positives
    actual_positives = true_positives + false_negatives
    precision = true_positives / predicted_positives if predicted_positives else 0.0
    recall = true_positives / actual_positives if actual_positives else 0.0
    f1_score = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1_score
