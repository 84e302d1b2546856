"""Real Bash for the tools lesson: one-liners and scripts run in a throwaway folder, with limits.

Commands run with ``bash --noprofile --norc`` in the folder given, with a small fixed
environment (``LC_ALL=C``, so that sorting and messages are the same on every machine, and
``HOME`` set to the folder), in a process group of their own that is killed whole when the run
ends or its time is up. Output is captured in files and cut off after ``MAX_OUTPUT`` bytes, and
no file written may grow beyond 10 MB. These limits keep a runaway command from hanging or
flooding the grader; they are not a security boundary (a command can still ``cd ..``).
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sysconfig
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

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


#: The most a run may print, per stream; more is cut off (and said so).
MAX_OUTPUT = 1_000_000
#: The largest file a run may write, in 1024-byte blocks (bash's ``ulimit -f``): 10 MB.
MAX_FILE_BLOCKS = 10_240


def _run(
    arguments: list[str],
    folder: Path,
    timeout: float,
    environment: Mapping[str, str] | None = None,
) -> BashRun:
    """Run ``arguments`` in ``folder``; kill its whole process group when it ends or time is up.

    Output goes to temporary files, not pipes, so a background process that keeps a pipe open
    cannot make the caller wait, and only the first ``MAX_OUTPUT`` bytes are read back. The
    environment is :func:`bash_environment` unless ``environment`` is given.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(
            arguments,
            cwd=folder,
            env=dict(environment) if environment is not None else bash_environment(folder),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            start_new_session=True,
        )
        if wait_then_end_group(process, timeout):
            raise TimeoutError(f"bash did not finish within {timeout:g} seconds")
        return BashRun(_read(out), _read(err), process.returncode)


def wait_then_end_group(process: subprocess.Popen, timeout: float) -> bool:
    """Wait up to ``timeout`` seconds for ``process``, then kill its whole process group.

    The group is killed whether or not the process ended in time, so that nothing it left
    running in the background outlives it. The process must have been started with
    ``start_new_session=True``.

    Returns:
        True if the time ran out before the process ended.
    """
    try:
        process.wait(timeout=timeout)
        timed_out = False
    except subprocess.TimeoutExpired:
        timed_out = True
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait()
    return timed_out


def _read(stream: IO[bytes]) -> str:
    """Return what a run wrote to ``stream``, at most ``MAX_OUTPUT`` bytes of it."""
    stream.seek(0)
    data = stream.read(MAX_OUTPUT + 1)
    text = data[:MAX_OUTPUT].decode("utf-8", errors="replace")
    return text + "\n[output cut off here]\n" if len(data) > MAX_OUTPUT else text


def _limited(command: str) -> str:
    """Return ``command`` preceded by a limit on the size of the files it may write."""
    return f"ulimit -f {MAX_FILE_BLOCKS}\n{command}"


def run_bash(
    command: str,
    folder: Path,
    args: Sequence[str] = (),
    timeout: float = 10,
    environment: Mapping[str, str] | None = None,
) -> BashRun:
    """Run a Bash command line in ``folder``, as ``bash -c command bash args...``.

    Args:
        command: the command line, for example ``"wc -l *.csv"``.
        folder: where it runs (its current folder).
        args: the positional parameters ``$1``, ``$2``... of the command line.
        timeout: seconds before the run, and everything it started, is killed.
        environment: the variables it sees, instead of :func:`bash_environment`'s.

    Raises:
        TimeoutError: if it runs longer than ``timeout``.
    """
    arguments = ["bash", "--noprofile", "--norc", "-c", _limited(command), "bash", *args]
    return _run(arguments, folder, timeout, environment)


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
    start = _limited('exec bash --noprofile --norc "$@"')
    return _run(
        ["bash", "--noprofile", "--norc", "-c", start, "bash", name, *args], folder, timeout
    )


def shellcheck() -> str | None:
    """Return the ShellCheck program: the one installed with this Python, else one on PATH."""
    beside_python = os.pathsep.join([sysconfig.get_path("scripts"), os.environ.get("PATH", "")])
    return shutil.which("shellcheck", path=beside_python)


def shellcheck_findings(script: str) -> list[str] | None:
    """Return ShellCheck's findings on a script, or None when ShellCheck is not installed.

    Every severity but "style" counts. ShellCheck learns the shell from the script's first line
    (``#!/usr/bin/env bash``); a script without one gets a finding for that. Each finding reads
    ``line N: SCxxxx (severity) message``.
    """
    program = shellcheck()
    if program is None:
        return None
    result = subprocess.run(
        [program, "--severity=info", "--format=gcc", "-"],
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
