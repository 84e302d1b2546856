# Wrong: checks each size only when its turn comes, so the smaller sizes before a bad one have
# already been fitted when the ValueError is raised.
def learning_curve(make_model, X, y, train_sizes, seed=0):
    X_pool, X_test, y_pool, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=seed
    )
    order = np.random.default_rng(seed).permutation(len(X_pool))
    curve = []
    for size in train_sizes:
        if not 1 <= size <= len(X_pool):
            raise ValueError(f"training size {size} is not from 1 to {len(X_pool)}")
        chosen = order[:size]
        model = make_model().fit(X_pool[chosen], y_pool[chosen])
        curve.append((size, float(model.score(X_test, y_test))))
    return curve
