# Wrong: shuffles all of X and trains on its first n rows, but scores on a hold-out split off
# separately, so test rows end up in the training sets.
def learning_curve(make_model, X, y, train_sizes, seed=0):
    _, X_test, _, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=seed)
    limit = len(X) - len(X_test)
    if any(not 1 <= size <= limit for size in train_sizes):
        raise ValueError(f"training sizes must be from 1 to {limit}, got {train_sizes}")
    order = np.random.default_rng(seed).permutation(len(X))
    curve = []
    for size in train_sizes:
        model = make_model().fit(X[order[:size]], y[order[:size]])
        curve.append((size, float(model.score(X_test, y_test))))
    return curve
