"""The ``grade`` verb: find submissions, autograde each, write feedback and export grades."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager, nullcontext, suppress
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook
from nbgrader.apps import NbGraderAPI
from sqlalchemy import Engine, create_engine
from tqdm import tqdm

from course import deadlines, parallel, pipeline
from course.isolation import GRADER_FAILURES, GRADING_NOTES, GraderError, SandboxedExecute, probe
from course.layout import module_ids, student_file
from course.notebooks import line_regions
from course.settings import MAX_NOTEBOOK_BYTES, MAX_NOTEBOOK_VALUES


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
    graded: bool = True  # False: nbgrader could not grade it, and it scored zero


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
    JSON, too large or too many JSON values to load within the grading limits); everything
    else is left to nbgrader, which grades many slightly malformed notebooks.
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
        parsed = json.loads(notebook.read_text(encoding="utf-8"))
    except OSError as error:
        return f"{notebook.name} cannot be read ({error.strerror or error})"
    except UnicodeDecodeError as error:
        return f"{notebook.name} is not UTF-8 text ({error.reason} at byte {error.start})"
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        return f"{notebook.name} is not valid JSON ({error.msg}; {where})"
    except (ValueError, RecursionError) as error:  # an integer of thousands of digits, say
        return f"{notebook.name} holds JSON that cannot be read ({type(error).__name__})"
    if json_values(parsed) > MAX_NOTEBOOK_VALUES:
        return (
            f"{notebook.name} holds over {MAX_NOTEBOOK_VALUES:,} JSON values, more than a "
            "notebook needs (each costs memory in every process that loads it)"
        )
    return None


def json_values(parsed: object) -> int:
    """Count the values (objects, arrays, strings, numbers...) in parsed JSON."""
    count, stack = 0, [parsed]
    while stack:
        value = stack.pop()
        count += 1
        if isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return count


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


def autograde_submission(
    api: NbGraderAPI, root: Path, student: str, module: str
) -> tuple[bool, str | None]:
    """Autograde one submission with nbgrader into the gradebook ``api`` names.

    A submission that cannot be graded scores zero on every cell. When the grader itself
    fails on it (see :class:`GraderError`), nothing is recorded and the error is raised.

    Returns:
        whether nbgrader graded it, and a one-line problem or note for the instructor (None
        when there is nothing to say).
    """
    with previous_results_set_aside(root, student, module):
        return _autograde(api, root, student, module)


@contextmanager
def previous_results_set_aside(root: Path, student: str, module: str) -> Iterator[None]:
    """Move a submission's earlier autograded notebook and feedback page aside while it grades.

    A regrade must not leave them behind; but a grader that fails on the submission (a
    :class:`GraderError`) puts them back, as the gradebook keeps the earlier grade too.
    """
    with tempfile.TemporaryDirectory(prefix="course-previous-") as aside:
        moved = []
        for folder in ("autograded", "feedback"):
            path = student_file(root, folder, student, module).parent
            if path.exists():
                shutil.move(path, Path(aside) / folder)
                moved.append((path, Path(aside) / folder))
        try:
            yield
        except GraderError:
            for folder in ("autograded", "feedback"):
                made = student_file(root, folder, student, module).parent
                shutil.rmtree(made, ignore_errors=True)
                with suppress(OSError):  # the student's folder, if nothing else is in it
                    made.parent.rmdir()
            for path, kept in moved:
                path.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(kept, path)
            raise


def _autograde(api: NbGraderAPI, root: Path, student: str, module: str) -> tuple[bool, str | None]:
    """Autograde one submission (see :func:`autograde_submission`)."""
    notebook = student_file(root, "submitted", student, module)
    problem = unreadable_reason(notebook)
    notes: list[str] = []
    if problem is None:
        try:
            notes += tamper_notes(api, module, notebook)
        except Exception as error:  # noqa: BLE001 - nbgrader itself will say what is wrong
            notes.append(f"cells not compared ({type(error).__name__})")
        GRADING_NOTES.pop((student, module), None)
        GRADER_FAILURES.pop((student, module), None)
        try:
            pipeline.autograde(api, module, student)
        except pipeline.NbgraderStepError as error:
            problem = failure_reason(notebook, error)
        notes += GRADING_NOTES.pop((student, module), [])
        failure = GRADER_FAILURES.pop((student, module), None)
        if failure is not None:  # not the student's doing: no grade, no zero, no feedback
            raise GraderError(f"grading {student}'s {module} failed in the grader: {failure}")
    graded = problem is None
    if not graded:
        pipeline.record_zero(api, module, student)
    if notes:
        problem = "; ".join(([problem] if problem else []) + notes)
    return graded, problem


def outcome_of(
    api: NbGraderAPI, student: str, module: str, graded: bool, problem: str | None
) -> Outcome:
    """Read a graded submission's scores from the gradebook ``api`` names."""
    score = pipeline.read_score(api, module, student)
    if score is None:  # autograde or record_zero always leaves one; this would be a bug
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
        graded=graded,
    )


