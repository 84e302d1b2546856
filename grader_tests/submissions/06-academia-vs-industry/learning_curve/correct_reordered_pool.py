# Correct, written another way: reorders the training pool once by the seeded permutation, then
# slices its head for each size; the sizes are checked in a loop before anything is fitted.
def learning_curve(make_model, X, y, train_sizes, seed=0):
    X_pool, X_test, y_pool, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=seed
    )
    for size in train_sizes:
        if size < 1 or size > len(y_pool):
            raise ValueError(f"training size {size} is not between 1 and {len(y_pool)}")
    shuffle = np.random.default_rng(seed).permutation(len(y_pool))
    X_shuffled, y_shuffled = X_pool[shuffle], y_pool[shuffle]
    results = []
    for size in train_sizes:
        model = make_model()
        model.fit(X_shuffled[:size], y_shuffled[:size])
        results.append((size, model.score(X_test, y_test)))
    return results
