"""The capstone's material: a messy ML project to clean up, and a fresh machine to rebuild it on.

:func:`unpack_messy_project` writes a small, realistic, messy project into a new folder: one long
script with global state and copy-pasted blocks, a hard-coded absolute path, cryptic names, no
tests and no list of requirements, a stray data file and model file, and a notebook saved with
its outputs. Its data are scikit-learn's bundled wine measurements, so nothing is downloaded.

:func:`rebuild_from_scratch` meets a cleaned-up project the way a new colleague would: it takes
a copy of the project, lets the student's own ``commit_history`` turn the copy into a git
repository, clones that repository into an empty folder, makes a fresh virtual environment and
runs the README's set-up commands in it, with no internet. The environment sees the course's
installed packages (as if pip had a local mirror of them), so an offline ``pip install`` of the
project succeeds exactly when the project pins versions the course has.

:class:`TaskBoard` is a plain stand-in for module 03's Kanban board: cards, columns and
checklists, and none of that board's rules.

Nothing here is an answer: the tests decide what a good clean-up is; this module only provides
the material and runs what the student wrote.
"""

from __future__ import annotations

import atexit
import hashlib
import pickle
import re
import shlex
import shutil
import sys
import sysconfig
import tempfile
import textwrap
import venv
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import mistune
import nbformat
import numpy as np
from sklearn.datasets import load_wine
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from course.gitsandbox import git, git_environment
from course.planning import COLUMNS
from course.shell import BashRun, run_bash

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


def _removed_at_exit(prefix: str) -> Path:
    """Return a new temporary folder that is deleted when this Python process ends."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def unpack_messy_project() -> Path:
    """Unpack a fresh copy of the messy project into a new temporary folder; return its folder.

    Every call gives a new folder, so running the cell again starts the clean-up over. The
    folder is deleted when the kernel stops.
    """
    return write_messy_project(_removed_at_exit("course-capstone-"))


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


# -- reading a README -------------------------------------------------------------------------

#: Headings (lower case, without punctuation) that name a README's set-up section.
SETUP_HEADINGS = ("set up", "setup", "installation", "install", "getting started")
#: Headings that name a README's section on running the project.
USAGE_HEADINGS = ("usage", "run", "running", "how to run", "quick start", "quickstart")
#: The info strings of fenced code blocks whose lines are shell commands.
SHELL_LANGUAGES = ("bash", "sh", "shell", "console")


def _heading_text(node: dict) -> str:
    """Return a heading's words in lower case, punctuation turned into spaces."""
    words = "".join(child.get("raw", "") for child in node.get("children", []))
    return " ".join("".join(c if c.isalnum() else " " for c in words.lower()).split())


def shell_block(markdown: str, headings: Iterable[str]) -> str | None:
    """Return the first shell code block of the README section named by one of ``headings``.

    A section runs from its heading to the next heading of the same or a higher level; its
    first fenced code block marked ``bash``, ``sh``, ``shell`` or ``console`` counts. In a
    ``console`` block, the ``$ `` prompts are removed and lines without one (output) dropped.

    Args:
        markdown: the README's text.
        headings: the accepted section names, in lower case without punctuation
            (``"set up"`` matches ``## Set-up``).

    Returns:
        The block's text, or None when there is no such section or block.
    """
    wanted = set(headings)
    section_level = None
    for node in mistune.create_markdown(renderer="ast")(markdown):
        if node["type"] == "heading":
            level = node["attrs"]["level"]
            if section_level is not None and level <= section_level:
                section_level = None
            if section_level is None and _heading_text(node) in wanted:
                section_level = level
        elif section_level is not None and node["type"] == "block_code":
            language = (node.get("attrs", {}).get("info") or "").split()[:1]
            if language and language[0].lower() in SHELL_LANGUAGES:
                if language[0].lower() == "console":
                    return "".join(
                        line.removeprefix("$ ") + "\n"
                        for line in node["raw"].splitlines()
                        if line.startswith("$ ")
                    )
                return node["raw"]
    return None


