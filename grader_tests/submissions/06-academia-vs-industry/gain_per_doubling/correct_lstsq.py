# Correct, written another way: the line fitted with np.linalg.lstsq on a design matrix
# [log2(size), 1], and the data gain of next_investment written as a slope times doublings
# (capped through predict_accuracy only when the cap bites).
def _fit(curve):
    points = np.asarray(curve, dtype=float)
    design = np.column_stack([np.log2(points[:, 0]), np.ones(len(points))])
    (slope, intercept), *_ = np.linalg.lstsq(design, points[:, 1], rcond=None)
    return float(slope), float(intercept)


def gain_per_doubling(curve):
    return _fit(curve)[0]


def predict_accuracy(curve, size):
    slope, intercept = _fit(curve)
    return float(np.clip(slope * np.log2(size) + intercept, None, 1.0))


def next_investment(curve, current_size, extra_examples, cost_per_example, model_gain, model_cost):
    if min(extra_examples, cost_per_example, model_cost) <= 0:
        raise ValueError("extra_examples, cost_per_example and model_cost must be more than 0")
    after = predict_accuracy(curve, current_size + extra_examples)
    before = predict_accuracy(curve, current_size)
    per_money_data = (after - before) / (extra_examples * cost_per_example)
    per_money_model = model_gain / model_cost
    return "model" if per_money_model > per_money_data else "data"
