"""Real Bash for the tools lesson: one-liners and scripts run in a throwaway folder, with limits.

Commands run with ``bash --noprofile --norc`` in the folder given, with a small fixed
environment (``LC_ALL=C``, so that sorting and messages are the same on every machine, and
``HOME`` set to the folder), in a process group of their own that is killed whole when the time
limit is reached.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from course.gitsandbox import write_files


@dataclass(frozen=True)
class BashRun:
    """What a Bash run printed, and how it ended."""

    stdout: str
    stderr: str
    returncode: int


def bash_environment(folder: Path) -> dict[str, str]:
    """Return the environment commands run in: a plain PATH, the C locale, HOME in ``folder``."""
    return {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": str(folder),
        "LC_ALL": "C",
        "LANG": "C",
        "TERM": "dumb",
    }


def _run(arguments: list[str], folder: Path, timeout: float) -> BashRun:
    """Run ``arguments`` in ``folder``; kill its whole process group when time is up."""
    process = subprocess.Popen(
        arguments,
        cwd=folder,
        env=bash_environment(folder),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise TimeoutError(f"bash did not finish within {timeout:g} seconds") from None
    return BashRun(stdout, stderr, process.returncode)


def run_bash(command: str, folder: Path, args: Sequence[str] = (), timeout: float = 10) -> BashRun:
    """Run a Bash command line in ``folder``, as ``bash -c command bash args...``.

    Args:
        command: the command line, for example ``"wc -l *.csv"``.
        folder: where it runs (its current folder).
        args: the positional parameters ``$1``, ``$2``... of the command line.
        timeout: seconds before the run, and everything it started, is killed.

    Raises:
        TimeoutError: if it runs longer than ``timeout``.
    """
    return _run(["bash", "--noprofile", "--norc", "-c", command, "bash", *args], folder, timeout)


def run_script(
    script: str,
    folder: Path,
    args: Sequence[str] = (),
    timeout: float = 10,
    name: str = "script.sh",
) -> BashRun:
    """Write ``script`` to ``folder/name`` and run it with ``bash name args...`` in ``folder``.

    Raises:
        TimeoutError: if it runs longer than ``timeout``.
    """
    (folder / name).write_text(script, encoding="utf-8")
    return _run(["bash", "--noprofile", "--norc", name, *args], folder, timeout)


def shellcheck_findings(script: str) -> list[str] | None:
    """Return ShellCheck's findings on a Bash script, or None when ShellCheck is not installed.

    Each finding reads ``line N: SCxxxx (severity) message``.
    """
    if shutil.which("shellcheck") is None:
        return None
    result = subprocess.run(
        ["shellcheck", "--shell=bash", "--format=gcc", "-"],
        input=script,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    findings = []
    for line in result.stdout.splitlines():
        # -:3:5: warning: Double quote to prevent globbing and word splitting. [SC2086]
        _, number, _, rest = line.split(":", 3)
        severity, message = rest.strip().split(": ", 1)
        code = message.rsplit("[", 1)[-1].rstrip("]")
        findings.append(f"line {number}: {code} ({severity}) {message.rsplit(' [', 1)[0]}")
    return findings


def flaky_command(
    folder: Path, fails_on_run: int, message: str, status: int = 1, noisy: bool = False
) -> list[str]:
    """Write a command that succeeds until its ``fails_on_run``-th run, then fails; return it.

    Each run counts itself in ``folder/.runs`` and prints ``run N`` on standard output; with
    ``noisy``, a run that succeeds also prints ``warning: run N`` on standard error. The failing
    run prints ``message`` on standard error and exits with ``status``.

    Returns:
        The command and its arguments, ready to pass to a script as ``"$@"``.
    """
    noise = 'echo "warning: run $count" >&2\n' if noisy else ""
    (folder / "flaky.sh").write_text(
        "count=$(( $(cat .runs 2>/dev/null || echo 0) + 1 ))\n"
        'echo "$count" > .runs\n'
        'echo "run $count"\n'
        f'if [ "$count" -ge {int(fails_on_run)} ]; then\n'
        f"    printf '%s\\n' {shlex.quote(message)} >&2\n"
        f"    exit {int(status)}\n"
        f"fi\n{noise}",
        encoding="utf-8",
    )
    return ["bash", "flaky.sh"]


def make_files(folder: Path, files: Mapping[str, str | bytes]) -> Path:
    """Write ``files`` (path -> content) into ``folder``, making subfolders; return ``folder``."""
    write_files(folder, dict(files))
    return folder
