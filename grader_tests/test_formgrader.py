"""Written answers reach nbgrader's formgrader; manual grades given there reach feedback and CSV.

A real Jupyter server with nbgrader's formgrader extension serves a copy of the graded demo
class on a loopback port, as it would serve an instructor's course folder.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import JupyterServer, run_module
from test_feedback import hidden_lines_shown, html_text

from course.layout import source_notebook, student_file
from course.notebooks import autograded_points, is_written_answer, nbgrader_meta, read_notebook

MODULE = "00-orientation"
pytestmark = pytest.mark.xdist_group(name=f"demo-{MODULE}")


class Formgrader(JupyterServer):
    """A Jupyter server with nbgrader's formgrader, serving a course folder."""

    def __init__(self, root: Path) -> None:
        """Start it for the course folder ``root``; its log goes beside that folder."""
        super().__init__("jupyter-server", root, root.parent / "server.log")

    def api(self, path: str, body: dict | None = None, method: str = "") -> object:
        """Call formgrader's REST API and return its JSON answer."""
        return json.loads(self.request(f"/formgrader/api/{path}", body, method))


@pytest.fixture
def course(demo_class, tmp_path: Path) -> Path:
    """A copy of the graded demo class (its nbgrader_config.py holds the course's settings)."""
    root = tmp_path / "course"
    shutil.copytree(demo_class(MODULE).root, root)
    return root


@pytest.fixture
def formgrader(course: Path) -> Iterator[Formgrader]:
    server = Formgrader(course)
    try:
        server.wait()
        yield server
    finally:
        server.stop()


def written_answer(course: Path, student: str) -> tuple[str, str]:
    """Return the grade id and the text of the student's first written answer."""
    cells = read_notebook(student_file(course, "submitted", student, MODULE)).cells
    cell = next(c for c in cells if is_written_answer(c))
    return nbgrader_meta(cell)["grade_id"], cell.source


def test_written_answers_reach_formgrader_and_its_grades_reach_feedback_and_csv(
    course, formgrader
):
    submissions = formgrader.api(f"submitted_notebooks/{MODULE}/{MODULE}")
    by_student = {s["student"]: s for s in submissions}
    # formgrader lists the graded notebooks: dev-broken-json's could not be graded (it scored 0)
    assert set(by_student) == {"ada-full", "ben-untouched", "cleo-partial"}
    assert by_student["ada-full"]["needs_manual_grade"] is True, "a written answer awaits"
    assert by_student["ben-untouched"]["needs_manual_grade"] is False, "nothing was written"

    # the formgrader page of ada's submission shows her written answer
    answer_id, answer = written_answer(course, "ada-full")
    page = formgrader.request(f"/formgrader/submissions/{by_student['ada-full']['id']}/")
    words = re.findall(r"\w+", answer)
    assert len(words) > 10
    shown = " ".join(re.findall(r"\w+", html_text(page.decode())))
    assert " ".join(words[:12]) in shown, "her answer is on the page"

    # a grader gives it 3 points there, through the formgrader's own API
    grades = formgrader.api(f"grades?submission_id={by_student['ada-full']['id']}")
    grade = next(g for g in grades if g["name"] == answer_id)
    assert grade["needs_manual_grade"] is True and grade["manual_score"] is None
    saved = formgrader.api(f"grade/{grade['id']}", {"manual_score": 3, "extra_credit": 0})
    assert (saved["manual_score"], saved["needs_manual_grade"]) == (3, False)

    # feedback and export written afterwards show it
    result = run_module("course", "--course", str(course), "feedback", MODULE)
    assert result.returncode == 0, result.stderr
    page = student_file(course, "feedback", "ada-full", MODULE, ".html").read_text()
    written_max = float(grade["max_score"])
    assert f"Score: 3.0 / {written_max:.1f}" in " ".join(html_text(page).split())
    result = run_module("course", "--course", str(course), "export")
    assert result.returncode == 0, result.stderr
    with (course / "grades.csv").open() as handle:
        rows = {row["student_id"]: row for row in csv.DictReader(handle)}
    full_code_marks = autograded_points(read_notebook(source_notebook(MODULE, course)))
    assert float(rows["ada-full"][MODULE]) == full_code_marks + 3


def test_feedback_made_with_formgraders_button_hides_the_hidden_tests(course, formgrader):
    page = student_file(course, "feedback", "cleo-partial", MODULE, ".html")
    page.unlink()
    result = formgrader.api(
        f"assignment/{MODULE}/cleo-partial/generate_feedback", {}, method="POST"
    )
    assert result["success"], result
    assert page.is_file()
    assert hidden_lines_shown(page, MODULE, course, "cleo-partial") == []
    assert "Check failed: " in html_text(page.read_text())
