"""Pull requests for the code-review lesson, made with real git in a throwaway repository.

A pull request here is what a reviewer reads: the unified diff between the main branch and a
feature branch, as ``git diff`` prints it. :func:`pull_request_diff` makes one from any set of
files, so lessons and tests can build their own. The sensor pull request below is the lesson's
material: a realistic change to an ML data-preparation package with the kinds of defects that
reviews catch. It is material to read, not an answer key: nothing here says where its defects
are or how to fix them.
"""

from __future__ import annotations

from collections.abc import Mapping

from course.gitsandbox import Branch, Commit, apply_history, git, git_sandbox

#: What a review finding may be about, with the question a reviewer asks for each.
CATEGORIES: dict[str, str] = {
    "leakage": "Is a statistic or model fitted on data that includes the test part?",
    "off-by-one": "Does a slice bound ending in `- 1` or `+ 1` lose or repeat a row?",
    "mutable-default": "Is a list, dict or set used as a default value, shared between calls?",
    "swallowed-exception": "Does an `except` do nothing but `pass`, hiding the error?",
    "wrong-axis": "Is a per-feature statistic taken along axis=1, across each row?",
    "misleading-name": "Does a name say `train` for something about test data, or the reverse?",
    "missing-test": "Does a changed source file come without a change to its `test_` file?",
}

FileContent = str | bytes | None


def pull_request_diff(
    base: Mapping[str, FileContent],
    changes: Mapping[str, FileContent],
    renames: Mapping[str, str] | None = None,
) -> str:
    """Return the unified diff of a pull request, made by real git in a throwaway repository.

    The ``main`` branch gets one commit with the ``base`` files; a ``feature`` branch renames
    files (``git mv``) and then writes ``changes`` (``None`` deletes a file). The result is
    ``git diff --find-renames main feature``: what GitHub shows on a pull request's
    "Files changed" tab.

    Args:
        base: path -> content (text, or bytes for a binary file) on the main branch.
        changes: path -> new content, or ``None`` to delete the file, on the feature branch.
        renames: old path -> new path, applied before ``changes``.

    Returns:
        The diff as text, ending with a newline (empty if nothing changed).
    """
    with git_sandbox([Commit("Base", dict(base)), Branch("feature")]) as repo:
        for old, new in (renames or {}).items():
            (repo / new).parent.mkdir(parents=True, exist_ok=True)
            git(repo, "mv", old, new)
        apply_history(repo, [Commit("Change", dict(changes))])
        return git(repo, "diff", "--find-renames", "main", "feature", strip=False)


SENSOR_BASE: dict[str, str] = {
    "README.md": "# sensors\n\nPredict pump failures from vibration and temperature readings.\n",
    "src/sensors/__init__.py": '"""Pump-failure prediction from sensor readings."""\n',
    "src/sensors/load.py": '''\
"""Read sensor readings exported as comma-separated text."""

import numpy as np


def read_rows(lines):
    """Parse comma-separated readings into a 2-D float array, one row per non-blank line."""
    rows = [[float(value) for value in line.split(",")] for line in lines if line.strip()]
    return np.array(rows)
''',
    "tests/test_load.py": """\
from sensors.load import read_rows


def test_read_rows_skips_blank_lines():
    assert read_rows(["1,2", "", "3,4"]).tolist() == [[1.0, 2.0], [3.0, 4.0]]
""",
}

SENSOR_CHANGES: dict[str, str] = {
    "src/sensors/load.py": '''\
"""Read sensor readings exported as comma-separated text."""

import numpy as np


def read_rows(lines, skip=[]):
    """Parse comma-separated readings into a 2-D float array, one row per non-blank line.

    Lines whose numbers are in ``skip`` (counting from 0) are left out.
    """
    rows = []
    for number, line in enumerate(lines):
        if number in skip or not line.strip():
            continue
        try:
            rows.append([float(value) for value in line.split(",")])
        except ValueError:
            pass
    return np.array(rows)
''',
    "src/sensors/prepare.py": '''\
"""Split and scale the sensor readings for the pump-failure classifier."""

import numpy as np
from sklearn.preprocessing import StandardScaler


def split_by_time(X, y, test_fraction=0.2):
    """Keep the rows in time order: the earlier rows train, the latest ``test_fraction`` test."""
    train_size = round(len(X) * test_fraction)
    cut = len(X) - train_size
    return X[: cut - 1], X[cut:], y[: cut - 1], y[cut:]


def scale(X_train, X_test):
    """Standardise both parts with the mean and standard deviation of the training part."""
    scaler = StandardScaler()
    scaler.fit(np.vstack([X_train, X_test]))
    X_train_scaled = scaler.transform(X_train)
    X_test_scaled = scaler.transform(X_test)
    return X_train_scaled, X_test_scaled


def feature_ranges(X):
    """Return each feature's range (largest minus smallest reading) across the rows."""
    return X.max(axis=1) - X.min(axis=1)


def prepare(X, y, test_fraction=0.2):
    """Split in time order, then scale: ``(X_train, X_test, y_train, y_test)``."""
    X_train, X_test, y_train, y_test = split_by_time(X, y, test_fraction)
    X_train_scaled, X_test_scaled = scale(X_train, X_test)
    return X_train_scaled, X_test_scaled, y_train, y_test
''',
}

SENSOR_DESCRIPTION = """\
## What

Adds `sensors.prepare`: a time-ordered train/test split, standard scaling and a feature-range
helper, and lets `read_rows` skip rows by number.

## Why

The failure classifier needs scaled features, and a random split leaked future readings into
training (issue #12).

## How tested

<!-- Say how a reviewer can check this change. -->
"""


def sensor_pull_request() -> str:
    """Return the lesson's pull request: splitting and scaling added to the sensors package."""
    return pull_request_diff(SENSOR_BASE, SENSOR_CHANGES)