# -- a fresh machine ---------------------------------------------------------------------------

#: Seconds the README's set-up or another command may run on the fresh machine.
COMMAND_TIMEOUT = 300

_PIP_LAUNCHER = """\
#!{python}
import sys

from pip._internal.cli.main import main

sys.exit(main())
"""


def fresh_environment(folder: Path) -> Path:
    """Make a new virtual environment in ``folder`` that installs from the course's packages.

    The environment has its own ``site-packages`` (a project installed into it lands there and
    nowhere else) and sees the course's installed packages behind its own, through a ``.pth``
    file, so pip finds every pinned version the course has without the internet. Its ``bin``
    holds ``python`` and ``pip``, and nothing else: run other tools as ``python -m TOOL``.

    Returns:
        The environment's folder.
    """
    venv.create(folder, with_pip=False, symlinks=True, clear=True)
    own = sysconfig.get_path("purelib", "venv", vars={"base": str(folder)})
    course = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    Path(own, "course-packages.pth").write_text("".join(f"{path}\n" for path in sorted(course)))
    python = folder / "bin" / "python"
    for name in ("pip", "pip3"):
        launcher = folder / "bin" / name
        launcher.write_text(_PIP_LAUNCHER.format(python=python))
        launcher.chmod(0o755)
    return folder


def environment_variables(environment: Path, home: Path) -> dict[str, str]:
    """Return the variables of a shell in which ``environment`` is activated, offline.

    ``PATH`` holds the environment's ``bin`` and the system's folders only. pip installs
    without an index and without build isolation, reads no configuration file and keeps no
    cache; git ignores the user's configuration; ``HOME`` is ``home``.
    """
    variables = git_environment()
    for name in [name for name in variables if not name.startswith("GIT_")]:
        del variables[name]
    variables.update(
        PATH=f"{environment / 'bin'}:/usr/local/bin:/usr/bin:/bin",
        VIRTUAL_ENV=str(environment),
        HOME=str(home),
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
        PIP_NO_INDEX="1",
        PIP_NO_BUILD_ISOLATION="0",  # pip reads this "no" option inverted: 0 turns isolation off
        PIP_CONFIG_FILE="/dev/null",
        PIP_NO_CACHE_DIR="1",
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        PIP_NO_INPUT="1",
        PYTHONDONTWRITEBYTECODE="1",
    )
    return variables


@dataclass
class Rebuild:
    """A project rebuilt from scratch: a fresh clone, a fresh environment and the README's set-up.

    Attributes:
        clone: the fresh clone of the student's repository.
        environment: the fresh virtual environment.
        commits: the number of commits in the clone's history.
        setup_commands: the README's set-up block (None when the README has none).
        setup: how the set-up commands ran (None when they could not run).
        problem: why the rebuild failed, in one sentence (None when the set-up succeeded).
    """

    clone: Path
    environment: Path
    commits: int
    setup_commands: str | None
    setup: BashRun | None
    problem: str | None = None
    _home: Path = field(default=Path("/nonexistent"), repr=False)

    @property
    def ok(self) -> bool:
        """Whether the README's set-up ran to the end without an error."""
        return self.problem is None

    def run(self, commands: str, timeout: float = COMMAND_TIMEOUT) -> BashRun:
        """Run shell ``commands`` in the clone, with the fresh environment activated, offline."""
        return run_bash(
            f"set -e -o pipefail\n{commands}",
            self.clone,
            timeout=timeout,
            environment=environment_variables(self.environment, self._home),
        )

    def report(self) -> str:
        """Return a short account of the rebuild, for people."""
        lines = [
            f"fresh clone: {self.commits} commit(s) in {self.clone}",
            f"fresh environment: {self.environment}",
        ]
        if self.setup_commands is not None:
            lines.append("README set-up commands:")
            lines += [f"  $ {line}" for line in self.setup_commands.splitlines() if line.strip()]
        if self.setup is not None:
            lines.append(f"exit status: {self.setup.returncode}")
            tail = (self.setup.stdout + self.setup.stderr).strip().splitlines()[-12:]
            lines += [f"  | {line}" for line in tail]
        lines.append("set-up succeeded" if self.ok else f"PROBLEM: {self.problem}")
        return "\n".join(lines)


