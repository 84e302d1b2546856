"""Execute one notebook, saving it after every cell: the program that runs inside the sandbox.

``python -m course.runner IN OUT --timeout SECONDS --max-output BYTES`` executes notebook IN
with nbclient and writes it to OUT after each cell, so that a run killed from outside (wall
clock, memory) still leaves every cell it finished. A cell whose output passes ``--max-output``
bytes keeps only the first part. When the kernel dies or the run stops early, the cells that
did not run are left without outputs, and a line in ``OUT.status`` says why; the caller turns
them into errors so that nothing scores by not running.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError

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


def _save(nb: nbformat.NotebookNode, path: Path) -> None:
    """Write the notebook atomically, so a reader never sees half of it."""
    partial = path.with_suffix(".partial")
    nbformat.write(nb, str(partial))
    os.replace(partial, path)


def run(source: Path, target: Path, timeout: int, max_output: int) -> str:
    """Execute ``source`` into ``target``; return "finished" or why the run stopped early."""
    nb = nbformat.read(str(source), as_version=4)
    client = CappedClient(
        nb,
        max_output,
        timeout=timeout,
        interrupt_on_timeout=True,
        allow_errors=True,
        kernel_name="python3",
        resources={"metadata": {"path": str(source.parent)}},
        on_cell_executed=lambda **_: _save(nb, target),
    )
    _save(nb, target)
    try:
        client.execute()
        status = "finished"
    except DeadKernelError:
        status = "the kernel died (a crash, or a memory or process limit)"
    except CellTimeoutError:
        status = f"a cell ran longer than {timeout} s and could not be interrupted"
    except Exception as error:  # noqa: BLE001 - any failure of the run is reported, not raised
        status = f"the run stopped: {type(error).__name__}: {error}"
    _save(nb, target)
    return status


def main() -> None:
    """Run from the command line (inside the sandbox)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--timeout", type=int, default=60)
    parser.add_argument("--max-output", type=int, default=1_000_000)
    args = parser.parse_args()
    status = run(args.source, args.target, args.timeout, args.max_output)
    args.target.with_suffix(".status").write_text(status + "\n")


if __name__ == "__main__":
    main()
