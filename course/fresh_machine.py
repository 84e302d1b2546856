"""A fresh machine: rebuild a student's project from a clean clone, offline, and report.

:func:`rebuild_from_scratch` meets a cleaned-up project the way a new colleague would: it takes
a copy of the project, lets the student's own ``commit_history`` turn the copy into a git
repository, clones that repository into an empty folder, makes a fresh virtual environment and
runs the README's set-up commands in it, with no internet. The environment sees the course's
installed packages (as if pip had a local mirror of them), so an offline ``pip install`` of the
project succeeds exactly when the project pins versions the course has.

:func:`install_from_files` checks ``pyproject.toml`` alone; :func:`run_tests_against` runs a
project's tests against another implementation of its package; :func:`load_module` imports a
file afresh. Nothing here is an answer: the notebook's tests decide what is right.
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
import shlex
import shutil
import subprocess
import sys
import sysconfig
import venv
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import mistune

from course.gitsandbox import git, git_environment
from course.mutation import PytestRun, run_pytest_project
from course.sandbox import folder_removed_at_exit
from course.shell import BashRun, run_bash

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

#: Seconds the README's set-up or another command may run on the fresh machine: less than the
#: minute a notebook cell may take while it is graded, so that a hanging command is reported.
COMMAND_TIMEOUT = 45

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
    variables = {
        name: value for name, value in git_environment().items() if name.startswith("GIT_")
    }
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
        home: the HOME folder of the commands run on the fresh machine.
        problem: why the rebuild failed, in one sentence (None when the set-up succeeded).
    """

    clone: Path
    environment: Path
    commits: int
    setup_commands: str | None
    setup: BashRun | None
    home: Path
    problem: str | None = None

    @property
    def ok(self) -> bool:
        """Whether the README's set-up ran to the end without an error."""
        return self.problem is None

    def run(self, commands: str, timeout: float | None = None) -> BashRun:
        """Run shell ``commands`` in the clone, with the fresh environment activated, offline.

        Raises:
            TimeoutError: if they run longer than ``timeout`` (:data:`COMMAND_TIMEOUT`).
        """
        return run_bash(
            f"set -e -o pipefail\n{commands}",
            self.clone,
            timeout=COMMAND_TIMEOUT if timeout is None else timeout,
            environment=environment_variables(self.environment, self.home),
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
    copy = folder_removed_at_exit("course-origin-") / Path(project).name
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
        RuntimeError: if a git command of ``commit_history`` failed; the message quotes git.
        ValueError: if ``commit_history`` left the copy without a commit.
    """
    key = (_files_digest(project), id(commit_history))
    if key in _COPIES and _COPIES[key][0] is commit_history:
        return _COPIES[key][1]
    origin = working_copy(project)
    try:
        commit_history(origin)
    except subprocess.CalledProcessError as error:
        said = [line for line in (error.stderr or "").splitlines() if line.strip()]
        raise RuntimeError(
            f"commit_history stopped: {shlex.join(map(str, error.cmd))} failed"
            + (f": {said[-1].strip()}" if said else f" with exit status {error.returncode}")
        ) from None
    if not (origin / ".git").is_dir() or not git(
        origin, "rev-parse", "--verify", "--quiet", "HEAD", check=False
    ):
        raise ValueError(
            "commit_history made no commit in the folder it was given: run every git command"
            " in its argument (repo), not in project"
        )
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
    machine = folder_removed_at_exit("course-fresh-machine-")
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
    rebuild = Rebuild(clone, environment, commits, commands, None, home=machine / "home")
    if not readme.is_file():
        rebuild.problem = "the fresh clone has no README.md: was it committed?"
    elif commands is None:
        rebuild.problem = (
            "README.md has no set-up section (## Set-up) with a ```bash block of commands"
        )
    else:
        try:
            rebuild.setup = rebuild.run(commands)
        except TimeoutError:
            rebuild.problem = (
                f"the README's set-up commands did not finish within {COMMAND_TIMEOUT} seconds"
            )
        else:
            _judge_setup(rebuild, commands)
    _REBUILDS[content] = rebuild
    return rebuild


def _judge_setup(rebuild: Rebuild, commands: str) -> None:
    """Set ``rebuild.problem`` when the set-up commands failed, with a hint where one helps."""
    if rebuild.setup is None or rebuild.setup.returncode == 0:
        return
    rebuild.problem = (
        f"the README's set-up commands failed (exit status {rebuild.setup.returncode})"
        f" on a fresh clone: {_last_line(rebuild.setup)}"
    )
    code = "\n".join(line.split("#")[0] for line in commands.splitlines())
    if re.search(r"\bvenv\b|\bactivate\b|\bconda\b", code):
        rebuild.problem += (
            ". The set-up block makes or activates an environment of its own; the fresh"
            " machine has already activated a new one and has no internet, so describe"
            " that step in words and keep only the commands run inside it"
        )


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


def load_module(path: Path, name: str | None = None) -> ModuleType:
    """Import the Python file at ``path`` afresh, as a new module object, and return it.

    Each call runs the file again, so an edited file is seen at once. The module is not left
    in ``sys.modules``, and no ``__pycache__`` folder is written beside the file.
    """
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


def run_tests_against(tests: Path, package: str, modules: dict[str, str]) -> PytestRun:
    """Run a project's test file with pytest against another implementation of its package.

    A throwaway folder gets ``src/<package>/__init__.py``, one file per entry of ``modules``
    and the test file in ``tests/``; pytest runs there in a separate Python, with ``src`` on
    the import path (see ``course.mutation.run_pytest_project``).

    Args:
        tests: the test file (a ``pathlib.Path``).
        package: the package's import name, such as ``"wine_classifier"``.
        modules: file name to source text, such as ``{"model.py": "..."}``.

    Returns:
        The run: ``exit_code`` 0 when every test passed, 1 when some failed, 2 or more when
        pytest could not collect or run them; ``failed`` names the tests that did not pass.
    """
    files = {f"src/{package}/__init__.py": f'"""The {package} package."""\n'}
    files |= {f"src/{package}/{name}": text for name, text in modules.items()}
    files[f"tests/{Path(tests).name}"] = Path(tests).read_text(encoding="utf-8")
    return run_pytest_project(
        files, f"tests/{Path(tests).name}", timeout=COMMAND_TIMEOUT, source_folder="src"
    )
