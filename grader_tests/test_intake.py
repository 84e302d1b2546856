"""Submissions that nbgrader cannot open get a clear one-line reason; readable ones get none."""

from __future__ import annotations

import nbformat

from course.grading import failure_reason, find_submissions, unreadable_reason
from course.layout import release_notebook
from course.pipeline import NbgraderStepError, last_line


def test_a_readable_release_notebook_has_no_problem(tmp_path):
    path = tmp_path / "00-orientation.ipynb"
    path.write_text(release_notebook("00-orientation").read_text())
    assert unreadable_reason(path) is None


def test_a_missing_notebook_is_named(tmp_path):
    assert unreadable_reason(tmp_path / "01-x.ipynb") == "no 01-x.ipynb in the submission"


def test_truncated_json_gives_line_and_column(tmp_path):
    path = tmp_path / "nb.ipynb"
    path.write_text('{\n "cells": [\n')
    assert (
        unreadable_reason(path) == "nb.ipynb is not valid JSON (Expecting value; line 3, column 1)"
    )


def test_bytes_that_are_not_utf8(tmp_path):
    path = tmp_path / "nb.ipynb"
    path.write_bytes(b'{"cells": "\xff\xfe"}')
    assert unreadable_reason(path).startswith("nb.ipynb is not UTF-8 text")


def test_json_that_is_not_a_notebook_is_left_to_nbgrader_then_explained(tmp_path):
    path = tmp_path / "nb.ipynb"
    path.write_text('{"cells": 3}')
    assert unreadable_reason(path) is None
    reason = failure_reason(path, NbgraderStepError("autograde failed: KeyError"))
    assert reason.startswith("nb.ipynb is not a valid notebook (") and "\n" not in reason


def test_a_notebook_with_a_bad_cell_type_is_explained(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")])
    text = nbformat.writes(nb).replace('"cell_type": "code"', '"cell_type": "spreadsheet"')
    path = tmp_path / "nb.ipynb"
    path.write_text(text)
    assert unreadable_reason(path) is None
    assert failure_reason(path, NbgraderStepError("x")).startswith(
        "nb.ipynb is not a valid notebook ("
    )


def test_a_valid_notebook_keeps_nbgraders_own_reason(tmp_path):
    path = tmp_path / "nb.ipynb"
    path.write_text(nbformat.writes(nbformat.v4.new_notebook()))
    error = NbgraderStepError("autograde 00-x s failed: RuntimeError: Kernel died")
    assert failure_reason(path, error) == str(error)


def test_find_submissions_reads_nbgraders_layout(tmp_path):
    for student, module in [("b", "00-a"), ("a", "00-a"), ("a", "01-b"), ("a", "99-unknown")]:
        (tmp_path / "submitted" / student / module).mkdir(parents=True)
    (tmp_path / "submitted" / "notes.txt").write_text("not a student")
    assert find_submissions(tmp_path, ["00-a", "01-b"]) == [
        ("a", "00-a"),
        ("a", "01-b"),
        ("b", "00-a"),
    ]


def test_last_line_prefers_the_real_cause_over_nbgraders_summary():
    log = (
        "[ERROR] Traceback (most recent call last):\n"
        "    FileNotFoundError: [Errno 2] No such file or directory: 'alembic'\n"
        "[ERROR] There was an error processing assignment\n"
        "nbgrader.converters.base.NbGraderException: "
        "Please see the the above traceback for details"
    )
    assert last_line(log) == "FileNotFoundError: [Errno 2] No such file or directory: 'alembic'"
    assert last_line("just one line\n\n") == "just one line"
    assert last_line("") == "no reason was logged"


def test_grading_a_fresh_gradebook_leaves_release_and_stale_feedback_is_dropped(tmp_path):
    from course.grading import grade_course
    from course.scratch import broken_json, make_scratch_course, submit_samples

    make_scratch_course(tmp_path, ["00-orientation"])
    (tmp_path / "gradebook.db").unlink()  # grading must record the module again by itself
    release = tmp_path / "release" / "00-orientation" / "00-orientation.ipynb"
    release.write_text(release.read_text().replace("Objectives", "Aims", 1))
    before = release.read_text()
    submit_samples(tmp_path, ["00-orientation"], {"eve": broken_json})
    stale = tmp_path / "feedback" / "eve" / "00-orientation" / "00-orientation.html"
    stale.parent.mkdir(parents=True)
    stale.write_text("<p>20/20 from an earlier grading</p>")
    (outcome,) = grade_course(tmp_path, modules=["00-orientation"])
    assert outcome.score == 0 and outcome.problem.startswith("00-orientation.ipynb is not valid")
    assert release.read_text() == before, "grading rewrote release/"
    assert not stale.exists(), "a failed regrade left the old feedback page"
