"""Run a source notebook with another answer in one exercise's answer cell.

A trial executes the instructor notebook (hidden tests included) with nbclient, the other
answers left as the instructor wrote them, then scores each test cell with nbgrader's own rule
(``nbgrader.utils.determine_grade``: an error or anything on stderr scores zero). So a trial
shows both what the answer earns on its own exercise and whether it costs points elsewhere.

To keep trials fast, a trial runs the set-up code above the first exercise, every answer cell,
the exercise's own test cells whole, and only the visible part of the other exercises' test
cells (their hidden tests can be slow and are the subject of those exercises' own trials). The
demonstration cells between exercises are left out: test cells must not depend on them, and the
whole-notebook runs in test_pipeline.py would catch one that did.

Starting a kernel costs about a second of CPU, so the trials of one module share a kernel per
test process: each trial first clears the kernel's namespace with ``%reset -f`` and moves into
its own empty folder. Imported modules stay loaded; the fixture answers change no module state.
(The capstone's helpers remember rebuilt projects by their content, which a trial cannot mix
up: another answer gives other content.)

A check whose docstring says ``Needs: <exercise>`` runs here only in its visible part when
another exercise is on trial, unless ``with_needing`` asks for it whole
(test_capstone_grading.py uses that to prove such a list complete).
The kernels are configured as grading kernels are (``pipeline.GRADING_KERNEL_CONFIG``).
"""

from __future__ import annotations

import atexit
import copy
import os
import tempfile
from pathlib import Path

import nbformat
from jupyter_client import KernelClient, KernelManager
from nbclient import NotebookClient
from nbgrader.utils import determine_grade

from course.layout import REPO_ROOT, source_notebook
from course.notebooks import (
    exercises,
    is_test,
    line_regions,
    nbgrader_meta,
    needed_exercises,
    read_notebook,
)
from course.pipeline import write_kernel_profile

SUBMISSIONS = Path(__file__).resolve().parent / "submissions"
_KERNELS: dict[str, tuple[KernelManager, KernelClient]] = {}


def _kernel(module: str) -> tuple[KernelManager, KernelClient]:
    """Return this process's kernel for ``module``'s trials, starting it on first use."""
    if module not in _KERNELS:
        profile = write_kernel_profile(Path(tempfile.mkdtemp(prefix="course-trials-")))
        manager = KernelManager(kernel_name="python3")
        # without PYTEST_CURRENT_TEST, which makes ipykernel behave unlike a grading kernel
        env = {key: value for key, value in os.environ.items() if key != "PYTEST_CURRENT_TEST"}
        manager.start_kernel(env={**env, "IPYTHONDIR": str(profile)})
        client = manager.client()
        client.start_channels()
        client.wait_for_ready(timeout=60)
        atexit.register(manager.shutdown_kernel, now=True)
        atexit.register(client.stop_channels)
        _KERNELS[module] = (manager, client)
    return _KERNELS[module]


def fixture_submissions() -> list[tuple[str, str, Path]]:
    """Return (module, exercise, file) for every fixture answer under grader_tests/submissions."""
    return sorted(
        (path.parent.parent.name, path.parent.name, path) for path in SUBMISSIONS.glob("*/*/*.py")
    )


def run_trial(
    module: str,
    exercise: str,
    answer: str,
    workdir: Path,
    root: Path = REPO_ROOT,
    with_needing: bool = False,
) -> dict[str, tuple[float, float]]:
    """Return {test grade_id: (score, max)} of every test cell, with ``answer`` as the solution.

    With ``with_needing``, the checks that say they need ``exercise`` run whole too, hidden
    tests included, so that the trial shows every point the answer costs.
    """
    source = read_notebook(source_notebook(module, root))
    target = {e.name: e for e in exercises(source)}[exercise]
    trial = copy.deepcopy(source)
    trial.cells[target.solution_index].source = answer
    first_answer = min(e.solution_index for e in exercises(source))
    whole = set(target.test_indices)
    if with_needing:
        whole |= {i for i, c in enumerate(source.cells) if exercise in needed_exercises(c)}
    for index, cell in enumerate(trial.cells):
        if is_test(cell) and index not in whole:
            cell.source = "\n".join(
                line for region, line in line_regions(cell.source) if region == "visible"
            )
    trial.cells = [
        cell
        for index, cell in enumerate(trial.cells)
        if cell.cell_type == "code" and (index < first_answer or nbgrader_meta(cell))
    ]
    fresh_start = f"%reset -f\nimport os\nos.chdir({str(workdir)!r})"
    trial.cells.insert(0, nbformat.v4.new_code_cell(fresh_start))
    manager, client = _kernel(module)
    runner = NotebookClient(
        trial, km=manager, timeout=60, allow_errors=True, interrupt_on_timeout=True
    )
    runner.kc = client
    try:
        runner.execute()
    except Exception:
        # a kernel left busy or dead must not spoil the module's later trials
        _KERNELS.pop(module, None)
        manager.shutdown_kernel(now=True)
        raise
    return {
        nbgrader_meta(cell)["grade_id"]: determine_grade(cell)
        for cell in trial.cells
        if is_test(cell)
    }


def owned_tests(module: str, exercise: str, root: Path = REPO_ROOT) -> set[str]:
    """Return the grade_ids of the test cells that grade ``exercise``."""
    source = read_notebook(source_notebook(module, root))
    target = {e.name: e for e in exercises(source)}[exercise]
    return {nbgrader_meta(source.cells[i])["grade_id"] for i in target.test_indices}


def needing_tests(module: str, exercise: str, root: Path = REPO_ROOT) -> set[str]:
    """Return the grade_ids of other exercises' test cells that say they need ``exercise``.

    Such an end-to-end check (``Needs: ...`` in its docstring) may lose points when
    ``exercise`` is wrong, besides the exercise's own tests.
    """
    source = read_notebook(source_notebook(module, root))
    return {
        nbgrader_meta(cell)["grade_id"]
        for cell in source.cells
        if is_test(cell) and exercise in needed_exercises(cell)
    }
