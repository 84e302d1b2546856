"""The grade export: a row per student, a column per module and the total, from the gradebook."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from course import pipeline
from course.export import ModuleColumnsExport
from course.layout import REPO_ROOT
from course.settings import COURSE_ID, gradebook_url

# (module, grade cell, points) of a small made-up course
CELLS = [("m1", "test_a", 6), ("m1", "test_b", 4), ("m2", "test_c", 5)]


def scored(gradebook: Gradebook, module: str, student: str, scores: dict[str, float]) -> None:
    """Record a submission of ``module`` by ``student`` with the given autograded scores."""
    submission = gradebook.add_submission(module, student)
    for notebook in submission.notebooks:
        for grade in notebook.grades:
            grade.auto_score = scores[grade.name]
    gradebook.db.commit()


@pytest.fixture
def course(tmp_path: Path) -> Path:
    """A course folder whose gradebook holds two modules, four students and a late penalty."""
    pipeline.nbgrader_api(tmp_path)  # puts nbgrader's alembic command on PATH
    with Gradebook(gradebook_url(tmp_path), COURSE_ID) as gradebook:
        for module in ("m1", "m2"):
            gradebook.add_assignment(module)
            gradebook.add_notebook(module, module)
        for module, cell, points in CELLS:
            gradebook.add_grade_cell(cell, module, module, max_score=points, cell_type="code")
        gradebook.add_student("ana", first_name="Ana", last_name="Lima", email="ana@example.org")
        for student in ("bo", "cy", "dee"):
            gradebook.add_student(student)
        scored(gradebook, "m1", "ana", {"test_a": 6, "test_b": 4})
        scored(gradebook, "m2", "ana", {"test_c": 2.5})
        scored(gradebook, "m1", "bo", {"test_a": 6, "test_b": 0})
        scored(gradebook, "m1", "cy", {"test_a": 3, "test_b": 0})
        late = gradebook.find_submission_notebook("m1", "m1", "bo")
        late.late_submission_penalty = 1.5
        too_late = gradebook.find_submission_notebook("m1", "m1", "cy")
        too_late.late_submission_penalty = 5  # more than the score: the module counts 0
        gradebook.db.commit()
    return tmp_path


def read_rows(path: Path) -> tuple[list[str], dict[str, dict[str, str]]]:
    with path.open(newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), {row["student_id"]: row for row in reader}


def test_one_row_per_student_and_a_column_per_module(course):
    pipeline.export_grades(pipeline.nbgrader_api(course), course / "grades.csv")
    header, rows = read_rows(course / "grades.csv")
    assert header == ["student_id", "last_name", "first_name", "email", "m1", "m2", "total"]
    assert rows["ana"] == {
        "student_id": "ana",
        "last_name": "Lima",
        "first_name": "Ana",
        "email": "ana@example.org",
        "m1": "10",
        "m2": "2.5",
        "total": "12.5",
    }
    assert (rows["bo"]["m1"], rows["bo"]["total"]) == ("4.5", "4.5"), "6 less 1.5 late"
    assert rows["cy"]["m1"] == "0", "a penalty larger than the score leaves 0, not -2"
    assert (rows["dee"]["m1"], rows["dee"]["m2"], rows["dee"]["total"]) == ("0", "0", "0")
    assert rows["bo"]["m2"] == "0", "no submission counts 0, as in nbgrader's own export"


def test_the_students_and_modules_asked_for(course):
    destination = course / "some.csv"
    with Gradebook(gradebook_url(course), COURSE_ID) as gradebook:
        ModuleColumnsExport(to=str(destination), student=["bo"], assignment=["m1"]).export(
            gradebook
        )
    header, rows = read_rows(destination)
    assert header[4:] == ["m1", "total"]
    assert list(rows) == ["bo"]


def test_nbgrader_export_writes_the_same_file(course):
    shutil.copy(REPO_ROOT / "nbgrader_config.py", course / "nbgrader_config.py")
    pipeline.export_grades(pipeline.nbgrader_api(course), course / "grades.csv")
    result = subprocess.run(
        [str(Path(sys.executable).parent / "nbgrader"), "export", "--to", "nbgrader.csv"],
        cwd=course,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "ModuleColumnsExport" in result.stderr
    assert (course / "nbgrader.csv").read_text() == (course / "grades.csv").read_text()


def test_names_that_a_spreadsheet_would_run_are_written_as_text(course):
    with Gradebook(gradebook_url(course), COURSE_ID) as gradebook:
        gradebook.add_student(
            '=HYPERLINK("http://x","a,b")', last_name="+SUM(1,2)", first_name="-1", email="@cmd"
        )
    pipeline.export_grades(pipeline.nbgrader_api(course), course / "grades.csv")
    _, rows = read_rows(course / "grades.csv")
    row = rows['\'=HYPERLINK("http://x","a,b")']
    assert (row["last_name"], row["first_name"], row["email"]) == ("'+SUM(1,2)", "'-1", "'@cmd")
    assert rows["ana"]["last_name"] == "Lima", "ordinary text stays as it is"
