# Wrong: draws each training set independently from one seeded generator, so the sets are
# reproducible but not nested: a bigger set need not contain the smaller ones.
def learning_curve(make_model, X, y, train_sizes, seed=0):
    X_pool, X_test, y_pool, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=seed
    )
    if any(not 1 <= size <= len(X_pool) for size in train_sizes):
        raise ValueError(f"training sizes must be from 1 to {len(X_pool)}, got {train_sizes}")
    rng = np.random.default_rng(seed)
    curve = []
    for size in train_sizes:
        chosen = rng.permutation(len(X_pool))[:size]
        model = make_model().fit(X_pool[chosen], y_pool[chosen])
        curve.append((size, float(model.score(X_test, y_test))))
    return curve