def record(
    api: NbGraderAPI, main: Engine, task: parallel.Task, result: parallel.TaskResult
) -> Outcome:
    """Put a worker's result into the class gradebook and return the submission's outcome.

    A finished worker's scratch gradebook is merged; a task that failed scores zero, as does a
    submission that the class gradebook refuses (a student folder name over nbgrader's 128
    characters, in PostgreSQL, say). Nothing here stops the grading of the class.
    """
    student, module, problem = task.student, task.module, result.problem
    graded = result.graded and result.finished
    try:
        if result.finished:
            parallel.merge_submission(task.scratch_url, main, module, student)
        else:
            pipeline.record_zero(api, module, student)
    except Exception as error:  # noqa: BLE001 - this submission scores zero, the class goes on
        reason = f"not recorded in the gradebook: {pipeline.last_line(str(error))}"
        problem, graded = "; ".join(filter(None, [problem, reason])), False
        try:
            pipeline.record_zero(api, module, student)
        except Exception:  # noqa: BLE001 - the gradebook will not hold it at all
            return Outcome(student, module, 0, 0, 0, 0, False, problem, graded=False)
    return outcome_of(api, student, module, graded, problem)


def grade_course(
    root: Path,
    db_url: str | None = None,
    modules: list[str] | None = None,
    limits: Mapping[str, object] | None = None,
    jobs: int = 1,
    show_progress: bool | None = False,
) -> list[Outcome]:
    """Autograde every submission in ``root/submitted``, then export all grades to grades.csv.

    Submissions are graded ``jobs`` at a time, by nbgrader, in scratch gradebooks merged into
    the class gradebook by this process alone (see course/parallel.py). The modules' due dates
    (``c.Deadlines.due``) are recorded in the gradebook first, for nbgrader's late penalties.

    Args:
        root: the nbgrader course folder.
        db_url: the gradebook's SQLAlchemy URL; the course's SQLite file when omitted.
        modules: the modules to grade; every module in ``root/source`` when omitted.
        limits: overrides of the grading limits (course.settings.SANDBOX_LIMITS, cell_timeout).
        jobs: how many submissions to grade at once (see :func:`course.parallel.default_jobs`).
        show_progress: show a progress bar: True, False, or None for "when in a terminal".

    Returns:
        one outcome per submission, sorted by student and module.

    Raises:
        GraderError: when the grader cannot run notebooks here (:func:`probe_grader`), or
            failed on a submission for reasons of its own; that submission is not recorded.
    """
    api = pipeline.nbgrader_api(root, db_url, limits)
    modules = modules or module_ids(root)
    for module in modules:
        if not pipeline.is_released(api, module):
            pipeline.record_assignment(api, module)
    deadlines.record_due_dates(api, modules, module_ids(root))  # before autograde reads them
    submissions = find_submissions(root, modules)
    jobs = max(1, min(jobs, len(submissions)))
    probe_grader(api, sorted({module for _, module in submissions}), jobs)
    main = create_engine(api.coursedir.db_url)
    try:
        scratch = parallel.ScratchGradebooks(main, api.coursedir.course_id)
    except BaseException:
        main.dispose()
        raise
    try:
        # the workers first: they fork while this process has no other thread
        with parallel.workers(jobs) if jobs > 1 else nullcontext() as pool:
            outcomes = _grade_all(
                api, main, scratch, submissions, jobs, pool, limits, show_progress
            )
    except GraderError:  # grades.csv shows what the gradebook holds: not the failed ones
        pipeline.export_grades(api, root / "grades.csv")
        raise
    finally:  # after the workers have stopped
        scratch.remove()
        main.dispose()
    pipeline.export_grades(api, root / "grades.csv")
    return sorted(outcomes, key=lambda o: (o.student, o.module))


