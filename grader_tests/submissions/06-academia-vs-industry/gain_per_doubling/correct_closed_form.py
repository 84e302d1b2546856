# Correct, written another way: the least-squares line by its closed form (covariance over
# variance) in plain Python, and next_investment comparing cross-multiplied gains and costs.
def _line(curve):
    xs = [math.log2(size) for size, _ in curve]
    ys = [accuracy for _, accuracy in curve]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    covariance = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    variance = sum((x - mean_x) ** 2 for x in xs)
    slope = covariance / variance
    return slope, mean_y - slope * mean_x


def gain_per_doubling(curve):
    slope, _ = _line(curve)
    return slope


def predict_accuracy(curve, size):
    slope, intercept = _line(curve)
    return min(intercept + slope * math.log2(size), 1.0)


def next_investment(curve, current_size, extra_examples, cost_per_example, model_gain, model_cost):
    for name, value in [
        ("extra_examples", extra_examples),
        ("cost_per_example", cost_per_example),
        ("model_cost", model_cost),
    ]:
        if not value > 0:
            raise ValueError(f"{name} must be more than 0, got {value}")
    data_cost = extra_examples * cost_per_example
    data_gain = predict_accuracy(curve, current_size + extra_examples) - predict_accuracy(
        curve, current_size
    )
    # data_gain / data_cost >= model_gain / model_cost, with both costs positive
    return "data" if data_gain * model_cost >= model_gain * data_cost else "model"
