"""Whole capstone submissions, graded by nbgrader in the sandbox, lose exactly the right points.

Each submission is the released notebook with every answer filled in: the instructor's answers,
except where a fixture answer from grader_tests/submissions/08-capstone/ takes their place.
They are the four the capstone's issue names: a complete clean-up written another way, a
README whose set-up fails on a fresh machine, a clean-up that commits the data file, and one
that leaves the bug in. Each cell a submission loses either grades one of its wrong answers or
says "Needs:" that exercise. A last test proves, with a cheaper trial run, that a .gitignore
that hides code costs the end-to-end checks that say they need it, and nothing else.
"""

from __future__ import annotations

import os

import nbformat
import pytest
from trials import SUBMISSIONS, run_trial

from course import notebooks, pipeline
from course.grading import grade_course
from course.layout import release_notebook, source_notebook, student_file
from course.notebooks import (
    exercises,
    is_test,
    nbgrader_meta,
    needed_exercises,
    read_notebook,
    solved_copy,
)
from course.scratch import make_scratch_course

MODULE = "08-capstone"
# the four submissions are graded once, together: keep their tests on one xdist worker
pytestmark = pytest.mark.xdist_group(name="capstone-grading")

#: Submission -> the fixture answers it uses, by exercise; other answers are the instructor's.
SUBMISSIONS_08 = {
    "complete-another-way": "correct",  # the first correct_* answer of every exercise
    "readme-fails-on-a-fresh-clone": {"readme": "wrong_activates_local_venv"},
    "commits-the-data-file": {
        "gitignore": "wrong_misses_data",
        "commit_history": "correct_add_all",
    },
    "bug-still-in": {
        "model": "wrong_split_without_shuffle",
        "model_tests": "wrong_misses_the_split_bug",
    },
}

#: The test cells each submission must lose all points on; every other cell scores in full.
LOSES = {
    "complete-another-way": set(),
    "readme-fails-on-a-fresh-clone": {
        "test_readme_setup_fresh_clone",
        "test_readme_usage_fresh_clone",
        "test_model_tests_fresh_clone",
    },
    "commits-the-data-file": {
        "test_gitignore",
        "test_gitignore_keeps_code",
        "test_commit_history_no_data",
    },
    "bug-still-in": {"test_model_split", "test_model_tests_pin_bug"},
}


def answers_of(plan: str | dict[str, str]) -> dict[str, str]:
    """Return exercise -> answer cell text for one submission's fixture answers."""
    names = [e.name for e in exercises(read_notebook(source_notebook(MODULE)))]
    if plan == "correct":
        return {
            name: sorted((SUBMISSIONS / MODULE / name).glob("correct_*.py"))[0].read_text()
            for name in names
        }
    return {
        name: (SUBMISSIONS / MODULE / name / f"{file}.py").read_text()
        for name, file in plan.items()
    }


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("capstone")
    api = make_scratch_course(root, [MODULE])
    release = read_notebook(release_notebook(MODULE, root))
    source = read_notebook(source_notebook(MODULE, root))
    for student, plan in SUBMISSIONS_08.items():
        notebook = solved_copy(release, source, solve=None)
        answers = answers_of(plan)
        for cell in notebook.cells:
            replacement = answers.get(nbgrader_meta(cell).get("grade_id"))
            if replacement is not None:
                cell.source = replacement
        path = student_file(root, "submitted", student, MODULE)
        path.parent.mkdir(parents=True)
        nbformat.write(notebook, path)
    current_test = os.environ.pop("PYTEST_CURRENT_TEST", None)  # grade as an instructor would
    try:
        outcomes = grade_course(root, modules=[MODULE], jobs=2)
    finally:
        if current_test is not None:
            os.environ["PYTEST_CURRENT_TEST"] = current_test
    return api, {outcome.student: outcome for outcome in outcomes}


@pytest.mark.parametrize("student", sorted(SUBMISSIONS_08))
def test_each_submission_loses_exactly_its_mistakes(graded, student):
    api, outcomes = graded
    assert outcomes[student].problem is None
    scores = pipeline.cell_scores(api, MODULE, student)
    source = read_notebook(source_notebook(MODULE))
    points = {
        nbgrader_meta(c)["grade_id"]: float(nbgrader_meta(c)["points"])
        for c in source.cells
        if is_test(c)
    }
    lost = {grade_id for grade_id, full in points.items() if scores[grade_id] < full}
    assert lost == LOSES[student], {g: (scores[g], points[g]) for g in lost ^ LOSES[student]}
    source_cells = {nbgrader_meta(c).get("grade_id"): c for c in source.cells}
    plan = SUBMISSIONS_08[student]
    wrong = set(plan) if isinstance(plan, dict) else set()
    names = [exercise.name for exercise in exercises(source)]
    for grade_id in lost:  # a lost cell grades a wrong answer, or says it needs one
        owner = notebooks.test_owner(grade_id, names)
        assert owner in wrong or needed_exercises(source_cells[grade_id]) & wrong, grade_id
    assert all(scores[g] == 0 for g in LOSES[student])
    expected = sum(points.values()) - sum(points[g] for g in LOSES[student])
    assert outcomes[student].score == expected


def test_a_gitignore_that_hides_code_costs_exactly_the_checks_that_need_it(tmp_path):
    # *model* also hides model.py and test_model.py, so they never reach the fresh clone
    answer = (SUBMISSIONS / MODULE / "gitignore" / "wrong_too_broad.py").read_text()
    grades = run_trial(MODULE, "gitignore", answer, tmp_path, with_needing=True)
    lost = {grade_id for grade_id, (score, full) in grades.items() if score < full}
    assert lost == {
        "test_gitignore_keeps_code",
        "test_commit_history",
        "test_readme_usage_fresh_clone",
        "test_model_tests_fresh_clone",
    }
    source = {
        nbgrader_meta(c).get("grade_id"): c for c in read_notebook(source_notebook(MODULE)).cells
    }
    assert all(
        grade_id.startswith("test_gitignore") or "gitignore" in needed_exercises(source[grade_id])
        for grade_id in lost
    )
