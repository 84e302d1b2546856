"""Execute one notebook and report it cell by cell: the program that runs inside the sandbox.

``python -m course.runner NOTEBOOK --report-fd N --timeout SECONDS --max-output BYTES`` reads a
key from its standard input, reads NOTEBOOK and deletes it, and executes it with nbclient. It
writes the notebook, signed with the key, as one line to file descriptor N: once it is up,
once it has read the notebook, once its kernel is ready and after every cell, so that a run
killed from outside (wall clock, memory) still reports every cell it finished; its last line
also says how the run ended. Each line names the stage the run had reached (:data:`STAGES`):
the caller tells a grader that failed (no line at all, or a kernel that never came up) from a
submission that did (a notebook that cannot be loaded, or a failure once its cells may run).

The student's code runs in the kernel, a child of this process, with the same user id. It must
not read the hidden tests of cells that have not run yet, nor forge a report. So the notebook
file is deleted before the kernel starts, the report goes to a descriptor the kernel does not
inherit, this process makes itself non-dumpable (no other process of its user may read its
memory or open its descriptors), and the caller only trusts lines signed with the key.
"""

from __future__ import annotations

import argparse
import ctypes
import hashlib
import hmac
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import IO, NamedTuple

from course.startup import skip_slow_optional_imports

if __name__ == "__main__":
    skip_slow_optional_imports()  # 1.3 s of every graded notebook's run

import nbformat  # noqa: E402 - after the line above
from nbclient import NotebookClient  # noqa: E402
from nbclient.exceptions import CellTimeoutError, DeadKernelError  # noqa: E402

CUT = "\n[output cut: this cell printed more than the grader keeps]\n"


class CappedClient(NotebookClient):
    """An nbclient client that keeps at most ``max_output`` bytes of output per cell."""

    def __init__(self, nb: nbformat.NotebookNode, max_output: int, **kwargs: object) -> None:
        """Execute ``nb``; see :class:`nbclient.NotebookClient` for the other arguments."""
        super().__init__(nb, **kwargs)
        self.max_output = max_output
        self._sizes: dict[int, int] = {}

    def output(
        self, outs: list, msg: dict, display_id: str | None, cell_index: int
    ) -> nbformat.NotebookNode | None:
        """Keep an output message only while the cell is within its output budget."""
        size = len(json.dumps(msg.get("content", {})))
        used = self._sizes.get(cell_index, 0)
        self._sizes[cell_index] = used + size
        if used > self.max_output:
            return None
        if used + size > self.max_output:
            outs.append(nbformat.v4.new_output("stream", name="stderr", text=CUT))
            return None
        return super().output(outs, msg, display_id, cell_index)

    def _update_display_id(self, display_id: str, msg: dict) -> None:
        """Let a display update through only if it fits the budget of one cell's output."""
        if len(json.dumps(msg.get("content", {}))) <= self.max_output:
            super()._update_display_id(display_id, msg)


#: How far a run got, in order: the runner is up (it has not read the notebook yet), it read
#: the notebook, its kernel is up (the notebook's cells may run). Every report names one.
STAGES = ("runner", "notebook", "kernel")


class Reported(NamedTuple):
    """What the signed report lines of a run say: its last notebook, status and stage."""

    notebook: dict | None
    status: str | None
    stage: str | None  # None: no signed line at all


def report(
    channel: IO[str],
    key: bytes,
    nb: nbformat.NotebookNode | None,
    status: str | None,
    stage: str = "kernel",
) -> None:
    """Send the notebook (and, at the end, how the run ended) as one signed line."""
    payload = json.dumps({"notebook": nb, "status": status, "stage": stage})
    signature = hmac.new(key, payload.encode(), hashlib.sha256).hexdigest()
    channel.write(f"{signature} {payload}\n")
    channel.flush()


