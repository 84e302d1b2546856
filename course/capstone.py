"""The capstone's material: a messy ML project to clean up, and a plain task board.

:func:`unpack_messy_project` writes a small, realistic, messy project into a new folder: one long
script with global state and copy-pasted blocks, a hard-coded absolute path, cryptic names, no
tests and no list of requirements, a stray data file and model file, and a notebook saved with
its outputs. Its data are scikit-learn's bundled wine measurements, so nothing is downloaded.

:class:`TaskBoard` is a plain stand-in for module 03's Kanban board: cards, columns and
checklists, and none of that board's rules.

``course.fresh_machine`` rebuilds the student's clean-up the way a new colleague would meet it.
Nothing here is an answer: the tests decide what a good clean-up is.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable
from pathlib import Path

import nbformat
import numpy as np
from sklearn.datasets import load_wine
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from course.planning import COLUMNS
from course.sandbox import folder_removed_at_exit

#: The messy project's folder name, as its author had it on their laptop.
PROJECT_FOLDER = "wine-project"
#: Where the author kept it; the script still reads and writes there.
AUTHOR_FOLDER = "/home/kim/Desktop/wine-project"

MESSY_SCRIPT = f'''\
# wine classifier -- FINAL v2 (Kim)
# usage: python train_final_v2.py   (takes a few secs)
import numpy as np
import pickle
from sklearn.preprocessing import StandardScaler
from sklearn.linear_model import LogisticRegression

d = np.loadtxt("{AUTHOR_FOLDER}/data/wine.csv", delimiter=",", skiprows=1)
X = d[:, :-1]
y = d[:, -1].astype(int)

# 75/25 split
n = int(len(X) * 0.75)
Xtr = X[:n]
Xte = X[n:]
ytr = y[:n]
yte = y[n:]

best = 0
bm = None

# C = 0.01
s = StandardScaler()
Xtr2 = s.fit_transform(Xtr)
Xte2 = s.transform(Xte)
m = LogisticRegression(C=0.01, max_iter=1000)
m.fit(Xtr2, ytr)
a = (m.predict(Xte2) == yte).sum() / len(yte)
print("C=0.01", a)
if a > best:
    best = a
    bm = (s, m)

# C = 0.1
s = StandardScaler()
Xtr2 = s.fit_transform(Xtr)
Xte2 = s.transform(Xte)
m = LogisticRegression(C=0.1, max_iter=1000)
m.fit(Xtr2, ytr)
a = (m.predict(Xte2) == yte).sum() / len(yte)
print("C=0.1", a)
if a > best:
    best = a
    bm = (s, m)

# C = 1 (default)
s = StandardScaler()
Xtr2 = s.fit_transform(Xtr)
Xte2 = s.transform(Xte)
m = LogisticRegression(C=1.0, max_iter=1000)
m.fit(Xtr2, ytr)
a = (m.predict(Xte2) == yte).sum() / len(yte)
print("C=1", a)
if a > best:
    best = a
    bm = (s, m)

print("BEST:", best)
pickle.dump(bm, open("{AUTHOR_FOLDER}/model.pkl", "wb"))
'''

_NOTES = """\
TODO
- v2 test acc is way lower than v1??? (v1 had 0.97) - check with supervisor
- clean this up before sharing with Alex
- model.pkl = the best one from v2, do NOT delete
- need requirements? it works on my laptop
"""


def _wine_table() -> tuple[np.ndarray, list[str]]:
    """Return scikit-learn's wine data as one table, label last, and its column names."""
    wine = load_wine()
    table = np.column_stack([wine.data, wine.target])
    return table, [*wine.feature_names, "cultivar"]


def _stray_model(table: np.ndarray) -> bytes:
    """Return the pickled (scaler, model) pair that the messy script left behind."""
    features, labels = table[:, :-1], table[:, -1].astype(int)
    scaler = StandardScaler().fit(features[:133])
    model = LogisticRegression(C=1.0, max_iter=1000).fit(
        scaler.transform(features[:133]), labels[:133]
    )
    return pickle.dumps((scaler, model))


