# Wrong: makes one model before the loop and refits it for every size instead of a fresh one.
def learning_curve(make_model, X, y, train_sizes, seed=0):
    X_pool, X_test, y_pool, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=seed
    )
    if any(not 1 <= size <= len(X_pool) for size in train_sizes):
        raise ValueError(f"training sizes must be from 1 to {len(X_pool)}, got {train_sizes}")
    order = np.random.default_rng(seed).permutation(len(X_pool))
    model = make_model()
    curve = []
    for size in train_sizes:
        chosen = order[:size]
        model.fit(X_pool[chosen], y_pool[chosen])
        curve.append((size, float(model.score(X_test, y_test))))
    return curve
