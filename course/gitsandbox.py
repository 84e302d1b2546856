"""Throwaway git repositories with scripted histories, for exercises and their tests.

Every repository made here lives in a temporary folder, has its own identity in its local
config, and ignores the user's global and system git config, so exercises never touch a
student's own repositories or settings. Scripted commits get fixed authors and dates, so the
same script always gives the same commit hashes.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from course.sandbox import throwaway_folder

AUTHOR = ("Sam Sandbox", "sam@example.org")
#: Scripted commit number n is dated this many seconds after 2024-01-01 00:00 UTC times n.
_EPOCH = 1_704_067_200
_STEP_SECONDS = 3_600


#: Settings that keep git away from the user's global and system configuration.
_ISOLATION = {
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_TERMINAL_PROMPT": "0",
}
#: The oldest git that honours GIT_CONFIG_GLOBAL (2.32) and --initial-branch (2.28).
MINIMUM_GIT = (2, 32)


def git_environment(commit_number: int | None = None) -> dict[str, str]:
    """Return an environment for running git isolated from the user's own configuration.

    Inherited ``GIT_*`` variables (``GIT_DIR`` set by a hook, say) are dropped, so that git
    only ever acts on the repository it runs in.

    Args:
        commit_number: when given, also fix author and committer dates to that commit's slot,
            so that scripted commits hash the same on every machine.
    """
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    env.update(_ISOLATION)
    env.update(
        GIT_AUTHOR_NAME=AUTHOR[0],
        GIT_AUTHOR_EMAIL=AUTHOR[1],
        GIT_COMMITTER_NAME=AUTHOR[0],
        GIT_COMMITTER_EMAIL=AUTHOR[1],
    )
    if commit_number is not None:
        stamp = f"@{_EPOCH + _STEP_SECONDS * commit_number} +0000"
        env.update(GIT_AUTHOR_DATE=stamp, GIT_COMMITTER_DATE=stamp)
    return env


def git(
    repo: Path,
    *args: str,
    check: bool = True,
    strip: bool = True,
    commit_number: int | None = None,
) -> str:
    """Run ``git`` in ``repo``, isolated from global config, and return what it printed.

    Args:
        repo: the repository folder.
        *args: git's arguments, for example ``"log", "--oneline"``.
        check: raise when git fails.
        strip: remove white space around the output; pass False to get a file's exact text.
        commit_number: fix commit dates (see :func:`git_environment`).

    Raises:
        subprocess.CalledProcessError: when git fails and ``check`` is true; its ``stderr``
            says why.
    """
    result = subprocess.run(
        ["git", *args],
        cwd=repo,
        env=git_environment(commit_number),
        capture_output=True,
        text=True,
        check=check,
    )
    return result.stdout.strip() if strip else result.stdout


def init_repo(folder: Path, branch: str = "main") -> Path:
    """Make ``folder`` an empty repository on ``branch`` with a local identity; return it."""
    folder.mkdir(parents=True, exist_ok=True)
    git(folder, "init", "--quiet", f"--initial-branch={branch}")
    for key, value in [
        ("user.name", AUTHOR[0]),
        ("user.email", AUTHOR[1]),
        ("commit.gpgsign", "false"),
        ("core.autocrlf", "false"),
        ("merge.conflictstyle", "merge"),
    ]:
        git(folder, "config", key, value)
    return folder


@dataclass(frozen=True)
class Commit:
    """A scripted commit: write (or, with ``None``, delete) files, then commit them all.

    A file's content is text, or bytes for a binary file such as an image.
    """

    message: str
    files: dict[str, str | bytes | None] = field(default_factory=dict)


@dataclass(frozen=True)
class Branch:
    """Create ``name`` at the current commit and switch to it."""

    name: str


@dataclass(frozen=True)
class Switch:
    """Switch to the existing branch ``name``."""

    name: str


@dataclass(frozen=True)
class Merge:
    """Merge ``name`` into the current branch with a merge commit (it must not conflict)."""

    name: str


Step = Commit | Branch | Switch | Merge


def write_files(repo: Path, files: dict[str, str | bytes | None]) -> None:
    """Write each file's content, making folders as needed; ``None`` leaves it to git to delete."""
    for name, content in files.items():
        path = repo / name
        if content is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