def _exploration_notebook() -> nbformat.NotebookNode:
    """Return the author's exploration notebook, saved with its outputs, run out of order."""
    notebook = nbformat.v4.new_notebook()
    load = nbformat.v4.new_code_cell(
        "import numpy as np\n"
        f'd = np.loadtxt("{AUTHOR_FOLDER}/data/wine.csv", delimiter=",", skiprows=1)\n'
        "d.shape",
        execution_count=7,
    )
    load.outputs = [
        nbformat.v4.new_output("execute_result", {"text/plain": "(178, 14)"}, execution_count=7)
    ]
    counts = nbformat.v4.new_code_cell(
        "np.bincount(d[:, -1].astype(int))  # classes look fine", execution_count=3
    )
    counts.outputs = [
        nbformat.v4.new_output(
            "execute_result", {"text/plain": "array([59, 71, 48])"}, execution_count=3
        )
    ]
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# wine - first look"),
        load,
        counts,
        nbformat.v4.new_code_cell("d[:, 12].mean()  # alcohol?? check", execution_count=None),
    ]
    return notebook


def write_messy_project(parent: Path) -> Path:
    """Write the messy project into ``parent / PROJECT_FOLDER`` and return that folder.

    The folder holds ``train_final_v2.py`` (the script), ``data/wine.csv`` (the data, sorted by
    class, as scikit-learn ships it), ``model.pkl`` (a pickled scaler and model),
    ``explore.ipynb`` (saved with outputs) and ``notes.txt``.
    """
    project = parent / PROJECT_FOLDER
    (project / "data").mkdir(parents=True)
    table, names = _wine_table()
    np.savetxt(
        project / "data" / "wine.csv",
        table,
        delimiter=",",
        header=",".join(names),
        comments="",
        fmt="%g",
    )
    (project / "model.pkl").write_bytes(_stray_model(table))
    (project / "train_final_v2.py").write_text(MESSY_SCRIPT, encoding="utf-8")
    (project / "notes.txt").write_text(_NOTES, encoding="utf-8")
    nbformat.write(_exploration_notebook(), str(project / "explore.ipynb"))
    return project


def unpack_messy_project() -> Path:
    """Unpack a fresh copy of the messy project into a new temporary folder; return its folder.

    Every call gives a new folder, so running the cell again starts the clean-up over. The
    folder is deleted when the kernel stops.
    """
    return write_messy_project(folder_removed_at_exit("course-capstone-"))


# -- a plain board ----------------------------------------------------------------------------


class TaskBoard:
    """A plain task board: cards in columns, each with a checklist; it enforces no rules.

    It speaks the board contract of ``course.planning``, so ``course.kanban_widget.board_view``
    can show it, but it has none of the rules (work-in-progress limits, blocked reasons, a
    definition of done checked before "Done") that module 03's board enforces.

    Example:
        >>> board = TaskBoard()
        >>> card = board.add("Add a CI job", "kim", ["CI runs the tests on every push"])
        >>> board.cards("TODO")[0]["title"]
        'Add a CI job'
    """

    def __init__(self) -> None:
        """Start an empty board."""
        self._cards: list[dict] = []

    def add(self, title: str, owner: str, checklist: Iterable[str] = ()) -> int:
        """Add a card to "TODO" with an unticked checklist; return the card's id."""
        card = {
            "id": len(self._cards) + 1,
            "title": title,
            "owner": owner,
            "column": "TODO",
            "reason": None,
            "checklist": dict.fromkeys(checklist, False),
        }
        self._cards.append(card)
        return card["id"]

    def _card(self, card_id: int) -> dict:
        """Return the card with id ``card_id``, or raise KeyError."""
        for card in self._cards:
            if card["id"] == card_id:
                return card
        raise KeyError(f"no card has the id {card_id!r}")

    def tick(self, card_id: int, item: str) -> None:
        """Tick one item of a card's checklist; raise KeyError for an unknown card or item."""
        checklist = self._card(card_id)["checklist"]
        if item not in checklist:
            raise KeyError(f"card {card_id} has no checklist item {item!r}")
        checklist[item] = True

    def move(self, card_id: int, column: str, reason: str | None = None) -> None:
        """Move a card to ``column`` (one of ``course.planning.COLUMNS``); no rule is checked."""
        if column not in COLUMNS:
            raise ValueError(f"{column!r} is not a column; the columns are {', '.join(COLUMNS)}")
        card = self._card(card_id)
        card["column"] = column
        card["reason"] = reason if column == "Blocked" else None

    def cards(self, column: str) -> list[dict]:
        """Return copies of the cards in ``column``, in the order they were added."""
        if column not in COLUMNS:
            raise ValueError(f"{column!r} is not a column; the columns are {', '.join(COLUMNS)}")
        return [
            {**card, "checklist": dict(card["checklist"])}
            for card in self._cards
            if card["column"] == column
        ]
