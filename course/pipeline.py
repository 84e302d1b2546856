"""Thin, checked calls into nbgrader's Python API and its gradebook.

Every step of grading goes through nbgrader: these functions only turn its ``{"success": ...}``
results into exceptions with a readable one-line reason, and read scores back from the gradebook.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.apps import NbGraderAPI
from nbgrader.preprocessors import CheckCellMetadata
from nbgrader.utils import temp_attrs
from nbgrader.validator import Validator
from traitlets.config.loader import PyFileConfigLoader

from course.export import ModuleColumnsExport
from course.settings import COURSE_ID, limit_config, nbgrader_config


class NbgraderStepError(RuntimeError):
    """An nbgrader step did not succeed; the message says which step and why, in one line."""


_EXCEPTION_LINE = re.compile(r"^[A-Za-z_][\w.]*(?:Error|Exception|Interrupt|Exit|Timeout)\b:?")
_NBGRADER_SUMMARY = "Please see the"
_ANSI_COLOUR = re.compile(r"\x1b\[[0-9;]*m")


def last_line(text: str | None) -> str:
    """Return the line of a log or traceback that names the cause of a failure.

    nbgrader ends its logs with a generic "Please see the above traceback" line; the real cause is
    the last exception line before it, so that one is preferred.
    """
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    causes = [
        line for line in lines if _EXCEPTION_LINE.match(line) and _NBGRADER_SUMMARY not in line
    ]
    if causes:
        return causes[-1]
    return lines[-1] if lines else "no reason was logged"


def _put_interpreter_tools_on_path() -> None:
    """Put the interpreter's bin folder on PATH, where nbgrader looks for its ``alembic`` command.

    A virtual environment used without activation (``.venv/bin/python -m course``) lacks it.
    """
    tools = str(Path(sys.executable).parent)
    if tools not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = os.pathsep.join([tools, os.environ.get("PATH", "")])


#: How grading kernels are configured (an IPython profile's ipython_kernel_config.py).
GRADING_KERNEL_CONFIG = """\
# ipykernel's start-up warning would bury the grade table.
c.IPKernelApp.log_level = "ERROR"
# Output that programs started by a cell write to the process's own stdout and stderr
# (git push reports progress on stderr, say) is not copied into the cell: nbgrader scores a
# test cell with any stderr output as zero, and that output says nothing about the answer.
c.IPKernelApp.capture_fd_output = False
# No history database: nothing one graded notebook ran is kept where another could read it.
c.HistoryManager.enabled = False
"""


def write_kernel_profile(ipython_dir: Path) -> Path:
    """Write the grading kernels' IPython profile into ``ipython_dir`` and return the folder."""
    profile = ipython_dir / "profile_default"
    profile.mkdir(parents=True, exist_ok=True)
    (profile / "ipython_kernel_config.py").write_text(GRADING_KERNEL_CONFIG)
    return ipython_dir


@contextmanager
def private_kernel_profile() -> Iterator[None]:
    """Give the kernels that nbgrader starts meanwhile an IPython folder of their own.

    Their history and caches stay out of the instructor's ``~/.ipython``, and they run with
    :data:`GRADING_KERNEL_CONFIG`.
    """
    with tempfile.TemporaryDirectory(prefix="course-kernels-") as folder:
        write_kernel_profile(Path(folder))
        previous = os.environ.get("IPYTHONDIR")
        os.environ["IPYTHONDIR"] = folder
        try:
            yield
        finally:
            if previous is None:
                os.environ.pop("IPYTHONDIR", None)
            else:
                os.environ["IPYTHONDIR"] = previous


def nbgrader_api(
    root: Path, db_url: str | None = None, limits: Mapping[str, object] | None = None
) -> NbGraderAPI:
    """Return nbgrader's API for the course folder ``root`` with the course's configuration.

    ``limits`` overrides grading limits (see :func:`course.settings.nbgrader_config`).
    """
    _put_interpreter_tools_on_path()
    config = nbgrader_config(root, db_url, limits)
    course_file = root / "nbgrader_config.py"
    if course_file.is_file():  # the instructor's settings, then only what this call asks for
        config.merge(PyFileConfigLoader(course_file.name, path=str(root)).load_config())
        if db_url:
            config.CourseDirectory.db_url = db_url
        config.merge(limit_config(limits or {}))
    api = NbGraderAPI(config=config)
    api.log.setLevel(logging.WARNING)
    return api


def _checked(result: dict, step: str) -> dict:
    if not result.get("success"):
        log = f"{result.get('log', '')}\n{result.get('error', '')}"
        raise NbgraderStepError(f"{step} failed: {last_line(log)}")
    return result


def generate_assignment(api: NbGraderAPI, module: str) -> None:
    """Make the student version of a module in release/ and record its cells in the gradebook."""
    _checked(
        api.generate_assignment(module, force=True, create=True), f"generate_assignment {module}"
    )


def record_assignment(api: NbGraderAPI, module: str) -> None:
    """Record a module's notebooks and grade cells in the gradebook, as grading needs.

    nbgrader does this in generate_assignment; here its student version goes to a throwaway
    folder, so that grading never rewrites the committed release/.
    """
    with tempfile.TemporaryDirectory(prefix="course-release-") as folder:
        with temp_attrs(api.coursedir, release_directory=folder):
            generate_assignment(api, module)


def autograde(api: NbGraderAPI, module: str, student: str) -> None:
    """Autograde one student's submission of a module (nbgrader restores locked cells first)."""
    _checked(
        api.autograde(module, student, force=True, create=True), f"autograde {module} {student}"
    )


