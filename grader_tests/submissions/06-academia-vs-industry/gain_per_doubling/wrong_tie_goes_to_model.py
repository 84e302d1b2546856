# Wrong: an equal gain per unit of money goes to the model instead of the data.
def gain_per_doubling(curve):
    sizes, accuracies = zip(*curve, strict=True)
    slope, _ = np.polyfit(np.log2(sizes), accuracies, 1)
    return float(slope)


def predict_accuracy(curve, size):
    sizes, accuracies = zip(*curve, strict=True)
    slope, intercept = np.polyfit(np.log2(sizes), accuracies, 1)
    return float(min(1.0, intercept + slope * np.log2(size)))


def next_investment(curve, current_size, extra_examples, cost_per_example, model_gain, model_cost):
    if extra_examples <= 0 or cost_per_example <= 0 or model_cost <= 0:
        raise ValueError("costs and the number of extra examples must be more than 0")
    data_gain = predict_accuracy(curve, current_size + extra_examples) - predict_accuracy(
        curve, current_size
    )
    data_rate = data_gain / (extra_examples * cost_per_example)
    return "data" if data_rate > model_gain / model_cost else "model"