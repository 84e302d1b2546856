"""Grade many submissions at once: workers autograde into scratch gradebooks, one writer merges.

nbgrader's autograde reads the gradebook before it runs a notebook (the module's cells, the
student's earlier grades) and writes to it afterwards, and a SQLite gradebook takes one writer at
a time. So each submission is autograded by nbgrader itself, in a worker process, into a scratch
SQLite gradebook of its own. That scratch gradebook is seeded with everything autograde reads:

- the module's rows (its notebooks, grade, solution, task and source cells), and
- the student's earlier submission of the module, with any manual grades in it.

The parent process is the only writer of the class gradebook. When a worker is done, the parent
copies that submission's rows back in one transaction: the student, the submitted assignment and
notebooks, the grades and the comments. The class gradebook thus ends up with the rows that
serial nbgrader would have written. It may be any database that SQLAlchemy and nbgrader support,
such as SQLite or PostgreSQL.

Running the notebooks is the slow part, and it runs ``jobs`` at a time. Each run is sandboxed
exactly as in a serial run (course/isolation.py). Submissions are independent: an error in one
task, or a worker process that dies, costs only that submission. The submission scores zero,
with the reason, and the other tasks go on.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
import threading
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from nbgrader.api import Base, Gradebook
from sqlalchemy import Column, Connection, Engine, MetaData, String, Table, create_engine, select
from sqlalchemy.exc import SQLAlchemyError

#: Tables holding a module as released, copied into every scratch gradebook (parents first).
MODULE_TABLES = (
    "assignment",
    "notebook",
    "base_cell",
    "grade_cells",
    "solution_cells",
    "task_cells",
    "source_cell",
)
#: Tables holding one student's submission of a module, copied both ways (parents first).
SUBMISSION_TABLES = ("student", "submitted_assignment", "submitted_notebook", "grade", "comment")


def default_jobs() -> int:
    """Return the number of processor cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


#: nbgrader's schema version stamp, kept by alembic beside nbgrader's tables.
_ALEMBIC = Table("alembic_version", MetaData(), Column("version_num", String(32), nullable=False))


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _rows(connection: Connection, table: str, column: str, values: Sequence[str]) -> list[dict]:
    """Return the rows of ``table`` whose ``column`` is one of ``values``, as dicts."""
    if not values:
        return []
    chosen = _table(table)
    query = select(chosen).where(chosen.c[column].in_(list(values)))
    return [dict(row._mapping) for row in connection.execute(query)]


def module_rows(connection: Connection, module: str) -> dict[str, list[dict]]:
    """Return every row of :data:`MODULE_TABLES` that belongs to ``module``, by table."""
    rows = {"assignment": _rows(connection, "assignment", "name", [module])}
    rows["notebook"] = _rows(
        connection, "notebook", "assignment_id", [r["id"] for r in rows["assignment"]]
    )
    notebooks = [r["id"] for r in rows["notebook"]]
    rows["base_cell"] = _rows(connection, "base_cell", "notebook_id", notebooks)
    cells = [r["id"] for r in rows["base_cell"]]
    for table in ("grade_cells", "solution_cells", "task_cells"):
        rows[table] = _rows(connection, table, "id", cells)
    rows["source_cell"] = _rows(connection, "source_cell", "notebook_id", notebooks)
    return rows


def submission_rows(connection: Connection, module: str, student: str) -> dict[str, list[dict]]:
    """Return every row of :data:`SUBMISSION_TABLES` of one student's submission, by table."""
    rows = {"student": _rows(connection, "student", "id", [student])}
    assignments = [r["id"] for r in _rows(connection, "assignment", "name", [module])]
    rows["submitted_assignment"] = [
        row
        for row in _rows(connection, "submitted_assignment", "assignment_id", assignments)
        if row["student_id"] == student
    ]
    ids = [r["id"] for r in rows["submitted_assignment"]]
    rows["submitted_notebook"] = _rows(connection, "submitted_notebook", "assignment_id", ids)
    notebooks = [r["id"] for r in rows["submitted_notebook"]]
    rows["grade"] = _rows(connection, "grade", "notebook_id", notebooks)
    rows["comment"] = _rows(connection, "comment", "notebook_id", notebooks)
    return rows