def generate_feedback(api: NbGraderAPI, module: str, student: str) -> None:
    """Write the HTML feedback of one autograded submission into feedback/."""
    _checked(api.generate_feedback(module, student, force=True), f"feedback {module} {student}")


def _gradebook(api: NbGraderAPI) -> Gradebook:
    """Open the course's gradebook; use it in a ``with`` block so that it is closed again."""
    return Gradebook(api.coursedir.db_url, api.coursedir.course_id)


def is_released(api: NbGraderAPI, module: str) -> bool:
    """Return whether the gradebook already knows the module's notebooks and grade cells."""
    with _gradebook(api) as gradebook:
        try:
            return bool(gradebook.find_assignment(module).notebooks)
        except MissingEntry:
            return False


def record_zero(api: NbGraderAPI, module: str, student: str) -> None:
    """Score a submission that could not be graded zero on every cell.

    nbgrader does the same for a missing notebook, and keeps a grader's manual scores as it
    does; the submission then shows in the gradebook and in the exported grades like any other,
    with its hand-in time from ``timestamp.txt`` when there is one.
    """
    folder = api.coursedir.format_path(api.coursedir.submitted_directory, student, module)
    try:  # the hand-in time, as autograde records it: the report counts late work
        timestamp = api.coursedir.get_existing_timestamp(folder)
    except Exception:  # noqa: BLE001 - a timestamp.txt that cannot be read gives no time
        timestamp = None
    extra = {"timestamp": timestamp} if timestamp else {}
    with _gradebook(api) as gradebook:
        gradebook.update_or_create_student(student)
        submission = gradebook.update_or_create_submission(module, student, **extra)
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                grade.auto_score = 0
                grade.needs_manual_grade = False
        gradebook.db.commit()


@dataclass(frozen=True)
class Score:
    """What the gradebook holds for one student's submission of one module."""

    code_score: float
    max_code_score: float
    written_score: float
    max_written_score: float
    needs_manual_grade: bool


def read_score(api: NbGraderAPI, module: str, student: str) -> Score | None:
    """Return the gradebook's scores for a submission, or None when there is none."""
    with _gradebook(api) as gradebook:
        try:
            submission = gradebook.find_submission(module, student)
        except MissingEntry:
            return None
        return Score(
            code_score=float(submission.code_score),
            max_code_score=float(submission.max_code_score),
            written_score=float(submission.written_score),
            max_written_score=float(submission.max_written_score),
            needs_manual_grade=bool(submission.needs_manual_grade),
        )


def cell_scores(api: NbGraderAPI, module: str, student: str) -> dict[str, float]:
    """Return the autograded score of each grade cell of a submission, keyed by grade_id."""
    with _gradebook(api) as gradebook:
        submission = gradebook.find_submission(module, student)
        return {
            grade.name: float(grade.score)
            for notebook in submission.notebooks
            for grade in notebook.grades
        }


def gradebook_rows(db_url: str, modules: list[str]) -> list[tuple]:
    """Return every grade and comment of every submission of ``modules`` as plain tuples.

    Grades are (module, student, cell, auto score, manual score, needs manual grade, max
    score); comments are (module, student, cell, automatic comment); each notebook adds
    (module, student, notebook, "late penalty", penalty). Two gradebooks that hold the same
    grades give the same sorted list, whatever database each is kept in.
    """
    rows: list[tuple] = []
    with Gradebook(db_url, COURSE_ID) as gradebook:
        for module in modules:
            for submission in gradebook.assignment_submissions(module):
                student = submission.student.id
                for notebook in submission.notebooks:
                    penalty = notebook.late_submission_penalty
                    rows.append((module, student, notebook.name, "late penalty", penalty))
                    rows += [
                        (module, student, grade.name, grade.auto_score, grade.manual_score,
                         grade.needs_manual_grade, grade.max_score)
                        for grade in notebook.grades
                    ]  # fmt: skip
                    rows += [
                        (module, student, comment.name, comment.auto_comment)
                        for comment in notebook.comments
                    ]
    return sorted(rows, key=repr)


def export_grades(api: NbGraderAPI, destination: Path) -> None:
    """Write every student's grade for every module to a CSV file (see course/export.py)."""
    exporter = ModuleColumnsExport(parent=api, to=str(destination))
    with _gradebook(api) as gradebook:
        exporter.export(gradebook)


def validation_failures(api: NbGraderAPI, notebook: Path, execute: bool = True) -> list[str]:
    """Run nbgrader's validator on a notebook and return one line per problem it reports.

    ``nbgrader validate`` exits 0 whatever it finds, so the Python API is read instead.

    Args:
        api: nbgrader's API for the course.
        notebook: the notebook to validate.
        execute: run the notebook first, as students' Validate does; ``False`` judges the
            outputs the notebook already holds (an autograded notebook, say).
    """
    validator = Validator(parent=api)
    if not execute:
        validator.preprocessors = [CheckCellMetadata]
    with private_kernel_profile():
        results = validator.validate(str(notebook))
    problems = [f"changed: {item['source'][:60]!r}" for item in results.get("changed", [])]
    problems += [
        f"type changed: {item['source'][:60]!r}" for item in results.get("type_changed", [])
    ]
    problems += [
        f"failed: {last_line(_ANSI_COLOUR.sub('', item['raw_error']))}"
        for item in results.get("failed", [])
    ]
    return problems
