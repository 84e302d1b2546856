# Wrong: holds out a quarter without stratify=y, so the test set's classes drift from the data's.
def learning_curve(make_model, X, y, train_sizes, seed=0):
    X_pool, X_test, y_pool, y_test = train_test_split(X, y, test_size=0.25, random_state=seed)
    if any(not 1 <= size <= len(X_pool) for size in train_sizes):
        raise ValueError(f"training sizes must be from 1 to {len(X_pool)}, got {train_sizes}")
    order = np.random.default_rng(seed).permutation(len(X_pool))
    curve = []
    for size in train_sizes:
        chosen = order[:size]
        model = make_model().fit(X_pool[chosen], y_pool[chosen])
        curve.append((size, float(model.score(X_test, y_test))))
    return curve
