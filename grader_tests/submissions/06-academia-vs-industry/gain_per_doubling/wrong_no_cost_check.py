# Wrong: checks no costs, so a free model (cost 0) or no extra examples crash with
# ZeroDivisionError instead of a ValueError.
def gain_per_doubling(curve):
    sizes, accuracies = zip(*curve, strict=True)
    slope, _ = np.polyfit(np.log2(sizes), accuracies, 1)
    return float(slope)


def predict_accuracy(curve, size):
    sizes, accuracies = zip(*curve, strict=True)
    slope, intercept = np.polyfit(np.log2(sizes), accuracies, 1)
    return float(min(1.0, intercept + slope * np.log2(size)))


def next_investment(curve, current_size, extra_examples, cost_per_example, model_gain, model_cost):
    data_gain = predict_accuracy(curve, current_size + extra_examples) - predict_accuracy(
        curve, current_size
    )
    data_rate = data_gain / (extra_examples * cost_per_example)
    return "data" if data_rate >= model_gain / model_cost else "model"
