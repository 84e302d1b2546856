"""Killing `python -m course grade` midway and rerunning it gives the uninterrupted result."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from course import pipeline
from course.grading import grade_course
from course.scratch import SAMPLE_STUDENTS, make_scratch_course, submit_samples
from course.settings import gradebook_url

MODULE = "00-orientation"

pytestmark = pytest.mark.xdist_group(name="crash")


def class_with_samples(folder):
    make_scratch_course(folder, [MODULE])
    submit_samples(folder, [MODULE], SAMPLE_STUDENTS)
    return folder


def submissions_recorded(folder):
    """How many submissions the gradebook holds, read without writing to it."""
    try:
        with sqlite3.connect(f"file:{folder / 'gradebook.db'}?mode=ro", uri=True) as db:
            return db.execute("SELECT count(*) FROM submitted_assignment").fetchone()[0]
    except sqlite3.OperationalError:  # locked by the writer, or the table is not made yet
        return 0


def gradebook_rows(folder):
    return pipeline.gradebook_rows(gradebook_url(folder), [MODULE])


def test_a_killed_grading_run_finishes_on_the_next_run_with_the_same_gradebook(tmp_path):
    reference = class_with_samples(tmp_path / "reference")
    grade_course(reference, modules=[MODULE])

    course = class_with_samples(tmp_path / "interrupted")
    run = subprocess.Popen(
        [sys.executable, "-m", "course", "--course", str(course), "grade", "--jobs", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 300
    while submissions_recorded(course) == 0 and run.poll() is None:
        assert time.monotonic() < deadline, "no submission reached the gradebook in 300 s"
        time.sleep(0.1)
    os.killpg(run.pid, signal.SIGKILL)  # one submission is in the gradebook: kill mid-class
    run.wait(timeout=60)
    assert run.returncode == -signal.SIGKILL, "the run was killed before it finished"
    killed_rows = gradebook_rows(course)
    assert len({row[1] for row in killed_rows}) < len(SAMPLE_STUDENTS), "it stopped midway"

    grade_course(course, modules=[MODULE])
    assert gradebook_rows(course) == gradebook_rows(reference)
    students = [row[1] for row in gradebook_rows(course)]
    per_student = {student: students.count(student) for student in students}
    assert len(set(per_student.values())) == 1, f"no half-written submission: {per_student}"
