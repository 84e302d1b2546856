"""The grading pipeline, proven end to end with real nbgrader on the demo class of every module."""

from __future__ import annotations

import csv

import pytest
from nbgrader.api import Gradebook
from nbgrader.plugins import CsvExportPlugin

from course import pipeline
from course.checks import sync_problems
from course.grading import format_table
from course.layout import module_ids, release_notebook, source_notebook, student_file
from course.notebooks import (
    autograded_points,
    exercises,
    is_solution_code,
    is_test,
    is_written_answer,
    nbgrader_meta,
    needed_exercises,
    read_notebook,
    written_points,
)
from course.scratch import SAMPLE_STUDENTS
from course.settings import COURSE_ID

# each module's tests share one graded demo class: keep them on one xdist worker
MODULES = [pytest.param(m, marks=pytest.mark.xdist_group(name=f"demo-{m}")) for m in module_ids()]


@pytest.mark.parametrize("module", MODULES)
def test_solution_scores_full_marks(demo_class, module):
    demo = demo_class(module)
    outcome = demo.outcomes[("ada-full", module)]
    expected = autograded_points(read_notebook(source_notebook(module)))
    assert outcome.problem is None
    assert expected > 0
    assert (outcome.score, outcome.max_score) == (expected, expected)
    cells = pipeline.cell_scores(demo.api, module, "ada-full")
    source = read_notebook(source_notebook(module))
    written = {nbgrader_meta(c)["grade_id"] for c in source.cells if is_written_answer(c)}
    assert all(score > 0 for grade_id, score in cells.items() if grade_id not in written)
    assert outcome.written_pending == (written_points(source) > 0)


@pytest.mark.parametrize("module", MODULES)
def test_release_scores_zero(demo_class, module):
    demo = demo_class(module)
    outcome = demo.outcomes[("ben-untouched", module)]
    assert outcome.problem is None
    assert outcome.score == 0 and outcome.max_score > 0
    assert set(pipeline.cell_scores(demo.api, module, "ben-untouched").values()) == {0}
    assert not outcome.written_pending, "an untouched written answer is scored 0 automatically"


@pytest.mark.parametrize("module", MODULES)
def test_partial_solution_scores_its_solved_exercises(demo_class, module):
    demo = demo_class(module)
    source = read_notebook(source_notebook(module))
    solved = {e.name for e in exercises(source)[::2]}
    # a test scores when its exercise is solved and so is every exercise it says it needs; a
    # test whose own exercise is solved but a needed one is not may go either way
    earning, undecided = {}, set()
    for exercise in exercises(source):
        for i in exercise.test_indices:
            meta = nbgrader_meta(source.cells[i])
            if exercise.name in solved and needed_exercises(source.cells[i]) <= solved:
                earning[meta["grade_id"]] = float(meta["points"])
            elif exercise.name in solved:
                undecided.add(meta["grade_id"])
    cells = pipeline.cell_scores(demo.api, module, "cleo-partial")
    for grade_id, score in cells.items():
        if grade_id in earning:
            assert score > 0, f"{grade_id} belongs to a solved exercise but scored 0"
        elif grade_id not in undecided:
            assert score == 0, f"{grade_id} belongs to an unsolved exercise but scored {score}"
    outcome = demo.outcomes[("cleo-partial", module)]
    assert outcome.score == sum(earning.values()) + sum(cells[g] for g in undecided)
    assert 0 < outcome.score < outcome.max_score


@pytest.mark.parametrize("module", MODULES)
def test_broken_json_scores_zero_with_a_one_line_reason(demo_class, module):
    demo = demo_class(module)
    outcome = demo.outcomes[("dev-broken-json", module)]
    assert outcome.score == 0 and outcome.max_score > 0
    assert outcome.problem is not None
    assert outcome.problem.startswith(f"{module}.ipynb is not valid JSON (")
    assert "\n" not in outcome.problem


def autograded(demo, student, module):
    return student_file(demo.root, "autograded", student, module)


