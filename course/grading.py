"""The ``grade`` verb: find submissions, autograde each, write feedback and export grades."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook
from nbgrader.apps import NbGraderAPI

from course import pipeline
from course.isolation import GRADING_NOTES
from course.layout import module_ids, student_file
from course.notebooks import line_regions
from course.settings import MAX_NOTEBOOK_BYTES


@dataclass(frozen=True)
class Outcome:
    """The result of grading one student's submission of one module."""

    student: str
    module: str
    score: float
    max_score: float
    written_score: float
    written_max: float
    written_pending: bool
    problem: str | None = None


def find_submissions(root: Path, modules: list[str]) -> list[tuple[str, str]]:
    """Return (student, module) for every folder ``submitted/<student>/<module>/``, sorted."""
    submitted = root / "submitted"
    if not submitted.is_dir():
        return []
    return sorted(
        (student.name, module)
        for student in submitted.iterdir()
        if student.is_dir()
        for module in modules
        if (student / module).is_dir()
    )


def unreadable_reason(notebook: Path) -> str | None:
    """Return a one-line reason why a submitted notebook cannot even be parsed, or None.

    Only what stops nbgrader from reading the file is checked here (missing, not UTF-8, not
    JSON); everything else is left to nbgrader, which grades many slightly malformed notebooks.
    """
    if not notebook.is_file():
        others = sorted(p.name for p in notebook.parent.glob("*.ipynb"))
        found = f" (it holds {', '.join(others)})" if others else ""
        return f"no {notebook.name} in the submission{found}"
    size = notebook.stat().st_size
    if size > MAX_NOTEBOOK_BYTES:
        limit = MAX_NOTEBOOK_BYTES // 2**20
        return f"{notebook.name} is {size / 2**20:.0f} MB, over the {limit} MB limit"
    try:
        json.loads(notebook.read_text(encoding="utf-8"))
    except OSError as error:
        return f"{notebook.name} cannot be read ({error.strerror or error})"
    except UnicodeDecodeError as error:
        return f"{notebook.name} is not UTF-8 text ({error.reason} at byte {error.start})"
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        return f"{notebook.name} is not valid JSON ({error.msg}; {where})"
    return None


def failure_reason(notebook: Path, error: pipeline.NbgraderStepError) -> str:
    """Explain why nbgrader could not grade a parseable notebook, in one line.

    A notebook that breaks the notebook format is the usual cause, and nbformat's validator
    names the broken part more plainly than nbgrader's log does.
    """
    try:
        nbformat.validate(nbformat.read(str(notebook), as_version=4))
    except Exception as invalid:  # nbformat raises several types for a malformed notebook
        lines = str(invalid).strip().splitlines()
        return f"{notebook.name} is not a valid notebook ({lines[0] if lines else invalid!r})"
    return str(error)


def _shown(source: str) -> list[str]:
    """Return the non-blank lines of a cell that students see (hidden tests left out)."""
    return [
        line.rstrip()
        for region, line in line_regions(source)
        if region == "visible" and line.strip()
    ]


def tamper_notes(api: NbGraderAPI, module: str, notebook: Path) -> list[str]:
    """Say which locked or test cells a submission changed, deleted or duplicated.

    nbgrader restores a changed locked cell from the gradebook's copy before it runs anything,
    and a duplicated grade id cannot score twice; the notes tell the instructor it happened.
    """
    submitted = nbformat.read(str(notebook), as_version=4)
    with Gradebook(api.coursedir.db_url, api.coursedir.course_id) as gradebook:
        cells = gradebook.find_notebook(module, module).source_cells
        locked = {cell.name: cell.source for cell in cells if cell.locked}
    found: dict[str, list[str]] = {}
    for cell in submitted.cells:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if grade_id in locked:
            found.setdefault(grade_id, []).append(cell.source)
    if locked and not found:
        return [f"{notebook.name} holds none of {module}'s cells (another module's notebook?)"]
    notes = []
    for name, source in locked.items():
        copies = found.get(name, [])
        if not copies:
            notes.append(f"{name} deleted")
        elif len(copies) > 1:
            notes.append(f"{name} duplicated")
        elif _shown(copies[0]) != _shown(source):
            notes.append(f"{name} edited (restored before grading)")
    return [f"tampering: {', '.join(notes)}"] if notes else []


