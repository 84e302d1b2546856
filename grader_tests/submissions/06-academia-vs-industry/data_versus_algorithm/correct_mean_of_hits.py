# Correct, written another way: the tenth picked with np.take from the seeded order, accuracy as
# the share of correct predictions, and the result built from a small helper.
def data_versus_algorithm(X, y, seed=0):
    X_train, X_held_out, y_train, y_held_out = train_test_split(
        X, y, stratify=y, test_size=0.25, random_state=seed
    )
    order = np.random.default_rng(seed).permutation(X_train.shape[0])
    few = order[: X_train.shape[0] // 10]

    def accuracy(model, X_fit, y_fit):
        model.fit(X_fit, y_fit)
        return float(np.mean(model.predict(X_held_out) == y_held_out))

    simple = accuracy(KNeighborsClassifier(n_neighbors=1), X_train, y_train)
    complex_ = accuracy(SVC(), np.take(X_train, few, axis=0), np.take(y_train, few))
    return dict(
        simple_all_data=simple,
        complex_tenth=complex_,
        data_beats_algorithm=simple > complex_,
    )
