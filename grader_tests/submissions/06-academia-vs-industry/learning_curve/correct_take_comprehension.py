# Correct, written another way: the shuffled order computed before the split is used, the sizes
# checked with min and max, rows picked with np.take, and the curve built in a comprehension.
def learning_curve(make_model, X, y, train_sizes, seed=0):
    sizes = list(train_sizes)
    X_rest, X_held_out, y_rest, y_held_out = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=seed
    )
    rows_left = X_rest.shape[0]
    order = np.random.default_rng(seed).permutation(rows_left)
    if sizes and (min(sizes) < 1 or max(sizes) > rows_left):
        raise ValueError(f"each training size must be between 1 and {rows_left}: {sizes}")

    def accuracy_at(n):
        rows = order[:n]
        model = make_model()
        model.fit(np.take(X_rest, rows, axis=0), np.take(y_rest, rows))
        return float(model.score(X_held_out, y_held_out))

    return [(n, accuracy_at(n)) for n in sizes]
