"""The grading pipeline, proven end to end with real nbgrader on the demo class of every module."""

from __future__ import annotations

import csv

import pytest

from course import pipeline
from course.checks import sync_problems
from course.grading import format_table
from course.layout import module_ids, release_notebook, source_notebook
from course.notebooks import (
    autograded_points,
    exercises,
    is_written_answer,
    nbgrader_meta,
    read_notebook,
    written_points,
)
from course.scratch import SAMPLE_STUDENTS

MODULES = module_ids()
pytestmark = pytest.mark.xdist_group("demo-class")


def submitted(demo_class, student, module):
    return demo_class.root / "submitted" / student / module / f"{module}.ipynb"


@pytest.mark.parametrize("module", MODULES)
def test_solution_scores_full_marks(demo_class, module):
    outcome = demo_class.outcomes[("ada-full", module)]
    expected = autograded_points(read_notebook(source_notebook(module)))
    assert outcome.problem is None
    assert expected > 0
    assert (outcome.score, outcome.max_score) == (expected, expected)
    cells = pipeline.cell_scores(demo_class.api, module, "ada-full")
    source = read_notebook(source_notebook(module))
    written = {nbgrader_meta(c)["grade_id"] for c in source.cells if is_written_answer(c)}
    assert all(score > 0 for grade_id, score in cells.items() if grade_id not in written)
    assert outcome.written_pending == (written_points(source) > 0)


@pytest.mark.parametrize("module", MODULES)
def test_release_scores_zero(demo_class, module):
    outcome = demo_class.outcomes[("ben-untouched", module)]
    assert outcome.problem is None
    assert outcome.score == 0 and outcome.max_score > 0
    assert set(pipeline.cell_scores(demo_class.api, module, "ben-untouched").values()) == {0}
    assert not outcome.written_pending, "an untouched written answer is scored 0 automatically"


@pytest.mark.parametrize("module", MODULES)
def test_partial_solution_scores_its_solved_exercises(demo_class, module):
    source = read_notebook(source_notebook(module))
    solved = exercises(source)[::2]
    solved_tests = {
        nbgrader_meta(source.cells[i])["grade_id"] for e in solved for i in e.test_indices
    }
    cells = pipeline.cell_scores(demo_class.api, module, "cleo-partial")
    for grade_id, score in cells.items():
        if grade_id in solved_tests:
            assert score > 0, f"{grade_id} belongs to a solved exercise but scored 0"
        else:
            assert score == 0, f"{grade_id} belongs to an unsolved exercise but scored {score}"
    outcome = demo_class.outcomes[("cleo-partial", module)]
    assert outcome.score == sum(e.points for e in solved)
    assert 0 < outcome.score < outcome.max_score


@pytest.mark.parametrize("module", MODULES)
def test_broken_json_scores_zero_with_a_one_line_reason(demo_class, module):
    outcome = demo_class.outcomes[("dev-broken-json", module)]
    assert outcome.score == 0 and outcome.max_score > 0
    assert outcome.problem is not None
    assert outcome.problem.startswith(f"{module}.ipynb is not valid JSON (")
    assert "\n" not in outcome.problem


@pytest.mark.parametrize("module", MODULES)
def test_validator_passes_the_source_notebook(demo_class, module):
    # the scratch course's copy, so that nothing the notebook writes can land in the repository
    scratch_source = source_notebook(module, demo_class.root)
    assert pipeline.validation_failures(demo_class.api, scratch_source) == []


@pytest.mark.parametrize("module", MODULES)
def test_validator_passes_the_solution(demo_class, module):
    assert (
        pipeline.validation_failures(demo_class.api, submitted(demo_class, "ada-full", module))
        == []
    )


@pytest.mark.parametrize("module", MODULES)
def test_validator_reports_that_the_release_fails(demo_class, module):
    failures = pipeline.validation_failures(
        demo_class.api, submitted(demo_class, "ben-untouched", module)
    )
    assert failures, "the validator must report the unanswered notebook's failing tests"
    assert all(line.startswith("failed:") for line in failures)


@pytest.mark.parametrize("module", MODULES)
def test_committed_release_equals_a_fresh_generate_assignment(demo_class, module):
    fresh = read_notebook(release_notebook(module, demo_class.root))
    committed = read_notebook(release_notebook(module))
    assert sync_problems(fresh, committed) == [], (
        "run `python -m course release` and commit release/"
    )


def test_grades_csv_has_every_student_and_module(demo_class):
    with (demo_class.root / "grades.csv").open() as handle:
        rows = {
            (r["student_id"], r["assignment"]): float(r["raw_score"])
            for r in csv.DictReader(handle)
        }
    assert set(rows) == {(s, m) for s in SAMPLE_STUDENTS for m in MODULES}
    for (student, module), score in rows.items():
        assert score == demo_class.outcomes[(student, module)].score


def test_feedback_is_written_for_each_graded_submission(demo_class):
    for (student, module), outcome in demo_class.outcomes.items():
        page = demo_class.root / "feedback" / student / module / f"{module}.html"
        assert page.is_file() == (outcome.problem is None), page


def test_demo_table_shows_every_student(demo_class):
    table = format_table(list(demo_class.outcomes.values()))
    lines = table.splitlines()
    assert len(lines) == 1 + len(SAMPLE_STUDENTS) * len(MODULES)
    for (student, module), outcome in demo_class.outcomes.items():
        assert any(
            line.startswith(student)
            and module in line
            and f"{outcome.score:g}/{outcome.max_score:g}" in line
            for line in lines
        )


def test_demo_does_not_touch_the_repository(demo_class):
    assert demo_class.repo_unchanged