def apply_history(repo: Path, steps: Sequence[Step]) -> list[str]:
    """Play the scripted steps on ``repo``; return the hashes of the commits made, in order."""
    hashes: list[str] = []
    made = int(git(repo, "rev-list", "--all", "--count")) if _has_commits(repo) else 0
    for step in steps:
        if isinstance(step, Commit):
            write_files(repo, step.files)
            for name, text in step.files.items():
                git(repo, *(["add"] if text is not None else ["rm", "--quiet"]), "--", name)
            made += 1
            git(repo, "commit", "--quiet", "--allow-empty", "-m", step.message, commit_number=made)
            hashes.append(head(repo))
        elif isinstance(step, Branch):
            git(repo, "switch", "--quiet", "-c", step.name)
        elif isinstance(step, Switch):
            git(repo, "switch", "--quiet", step.name)
        else:
            made += 1
            git(repo, "merge", "--quiet", "--no-ff", "--no-edit", step.name, commit_number=made)
            hashes.append(head(repo))
    return hashes


def fast_import_commits(repo: Path, commits: Sequence[Commit]) -> list[str]:
    """Add a run of commits to the current branch with a single ``git fast-import``.

    Much faster than one ``git commit`` per step for long histories. The commits get the same
    fixed authors and dates as :func:`apply_history` gives; unlike it, the reflog does not list
    them one by one.

    Returns:
        The hashes of the new commits, oldest first.
    """
    if not commits:
        return []
    branch = current_branch(repo)
    made = int(git(repo, "rev-list", "--all", "--count")) if _has_commits(repo) else 0
    parent = head(repo) if made else None
    stream: list[bytes] = []
    for offset, step in enumerate(commits, start=1):
        stamp = f"{_EPOCH + _STEP_SECONDS * (made + offset)} +0000"
        message = step.message.encode() + b"\n"  # git commit ends a message with a newline
        stream += [
            f"commit refs/heads/{branch}\nmark :{offset}\n".encode(),
            f"author {AUTHOR[0]} <{AUTHOR[1]}> {stamp}\n".encode(),
            f"committer {AUTHOR[0]} <{AUTHOR[1]}> {stamp}\n".encode(),
            f"data {len(message)}\n".encode() + message + b"\n",
        ]
        if offset == 1 and parent:
            stream.append(f"from {parent}\n".encode())
        for name, text in step.files.items():
            if text is None:
                stream.append(f"D {name}\n".encode())
            else:
                data = text if isinstance(text, bytes) else text.encode()
                stream.append(
                    f"M 100644 inline {name}\ndata {len(data)}\n".encode() + data + b"\n"
                )
        stream.append(b"\n")
    subprocess.run(
        ["git", "fast-import", "--quiet"],
        cwd=repo,
        env=git_environment(),
        input=b"".join(stream),
        check=True,
        capture_output=True,
    )
    git(repo, "reset", "--quiet", "--hard", branch)
    return git(repo, "rev-list", "--reverse", f"-{len(commits)}", "HEAD").split()


def _has_commits(repo: Path) -> bool:
    return bool(git(repo, "rev-parse", "--verify", "--quiet", "HEAD", check=False))


def head(repo: Path) -> str:
    """Return the full hash of the commit HEAD points at."""
    return git(repo, "rev-parse", "HEAD")


def current_branch(repo: Path) -> str:
    """Return the checked-out branch's name, or ``""`` on a detached HEAD."""
    return git(repo, "branch", "--show-current")


def status(repo: Path) -> str:
    """Return ``git status --porcelain``: empty when the working tree and index are clean."""
    return git(repo, "status", "--porcelain")


def require_git(minimum: tuple[int, int] = MINIMUM_GIT) -> str:
    """Return the installed git's version, or raise a clear error if it is missing or too old."""
    try:
        found = subprocess.run(["git", "--version"], capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError) as error:
        raise RuntimeError(
            "the git exercises need the git command, and it is not installed"
        ) from error
    numbers = re.findall(r"\d+", found.stdout)
    version = tuple(int(n) for n in numbers[:2])
    if version < minimum:
        wanted = ".".join(map(str, minimum))
        raise RuntimeError(f"the git exercises need git {wanted} or newer; {found.stdout.strip()}")
    return found.stdout.strip()