def upsert(connection: Connection, rows: Mapping[str, list[dict]]) -> None:
    """Write ``rows`` (by table, parents first) into a database, replacing rows of the same id."""
    for name, table_rows in rows.items():
        table = _table(name)
        for row in table_rows:
            updated = connection.execute(
                table.update().where(table.c.id == row["id"]).values(**row)
            )
            if updated.rowcount == 0:
                connection.execute(table.insert().values(**row))


class ScratchGradebooks:
    """The scratch gradebooks of one grading run, in a private folder removed at the end."""

    def __init__(self, main: Engine, course_id: str) -> None:
        """Make the folder and an empty gradebook to copy: nbgrader's schema, the course row.

        nbgrader's Gradebook stamps a new database with its schema version by running the
        ``alembic`` command, seconds of start-up; the class gradebook's stamp is copied instead.
        """
        self.main = main
        # in memory where the machine has a tmpfs: nbgrader commits each grade, and a scratch
        # gradebook needs no disk flushes
        memory = Path("/dev/shm")
        where = memory if memory.is_dir() and os.access(memory, os.W_OK) else None
        self.folder = Path(tempfile.mkdtemp(prefix="course-gradebooks-", dir=where))
        self.empty = self.folder / "empty.db"
        empty = create_engine(f"sqlite:///{self.empty}")
        try:
            Base.metadata.create_all(empty)
            _ALEMBIC.metadata.create_all(empty)
            with main.connect() as source, empty.begin() as dest:
                for table in (_ALEMBIC, _table("course")):
                    rows = [dict(row._mapping) for row in source.execute(select(table))]
                    if not rows:
                        raise SQLAlchemyError(f"the class gradebook has no {table.name} row")
                    dest.execute(table.insert(), rows)
        except SQLAlchemyError:  # a class gradebook made otherwise: let nbgrader make one
            self.empty.unlink(missing_ok=True)
            Gradebook(f"sqlite:///{self.empty}", course_id).close()
        finally:
            empty.dispose()

    def seed(self, module: str, student: str) -> Path:
        """Make a scratch gradebook holding what autograde reads of the class gradebook."""
        path = self.folder / f"{student}--{module}.db"
        shutil.copyfile(self.empty, path)
        with self.main.connect() as source:
            rows = {**module_rows(source, module), **submission_rows(source, module, student)}
        scratch = create_engine(f"sqlite:///{path}")
        try:
            with scratch.begin() as connection:  # a new database: plain inserts, many at once
                for name, table_rows in rows.items():
                    if table_rows:
                        connection.execute(_table(name).insert(), table_rows)
        finally:
            scratch.dispose()
        return path

    def remove(self) -> None:
        """Delete every scratch gradebook of the run."""
        shutil.rmtree(self.folder, ignore_errors=True)


def merge_submission(scratch_url: str, main: Engine, module: str, student: str) -> None:
    """Copy one autograded submission from its scratch gradebook into the class gradebook."""
    scratch = create_engine(scratch_url)
    try:
        with scratch.connect() as source:
            rows = submission_rows(source, module, student)
    finally:
        scratch.dispose()
    with main.begin() as connection:  # one transaction: all of the submission or none of it
        upsert(connection, rows)


@dataclass(frozen=True)
class Task:
    """One submission to autograde, and where its scratch gradebook is."""

    root: Path
    student: str
    module: str
    scratch: Path
    limits: Mapping[str, object] | None

    @property
    def scratch_url(self) -> str:
        """The SQLAlchemy URL of the task's scratch gradebook."""
        return f"sqlite:///{self.scratch}"


@dataclass(frozen=True)
class TaskResult:
    """What a worker reports: whether nbgrader graded the submission, and any problem.

    ``finished`` is False when the task itself failed (an error in the grader, a worker that
    died): its scratch gradebook is then not to be trusted.
    """

    graded: bool
    problem: str | None
    finished: bool = True