def read_reports(lines: Iterable[str], key: bytes) -> Reported:
    """Return the last notebook, final status and stage among the lines signed with ``key``."""
    notebook, status, stage = None, None, None
    for line in lines:
        signature, _, payload = line.rstrip("\n").partition(" ")
        expected = hmac.new(key, payload.encode(), hashlib.sha256).hexdigest()
        if not hmac.compare_digest(signature, expected):
            continue
        message = json.loads(payload)
        notebook = message["notebook"] if message["notebook"] is not None else notebook
        status, stage = message["status"] or status, message["stage"]
    return Reported(notebook, status, stage)


def after_cell(
    channel: IO[str], key: bytes, nb: nbformat.NotebookNode, cell: dict, reply: dict
) -> None:
    """Make sure a cell that failed shows an error, then report the notebook.

    IPython can be told to swallow an error's traceback (a custom exception handler, a patched
    ``showtraceback``): the reply still says "error", but the cell has no error output, and
    nbgrader would score a test cell without one as passed.
    """
    status = (reply or {}).get("content", {}).get("status", "ok")
    has_error = any(output.get("output_type") == "error" for output in cell.get("outputs", []))
    if status != "ok" and not has_error:
        cell.setdefault("outputs", []).append(
            nbformat.v4.new_output(
                "error",
                ename="HiddenError",
                evalue=f"the cell ended with status {status!r} but showed no error",
                traceback=[f"HiddenError: the cell ended with status {status!r}"],
            )
        )
    report(channel, key, nb, None)


def _not_dumpable() -> None:
    """Make this process non-dumpable (Linux): same-user processes cannot inspect it."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE = 4
    except (OSError, AttributeError):
        pass


def run(source: Path, channel: IO[str], key: bytes, timeout: int, max_output: int) -> str:
    """Execute ``source``, reporting after each cell; return "finished" or why it stopped.

    The first report goes out before the notebook is read (stage "runner"): a notebook that
    cannot be loaded within the limits is the submission's failure. The kernel's start is
    reported before any cell runs (stage "kernel"): a run that read its notebook but never
    got there failed in the grader.
    """
    report(channel, key, None, None, "runner")
    try:
        nb = nbformat.read(str(source), as_version=4)
    except Exception as error:  # noqa: BLE001 - the notebook, not the run, is at fault
        status = f"the notebook cannot be loaded within the limits ({type(error).__name__})"
        report(channel, key, None, status, "runner")
        return status
    finally:
        source.unlink(missing_ok=True)
    report(channel, key, nb, None, "notebook")
    stage = ["notebook"]

    def kernel_up(**_: object) -> None:
        stage[0] = "kernel"
        report(channel, key, nb, None, "kernel")

    client = CappedClient(
        nb,
        max_output,
        timeout=timeout,
        interrupt_on_timeout=True,
        allow_errors=True,
        kernel_name="python3",
        # the sandbox ends with the run: no need to wait for the kernel to wind down
        shutdown_kernel="immediate",
        resources={"metadata": {"path": str(source.parent)}},
        on_notebook_start=kernel_up,
        on_cell_executed=lambda cell, execute_reply, **_: after_cell(
            channel, key, nb, cell, execute_reply
        ),
    )
    try:
        client.execute()
        status = "finished"
    except DeadKernelError:
        status = "the kernel died (a crash, or a memory or process limit)"
    except CellTimeoutError:
        status = f"a cell ran longer than {timeout} s and could not be interrupted"
    except Exception as error:  # noqa: BLE001 - any failure of the run is reported, not raised
        status = f"the run stopped: {type(error).__name__}: {error}"
    report(channel, key, nb, status, stage[0])
    return status


def main() -> None:
    """Run from the command line (inside the sandbox)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("--report-fd", type=int, required=True)
    parser.add_argument("--timeout", type=int, default=60)
    parser.add_argument("--max-output", type=int, default=1_000_000)
    args = parser.parse_args()
    _not_dumpable()
    key = sys.stdin.readline().strip().encode()
    with os.fdopen(args.report_fd, "w") as channel:
        run(args.source, channel, key, args.timeout, args.max_output)


if __name__ == "__main__":
    main()
