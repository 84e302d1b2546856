# Wrong: splits at random with train_test_split (shuffling), not in time order.
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler


def prepare(X, y, test_fraction=0.2):
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=test_fraction, random_state=0
    )
    scaler = StandardScaler().fit(X_train)
    return scaler.transform(X_train), scaler.transform(X_test), y_train, y_test
