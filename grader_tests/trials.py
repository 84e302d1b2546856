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
"""

from __future__ import annotations

import copy
from pathlib import Path

from nbclient import NotebookClient
from nbgrader.utils import determine_grade

from course.layout import REPO_ROOT, source_notebook
from course.notebooks import exercises, is_test, line_regions, nbgrader_meta, read_notebook

SUBMISSIONS = Path(__file__).resolve().parent / "submissions"


def fixture_submissions(root: Path = REPO_ROOT) -> list[tuple[str, str, Path]]:
    """Return (module, exercise, file) for every fixture answer under grader_tests/submissions."""
    return sorted(
        (path.parent.parent.name, path.parent.name, path) for path in SUBMISSIONS.glob("*/*/*.py")
    )


def run_trial(
    module: str, exercise: str, answer: str, workdir: Path, root: Path = REPO_ROOT
) -> dict[str, tuple[float, float]]:
    """Return {test grade_id: (score, max)} of every test cell, with ``answer`` as the solution."""
    source = read_notebook(source_notebook(module, root))
    target = {e.name: e for e in exercises(source)}[exercise]
    trial = copy.deepcopy(source)
    trial.cells[target.solution_index].source = answer
    first_answer = min(e.solution_index for e in exercises(source))
    for index, cell in enumerate(trial.cells):
        if is_test(cell) and index not in target.test_indices:
            cell.source = "\n".join(
                line for region, line in line_regions(cell.source) if region == "visible"
            )
    trial.cells = [
        cell
        for index, cell in enumerate(trial.cells)
        if cell.cell_type == "code" and (index < first_answer or nbgrader_meta(cell))
    ]
    NotebookClient(
        trial, timeout=60, allow_errors=True, resources={"metadata": {"path": str(workdir)}}
    ).execute()
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