@contextmanager
def isolated_git() -> Iterator[None]:
    """Isolate every git command started meanwhile, also those run by plain ``subprocess``.

    They ignore the user's global and system git config and any inherited ``GIT_*`` variables.
    """
    saved = {key: value for key, value in os.environ.items() if key.startswith("GIT_")}
    for key in saved:
        del os.environ[key]
    os.environ.update(_ISOLATION)
    try:
        yield
    finally:
        for key in [key for key in os.environ if key.startswith("GIT_")]:
            del os.environ[key]
        os.environ.update(saved)


@contextmanager
def git_sandbox(
    steps: Sequence[Step] = (), branch: str = "main", fast_import: bool = False
) -> Iterator[Path]:
    """Yield a new repository in a throwaway folder after playing ``steps`` on it.

    Args:
        steps: the scripted history.
        branch: the name of the first branch.
        fast_import: build a history of plain commits with one ``git fast-import``: much faster
            for long histories, but the reflog then does not list each commit.

    Example:
        >>> with git_sandbox([Commit("Add notes", {"notes.txt": "hello"})]) as repo:
        ...     git(repo, "log", "--format=%s")
        'Add notes'
    """
    require_git()
    with isolated_git(), throwaway_folder(prefix="course-git-") as folder:
        repo = init_repo(folder / "repo", branch)
        if fast_import:
            if not all(isinstance(step, Commit) for step in steps):
                raise ValueError("fast_import takes only Commit steps")
            fast_import_commits(repo, [step for step in steps if isinstance(step, Commit)])
        else:
            apply_history(repo, steps)
        yield repo


def bare_repo(folder: Path) -> Path:
    """Make ``folder`` a bare repository (one with no working tree, like a server's); return it."""
    folder.mkdir(parents=True, exist_ok=True)
    git(folder, "init", "--quiet", "--bare", "--initial-branch=main")
    return folder


def history_with_a_bug(commits: int, first_bad: int, file: str = "app.py") -> list[Step]:
    """Return a script of ``commits`` commits in which commit ``first_bad`` (1-based) adds a bug.

    Each commit changes ``file``; from commit ``first_bad`` on, the file contains ``BUG``.
    """
    if not 1 < first_bad <= commits:
        raise ValueError("the first commit must be good and the bug must come in a later one")
    return [
        Commit(
            f"Change {number}",
            {file: f"version = {number}\n" + ("BUG\n" if number >= first_bad else "")},
        )
        for number in range(1, commits + 1)
    ]


def counting_check(
    folder: Path, marker: str = "BUG", file: str = "app.py"
) -> tuple[list[str], Path]:
    """Write a check command that fails when ``file`` contains ``marker``, and counts its runs.

    The command is run from the repository's top folder (``git bisect run`` does that). Each run
    appends a line to the returned log file, so a test can count how often the check ran.

    Returns:
        The command as a list of arguments, and the path of its log of runs.
    """
    script, log = folder / "check.sh", folder / "check-runs.log"
    script.write_text(
        f"echo run >> {shlex.quote(str(log))}\n"
        f"! grep -q -F -- {shlex.quote(marker)} {shlex.quote(file)}\n"
    )
    log.write_text("")
    return ["/bin/sh", str(script)], log


def ignored_paths(gitignore: str, paths: Sequence[str]) -> set[str]:
    """Return which of ``paths`` git ignores when the repository's .gitignore holds ``gitignore``.

    Each path is created in a throwaway repository first (a folder if it ends in ``/``, else a
    small file), so that rules for folders apply as they would in a real project; then
    ``git check-ignore`` decides.
    """
    with git_sandbox() as repo:
        (repo / ".gitignore").write_text(gitignore)
        for path in paths:
            target = repo / path
            if path.endswith("/"):
                target.mkdir(parents=True, exist_ok=True)
            elif not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text("x\n")
        checked = subprocess.run(
            ["git", "check-ignore", "--stdin", "-z"],
            cwd=repo,
            env=git_environment(),
            input="\0".join(paths),
            capture_output=True,
            text=True,
        )
        return {path for path in checked.stdout.split("\0") if path}