# The validator runs here on the notebooks as nbgrader's autograde executed them (hidden tests
# included), so each module's notebooks are executed once per run; `python -m course check`
# runs the validator with its own execution, and test_cli.py runs check.
@pytest.mark.parametrize("module", MODULES)
def test_validator_passes_the_full_solution(demo_class, module):
    demo = demo_class(module)
    notebook = autograded(demo, "ada-full", module)
    assert pipeline.validation_failures(demo.api, notebook, execute=False) == []


@pytest.mark.parametrize("module", MODULES)
def test_validator_reports_that_the_release_fails(demo_class, module):
    demo = demo_class(module)
    notebook = autograded(demo, "ben-untouched", module)
    failures = pipeline.validation_failures(demo.api, notebook, execute=False)
    assert failures, "the validator must report the unanswered notebook's failing tests"
    assert all(line.startswith("failed:") for line in failures)
    tests = sum(len(e.test_indices) for e in exercises(read_notebook(source_notebook(module))))
    assert len(failures) >= tests, "every test cell fails while nothing is answered"


@pytest.mark.parametrize("module", MODULES)
def test_committed_release_equals_a_fresh_generate_assignment(demo_class, module):
    demo = demo_class(module)
    fresh = read_notebook(release_notebook(module, demo.root))
    committed = read_notebook(release_notebook(module))
    assert sync_problems(fresh, committed) == [], (
        "run `python -m course release` and commit release/"
    )


@pytest.mark.parametrize("module", MODULES)
def test_grades_csv_has_a_row_per_student_and_a_column_per_module(demo_class, module, tmp_path):
    demo = demo_class(module)
    with (demo.root / "grades.csv").open() as handle:
        reader = csv.DictReader(handle)
        rows = {row["student_id"]: row for row in reader}
    assert reader.fieldnames == ["student_id", "last_name", "first_name", "email", module, "total"]
    assert set(rows) == set(SAMPLE_STUDENTS)
    # nbgrader's own exporter, a row per student and module, must say the same
    long_form = tmp_path / "long.csv"
    with Gradebook(demo.api.coursedir.db_url, COURSE_ID) as gradebook:
        CsvExportPlugin(to=str(long_form)).export(gradebook)
    with long_form.open() as handle:
        expected = {row["student_id"]: float(row["score"]) for row in csv.DictReader(handle)}
    for student, row in rows.items():
        assert float(row[module]) == float(row["total"]) == expected[student], student
    assert float(rows["ada-full"][module]) == demo.outcomes[("ada-full", module)].score > 0


@pytest.mark.parametrize("module", MODULES)
def test_feedback_is_written_for_each_graded_submission(demo_class, module):
    demo = demo_class(module)
    for (student, _), outcome in demo.outcomes.items():
        page = student_file(demo.root, "feedback", student, module, ".html")
        assert page.is_file() == outcome.graded, page


@pytest.mark.parametrize("module", MODULES)
def test_demo_table_shows_every_student(demo_class, module):
    demo = demo_class(module)
    lines = format_table(list(demo.outcomes.values())).splitlines()
    assert len(lines) == 1 + len(SAMPLE_STUDENTS)
    for (student, _), outcome in demo.outcomes.items():
        assert any(
            line.startswith(student)
            and module in line
            and f"{outcome.score:g}/{outcome.max_score:g}" in line
            for line in lines
        )


@pytest.mark.parametrize("module", MODULES)
def test_demo_does_not_touch_the_repository(demo_class, module):
    assert demo_class(module).repo_unchanged


@pytest.mark.parametrize("module", MODULES)
def test_the_release_runs_with_errors_only_in_test_cells(demo_class, module):
    # DESIGN: the release runs with no error but the NotImplementedErrors of unanswered cells
    # and the failures they cause in test cells
    demo = demo_class(module)
    executed = read_notebook(autograded(demo, "ben-untouched", module))
    for cell in executed.cells:
        outputs = cell.get("outputs", [])
        errors = [o.ename for o in outputs if o.output_type == "error"]
        stderr = [o for o in outputs if o.get("name") == "stderr"]
        if is_test(cell):
            continue
        allowed = ["NotImplementedError"] if is_solution_code(cell) else []
        assert all(name in allowed for name in errors) and not stderr, (
            f"a cell that is no test fails with {errors}: {cell.source[:60]!r}"
        )