def grade_submission(api: NbGraderAPI, root: Path, student: str, module: str) -> Outcome:
    """Grade one submission with nbgrader; a submission that cannot be graded scores zero."""
    notebook = student_file(root, "submitted", student, module)
    # a regrade that fails must not leave the previous grade's feedback page behind
    shutil.rmtree(student_file(root, "feedback", student, module).parent, ignore_errors=True)
    problem = unreadable_reason(notebook)
    notes: list[str] = []
    if problem is None:
        try:
            notes += tamper_notes(api, module, notebook)
        except Exception as error:  # noqa: BLE001 - nbgrader itself will say what is wrong
            notes.append(f"cells not compared ({type(error).__name__})")
        GRADING_NOTES.pop((student, module), None)
        try:
            pipeline.autograde(api, module, student)
        except pipeline.NbgraderStepError as error:
            problem = failure_reason(notebook, error)
        notes += GRADING_NOTES.pop((student, module), [])
    if problem is not None:
        pipeline.record_zero(api, module, student)
    else:
        try:
            pipeline.generate_feedback(api, module, student)
        except pipeline.NbgraderStepError as error:  # the grade stands; only the page is missing
            problem = f"graded, but no feedback page: {error}"
    if notes:
        problem = "; ".join(([problem] if problem else []) + notes)
    score = pipeline.read_score(api, module, student)
    if score is None:  # autograde or record_zero always leaves one; this would be an nbgrader bug
        raise RuntimeError(f"the gradebook has no submission of {module} by {student}")
    return Outcome(
        student=student,
        module=module,
        score=score.code_score,
        max_score=score.max_code_score,
        written_score=score.written_score,
        written_max=score.max_written_score,
        written_pending=score.needs_manual_grade,
        problem=problem,
    )


def grade_course(
    root: Path,
    db_url: str | None = None,
    modules: list[str] | None = None,
    progress: Callable[[str], None] = lambda _line: None,
    limits: Mapping[str, object] | None = None,
) -> list[Outcome]:
    """Grade every submission in ``root/submitted``, then export all grades to grades.csv.

    Args:
        root: the nbgrader course folder.
        db_url: the gradebook's SQLAlchemy URL; the course's SQLite file when omitted.
        modules: the modules to grade; every module in ``root/source`` when omitted.
        progress: called with one line per graded submission.
        limits: overrides of the grading limits (course.settings.SANDBOX_LIMITS, cell_timeout).
    """
    api = pipeline.nbgrader_api(root, db_url, limits)
    modules = modules or module_ids(root)
    for module in modules:
        if not pipeline.is_released(api, module):
            pipeline.record_assignment(api, module)
    outcomes = []
    for student, module in find_submissions(root, modules):
        # a fresh IPython folder per submission: nothing one student's kernel leaves there
        # (start-up scripts, history) reaches the next student's
        with pipeline.private_kernel_profile():
            outcome = grade_submission(api, root, student, module)
        progress(f"graded {student} {module}: {outcome.score:g}/{outcome.max_score:g}")
        outcomes.append(outcome)
    pipeline.export_grades(api, root / "grades.csv")
    return outcomes


def format_table(outcomes: list[Outcome]) -> str:
    """Return the outcomes as a plain-text table, one row per student and module."""
    header = ("student", "module", "autograded", "written", "note")
    rows = [header]
    for outcome in outcomes:
        if outcome.written_max == 0:
            written = "-"
        elif outcome.written_pending:
            written = f"to grade /{outcome.written_max:g}"
        else:
            written = f"{outcome.written_score:g}/{outcome.written_max:g}"
        rows.append(
            (
                outcome.student,
                outcome.module,
                f"{outcome.score:g}/{outcome.max_score:g}",
                written,
                outcome.problem or "",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header) - 1)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=True))
        + "  "
        + row[-1]
        for row in rows
    ]
    return "\n".join(line.rstrip() for line in lines)
