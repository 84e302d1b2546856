# Wrong: calls train_test_split again for each size with train_size=n, so every point is scored
# on a different test set (all the rows not trained on).
def learning_curve(make_model, X, y, train_sizes, seed=0):
    limit = len(X) - math.ceil(0.25 * len(X))
    if any(not 1 <= size <= limit for size in train_sizes):
        raise ValueError(f"training sizes must be from 1 to {limit}, got {train_sizes}")
    curve = []
    for size in train_sizes:
        X_train, X_test, y_train, y_test = train_test_split(
            X, y, train_size=size, stratify=y, random_state=seed
        )
        model = make_model().fit(X_train, y_train)
        curve.append((size, float(model.score(X_test, y_test))))
    return curve