def autograde_task(task: Task) -> TaskResult:
    """Autograde one submission into its scratch gradebook (runs in a worker process)."""
    from course import grading, pipeline

    api = pipeline.nbgrader_api(task.root, task.scratch_url, task.limits)
    with pipeline.private_kernel_profile():
        graded, problem = grading.autograde_submission(api, task.root, task.student, task.module)
    return TaskResult(graded, problem)


def _quiet_worker() -> None:
    """Silence, in a worker, the SQLAlchemy warnings that nbgrader's gradebook code trips."""
    warnings.filterwarnings("ignore", module=r"nbgrader\..*")
    warnings.filterwarnings("ignore", message=r".*not in session.*")


@contextmanager
def workers(jobs: int) -> Iterator[ProcessPoolExecutor | None]:
    """Yield a pool of ``jobs`` worker processes, or None when ``jobs`` is 1.

    Start it before any thread of this process (a progress bar's, say): a process with one
    thread forks its workers, which then start at once with everything already imported; a
    process with threads spawns fresh ones, since forking a thread's held lock could hang them.
    """
    if jobs <= 1:
        yield None
        return
    method = "fork" if threading.active_count() == 1 and os.name == "posix" else "spawn"
    context = multiprocessing.get_context(method)
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_quiet_worker)
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def run_tasks(
    tasks: Sequence[tuple[str, str]],
    pool: ProcessPoolExecutor | None,
    prepare: Callable[[str, str], Task],
    finish: Callable[[Task, TaskResult], None],
    work: Callable[[Task], TaskResult] = autograde_task,
    depth: int = 4,
) -> None:
    """Autograde every (student, module) of ``tasks`` with the workers of ``pool``.

    Args:
        tasks: the submissions to grade.
        pool: the worker processes (see :func:`workers`); None grades in this process.
        prepare: called (in this process) shortly before a submission is handed out;
            returns its task with a seeded scratch gradebook.
        finish: called (in this process, one call at a time) with each task and its result.
            A task that raised, or whose worker died, finishes with ``finished=False`` and
            the reason.
        work: what a worker does with a task (a module-level function, for spawned workers
            to import).
        depth: how many tasks to keep handed out; twice the workers keeps one queued behind
            each running task, so that no worker waits for this process.
    """
    if pool is None:
        for student, module in tasks:
            task = prepare(student, module)
            finish(task, _guarded(work, task))
        return
    waiting = list(tasks)
    broken: list[tuple[str, str]] = []
    running: dict[Future, Task] = {}
    while waiting or running:
        while waiting and len(running) < depth:
            task = prepare(*waiting.pop(0))
            running[pool.submit(work, task)] = task
        done, _ = wait(running, return_when=FIRST_COMPLETED)
        for future in done:
            task = running.pop(future)
            if isinstance(future.exception(), BrokenProcessPool):
                broken.append((task.student, task.module))
            else:
                finish(task, _result(future))
        if broken:  # the pool is unusable: what it still held is retried below
            broken += [(task.student, task.module) for task in running.values()] + waiting
            waiting, running = [], {}
    for student, module in broken:  # one at a time in a fresh worker: a killer task fails alone
        task = prepare(student, module)  # seeded again: the dead worker may have half-written
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(1, mp_context=context, initializer=_quiet_worker) as single:
            future = single.submit(work, task)
            wait([future])
            finish(task, _result(future))


def _result(future: Future) -> TaskResult:
    error = future.exception()
    return future.result() if error is None else _failure(error)


def _guarded(function: Callable[[Task], TaskResult], task: Task) -> TaskResult:
    try:
        return function(task)
    except Exception as error:  # noqa: BLE001 - one submission's failure must not stop the class
        return _failure(error)


def _failure(error: BaseException) -> TaskResult:
    """The result of a task that raised ``error`` instead of finishing."""
    if isinstance(error, BrokenProcessPool):
        return TaskResult(False, "not graded: the grading worker process died", finished=False)
    reason = f"not graded: the grader failed ({type(error).__name__}: {error})"
    return TaskResult(False, reason, finished=False)
