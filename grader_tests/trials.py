"""Run a source notebook with another answer in one exercise's answer cell.

A trial executes the whole instructor notebook (hidden tests included) with nbclient, the other
answers left as the instructor wrote them, then scores each test cell with nbgrader's own rule
(``nbgrader.utils.determine_grade``: an error or anything on stderr scores zero). So a trial
shows both what the answer earns on its own exercise and whether it costs points elsewhere.
"""

from __future__ import annotations

import copy
from pathlib import Path

from nbclient import NotebookClient
from nbgrader.utils import determine_grade

from course.layout import REPO_ROOT, source_notebook
from course.notebooks import exercises, is_test, nbgrader_meta, read_notebook

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