def probe_grader(api: NbGraderAPI, modules: list[str], jobs: int = 1) -> None:
    """Run each module's set-up cells as grading runs notebooks, before any submission.

    The set-up comes from the module's source notebook, the instructor's own, so it runs on a
    working grader; where it cannot (no sandbox, a runner or kernel that does not start, a
    package the sandbox lacks), grading stops before it records anything. ``jobs`` probes
    run at once.

    Raises:
        GraderError: naming the module and the grader's own error.
    """
    execute = SandboxedExecute(config=api.config)

    def probe_module(module: str) -> None:
        folder = Path(api.coursedir.format_path(api.coursedir.source_directory, ".", module))
        notebooks = sorted(folder.glob("*.ipynb"))
        nb = nbformat.read(str(notebooks[0]), as_version=4) if notebooks else None
        probe(execute, nb or nbformat.v4.new_notebook(), module)

    # each probe is a sandboxed process: threads wait for them (and are gone before workers fork)
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as threads:
        for done in [threads.submit(probe_module, module) for module in modules]:
            done.result()


class _Bar(tqdm):
    """tqdm's bar without its monitor thread (the grader forks its workers)."""

    monitor_interval = 0


def _grade_all(
    api: NbGraderAPI,
    main: Engine,
    scratch: parallel.ScratchGradebooks,
    submissions: list[tuple[str, str]],
    jobs: int,
    pool: ProcessPoolExecutor | None,
    limits: Mapping[str, object] | None,
    show_progress: bool | None,
) -> list[Outcome]:
    """Grade ``submissions`` into the class gradebook ``main``, showing a progress bar."""
    root = Path(api.coursedir.root)
    outcomes: list[Outcome] = []
    bar = _Bar(
        total=len(submissions),
        unit="submission",
        disable=None if show_progress is None else not show_progress,
        dynamic_ncols=True,
    )

    def prepare(student: str, module: str) -> parallel.Task:
        try:
            return parallel.Task(root, student, module, scratch.seed(module, student), limits)
        except Exception as error:  # noqa: BLE001 - this submission fails, the class goes on
            reason = f"not graded: its scratch gradebook failed ({type(error).__name__}: {error})"
            return parallel.Task(root, student, module, scratch.folder / "none", limits, reason)

    def finish(task: parallel.Task, result: parallel.TaskResult) -> None:
        outcomes.append(record(api, main, task, result))
        task.scratch.unlink(missing_ok=True)
        failed = sum(not o.graded for o in outcomes)
        left = len(submissions) - len(outcomes)
        bar.set_postfix(graded=len(outcomes) - failed, failed=failed, left=left, refresh=False)
        bar.update()

    with bar:
        parallel.run_tasks(submissions, jobs, prepare, finish, pool=pool)
    return outcomes


def write_feedback(
    root: Path, db_url: str | None = None, modules: list[str] | None = None
) -> tuple[int, list[str]]:
    """Write nbgrader's feedback page of every autograded submission into ``root/feedback``.

    Run it after grading, and again after manual grading: the pages show the gradebook's
    scores as they are at that moment.

    Returns:
        how many pages were written, and one line per submission whose page failed.
    """
    api = pipeline.nbgrader_api(root, db_url)
    pages, problems = 0, []
    for student, module in find_submissions(root, modules or module_ids(root)):
        if not student_file(root, "autograded", student, module).is_file():
            continue  # not graded (it scored zero with a reason): nothing to show
        try:
            pipeline.generate_feedback(api, module, student)
            pages += 1
        except pipeline.NbgraderStepError as error:
            problems.append(f"{student} {module}: {error}")
    return pages, problems


def summary(outcomes: list[Outcome], seconds: float, jobs: int) -> str:
    """Return one line that sums up a grading run."""
    failed = sum(not outcome.graded for outcome in outcomes)
    noted = sum(outcome.graded and outcome.problem is not None for outcome in outcomes)
    rate = seconds / len(outcomes) if outcomes else 0
    return (
        f"{len(outcomes)} submission(s) in {seconds:.0f} s with {jobs} job(s), "
        f"{rate:.1f} s each: {len(outcomes) - failed} graded ({noted} with a note), "
        f"{failed} could not be graded and scored 0"
    )


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
