# Correct, written another way: scikit-learn's train_test_split without shuffling, then
# fit_transform on the training part and transform on the test part.
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler


def prepare(X, y, test_fraction=0.2):
    n_test = round(len(X) * test_fraction)
    if n_test == 0:
        X_train, X_test, y_train, y_test = X, X[len(X) :], y, y[len(y) :]
    else:
        X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=n_test, shuffle=False)
    scaler = StandardScaler()
    X_train = scaler.fit_transform(X_train)
    if len(X_test):  # StandardScaler refuses an empty array
        X_test = scaler.transform(X_test)
    return X_train, X_test, y_train, y_test
