# Wrong: validates nothing, so a size of 0 or beyond the pool is fitted on whatever slice it gets.
def learning_curve(make_model, X, y, train_sizes, seed=0):
    X_pool, X_test, y_pool, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=seed
    )
    order = np.random.default_rng(seed).permutation(len(X_pool))
    curve = []
    for size in train_sizes:
        chosen = order[:size]
        model = make_model().fit(X_pool[chosen], y_pool[chosen])
        curve.append((size, float(model.score(X_test, y_test))))
    return curve