_REBUILDS: dict[str, Rebuild] = {}


def working_copy(project: Path) -> Path:
    """Copy ``project``'s files, without any ``.git`` folder, into a new temporary folder."""
    copy = _removed_at_exit("course-origin-") / Path(project).name
    shutil.copytree(project, copy, symlinks=True, ignore=shutil.ignore_patterns(".git"))
    return copy


_COPIES: dict[tuple[str, int], tuple[Callable[[Path], object], Path]] = {}


def _files_digest(project: Path) -> str:
    """Return a digest of the names and contents of ``project``'s files, ``.git`` left out."""
    digest = hashlib.sha256()
    for path in sorted(Path(project).rglob("*")):
        relative = path.relative_to(project)
        if ".git" in relative.parts or not path.is_file():
            continue
        digest.update(str(relative).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def committed_copy(project: Path, commit_history: Callable[[Path], object]) -> Path:
    """Return a copy of ``project`` that ``commit_history`` has turned into a repository.

    The project folder itself is not touched. The copy is made once for the same files and the
    same function, so the checks that read one history share it; change a file of the project
    or run the cell that defines ``commit_history`` again, and the next call makes a new copy.

    Raises:
        ValueError: if ``commit_history`` left the copy without a commit.
    """
    key = (_files_digest(project), id(commit_history))
    if key in _COPIES and _COPIES[key][0] is commit_history:
        return _COPIES[key][1]
    origin = working_copy(project)
    commit_history(origin)
    if not (origin / ".git").is_dir() or not git(
        origin, "rev-parse", "--verify", "--quiet", "HEAD", check=False
    ):
        raise ValueError("commit_history made no commit: the copy is not a git repository")
    _COPIES[key] = (commit_history, origin)  # the function is kept, so its id stays its own
    return origin


def rebuild_from_scratch(project: Path, commit_history: Callable[[Path], object]) -> Rebuild:
    """Rebuild a cleaned-up project the way a new colleague would, and report how it went.

    1. ``commit_history(copy)`` turns a copy of ``project`` into a git repository;
    2. ``git clone`` copies that repository into an empty folder (so only what was committed
       arrives);
    3. a fresh virtual environment is made (:func:`fresh_environment`) and activated;
    4. the first shell block of the README's set-up section (``## Set-up``, ``## Setup``,
       ``## Installation``...) runs in the clone with ``bash -e``, offline.

    The result is remembered for the commit's content, so checking one clean-up several times
    rebuilds it once.

    Returns:
        The :class:`Rebuild`; its ``problem`` says what went wrong, if anything did.
    """
    origin = committed_copy(project, commit_history)
    content = git(origin, "rev-parse", "HEAD^{tree}")
    if content in _REBUILDS:
        return _REBUILDS[content]
    machine = _removed_at_exit("course-fresh-machine-")
    clone = machine / "clone"
    git(machine, "clone", "--quiet", str(origin), str(clone))
    commits = int(git(clone, "rev-list", "--count", "HEAD"))
    environment = fresh_environment(machine / "env")
    (machine / "home").mkdir()
    readme = clone / "README.md"
    commands = (
        shell_block(readme.read_text(encoding="utf-8"), SETUP_HEADINGS)
        if readme.is_file()
        else None
    )
    rebuild = Rebuild(clone, environment, commits, commands, None, _home=machine / "home")
    if not readme.is_file():
        rebuild.problem = "the fresh clone has no README.md: was it committed?"
    elif commands is None:
        rebuild.problem = (
            "README.md has no set-up section (## Set-up) with a ```bash block of commands"
        )
    else:
        rebuild.setup = rebuild.run(commands)
        if rebuild.setup.returncode != 0:
            rebuild.problem = (
                f"the README's set-up commands failed (exit status {rebuild.setup.returncode})"
                f" on a fresh clone: {_last_line(rebuild.setup)}"
            )
            if re.search(r"\bvenv\b|\bactivate\b|\bconda\b", commands):
                rebuild.problem += (
                    ". The set-up block makes or activates an environment of its own; the fresh"
                    " machine has already activated a new one and has no internet, so describe"
                    " that step in words and keep only the commands run inside it"
                )
    _REBUILDS[content] = rebuild
    return rebuild


def _last_line(run: BashRun) -> str:
    """Return the last non-blank line a run printed (its error, usually), or a placeholder."""
    lines = [line for line in (run.stderr + "\n" + run.stdout).splitlines() if line.strip()]
    errors = [line for line in (run.stderr).splitlines() if line.strip()]
    return (errors or lines or ["(nothing printed)"])[-1].strip()[:300]


def install_from_files(project: Path) -> BashRun:
    """Install a copy of ``project`` with ``pip install .`` into a fresh environment, offline.

    No git and no README are involved: this checks ``pyproject.toml`` alone. After the install,
    the run imports the package's top-level modules from the root folder, so that the import
    cannot come from the project folder itself.

    Returns:
        The run: return code 0 when pip installed the project and the import worked.
    """
    copy = working_copy(project)
    environment = fresh_environment(copy.parent / "environment")
    (copy.parent / "home").mkdir()
    packages = sorted(
        path.name for path in (copy / "src").glob("*") if (path / "__init__.py").is_file()
    )
    imports = "; ".join(f"import {name}" for name in packages) or "pass"
    return run_bash(
        f"set -e\npip install --quiet .\ncd / && python -c {shlex.quote(imports)}",
        copy,
        timeout=COMMAND_TIMEOUT,
        environment=environment_variables(environment, copy.parent / "home"),
    )


# -- loading and testing a package ------------------------------------------------------------


def load_module(path: Path, name: str | None = None) -> object:
    """Import the Python file at ``path`` afresh, as a new module object, and return it.

    Each call runs the file again, so an edited file is seen at once. The module is not left
    in ``sys.modules``, and no ``__pycache__`` folder is written beside the file.
    """
    import importlib.util

    unique = name or f"capstone_{hashlib.sha256(str(path).encode()).hexdigest()[:12]}"
    spec = importlib.util.spec_from_file_location(unique, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[unique] = module
    writes_bytecode, sys.dont_write_bytecode = sys.dont_write_bytecode, True
    try:
        spec.loader.exec_module(module)
    finally:
        sys.dont_write_bytecode = writes_bytecode
        sys.modules.pop(unique, None)
    return module


def run_tests_against(tests: Path, package: str, modules: dict[str, str]) -> BashRun:
    """Run a project's test file with pytest against another implementation of its package.

    A new folder gets ``src/<package>/__init__.py`` and one file per entry of ``modules``, and
    the tests run there with that ``src`` first on the import path, in a separate Python.

    Args:
        tests: the test file (a ``pathlib.Path``).
        package: the package's import name, such as ``"wine_classifier"``.
        modules: file name to source text, such as ``{"model.py": "..."}``.

    Returns:
        The run: return code 0 when every test passed, 1 when some failed, 2 or more when
        pytest could not collect or run them.
    """
    folder = _removed_at_exit("course-tests-")
    source = folder / "src" / package
    source.mkdir(parents=True)
    (source / "__init__.py").write_text(f'"""The {package} package."""\n')
    for name, text in modules.items():
        (source / name).write_text(textwrap.dedent(text), encoding="utf-8")
    (folder / "tests").mkdir()
    shutil.copy(tests, folder / "tests" / Path(tests).name)
    variables = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": str(folder),
        "LANG": "C.UTF-8",
        "PYTHONPATH": str(source.parent),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    command = (
        f"{shlex.quote(sys.executable)} -m pytest -q -p no:cacheprovider --rootdir=. "
        f"tests/{shlex.quote(Path(tests).name)}"
    )
    return run_bash(command, folder, timeout=COMMAND_TIMEOUT, environment=variables)
