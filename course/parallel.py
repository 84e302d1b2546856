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

import itertools
import multiprocessing
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from nbgrader.api import Base, Gradebook
from sqlalchemy import Column, Connection, Engine, MetaData, String, Table, create_engine, select
from sqlalchemy.engine import URL
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from course.isolation import GraderError
from course.settings import SANDBOX_LIMITS
from course.startup import quiet_nbgrader_warnings

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
    """Return how many submissions to grade at once here: one per core, as memory allows.

    A graded notebook may use up to twice the memory cap (its processes, and its files in
    memory), so no more run at once than the available memory holds.
    """
    if hasattr(os, "sched_getaffinity"):
        jobs = len(os.sched_getaffinity(0))
    else:
        jobs = os.cpu_count() or 1
    per_job = 2 * int(SANDBOX_LIMITS["memory_mb"]) * 2**20
    available = _available_memory()
    if available is not None:
        jobs = min(jobs, available // per_job)
    return max(1, jobs)


def _available_memory() -> int | None:
    """Bytes of memory available to new processes (Linux), or None where unknown."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


#: nbgrader's schema version stamp, kept by alembic beside nbgrader's tables.
_ALEMBIC = Table("alembic_version", MetaData(), Column("version_num", String(32), nullable=False))


def sqlite_url(path: Path) -> URL:
    """Return the SQLAlchemy URL of a SQLite file, whatever characters its path holds."""
    return URL.create("sqlite", database=str(path))


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


#: The columns that nbgrader's autograde writes into rows that exist already; a merge updates
#: only these, so that what a grader changes meanwhile (in formgrader, say) is kept.
AUTOGRADED_COLUMNS = {
    "student": (),
    "submitted_assignment": ("timestamp",),
    "submitted_notebook": ("late_submission_penalty",),
    "grade": ("auto_score", "needs_manual_grade"),
    "comment": ("auto_comment",),
}


def upsert(
    connection: Connection, rows: Mapping[str, list[dict]], columns: Mapping[str, Sequence[str]]
) -> None:
    """Write ``rows`` (by table, parents first) into a database.

    A row whose id is new is inserted whole; an existing one gets the values of ``columns``
    (by table) only.
    """
    for name, table_rows in rows.items():
        table = _table(name)
        for row in table_rows:
            chosen = {column: row[column] for column in columns[name]}
            exists = connection.execute(select(table.c.id).where(table.c.id == row["id"]))
            if exists.first() is None:
                connection.execute(table.insert().values(**row))
            elif chosen:
                connection.execute(table.update().where(table.c.id == row["id"]).values(**chosen))


_PREFIX = "course-gradebooks-"


def _remove_orphans(folder: Path) -> None:
    """Remove the scratch folders of grading runs that were killed (their process is gone)."""
    for orphan in folder.glob(f"{_PREFIX}*-*"):
        pid = orphan.name.removeprefix(_PREFIX).split("-", 1)[0]
        if not pid.isdigit() or Path(f"/proc/{pid}").exists() or not Path("/proc/self").exists():
            continue
        shutil.rmtree(orphan, ignore_errors=True)


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
        _remove_orphans(Path(where or tempfile.gettempdir()))
        self.folder = Path(tempfile.mkdtemp(prefix=f"{_PREFIX}{os.getpid()}-", dir=where))
        self.empty = self.folder / "empty.db"
        self._numbers = itertools.count()
        empty = create_engine(sqlite_url(self.empty))
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
            try:
                Gradebook(str(sqlite_url(self.empty)), course_id).close()
            except BaseException:
                self.remove()
                raise
        finally:
            empty.dispose()

    def seed(self, module: str, student: str) -> Path:
        """Make a scratch gradebook holding what autograde reads of the class gradebook."""
        path = self.folder / f"{next(self._numbers)}.db"  # not the student's name: any text
        shutil.copyfile(self.empty, path)
        with self.main.connect() as source:
            rows = {**module_rows(source, module), **submission_rows(source, module, student)}
        scratch = create_engine(sqlite_url(path))
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


def merge_submission(scratch_url: str | URL, main: Engine, module: str, student: str) -> None:
    """Copy one autograded submission from its scratch gradebook into the class gradebook.

    The student's row is made first, on its own: graders on other machines may be making it at
    the same moment (a shared PostgreSQL gradebook), and the one that loses that race goes on.
    The submission then goes in one transaction: all of it or none of it.
    """
    scratch = create_engine(scratch_url)
    try:
        with scratch.connect() as source:
            rows = submission_rows(source, module, student)
    finally:
        scratch.dispose()
    try:
        with main.begin() as connection:
            upsert(connection, {"student": rows.pop("student")}, AUTOGRADED_COLUMNS)
    except IntegrityError:  # made meanwhile by another grader
        pass
    with main.begin() as connection:
        upsert(connection, rows, AUTOGRADED_COLUMNS)


@dataclass(frozen=True)
class Task:
    """One submission to autograde, and where its scratch gradebook is."""

    root: Path
    student: str
    module: str
    scratch: Path
    limits: Mapping[str, object] | None

    error: str | None = None  # why the task could not even be prepared

    @property
    def scratch_url(self) -> str:
        """The SQLAlchemy URL of the task's scratch gradebook."""
        return str(sqlite_url(self.scratch))


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
    quiet_nbgrader_warnings()


def _ready() -> None:
    """Nothing: a first task that makes a pool start its workers."""


@contextmanager
def workers(jobs: int) -> Iterator[ProcessPoolExecutor]:
    """Yield a pool of ``jobs`` worker processes, started before this returns.

    A process with one thread forks its workers, which then start at once with everything
    already imported; a process with threads spawns fresh ones, since a fork can copy a lock
    that another thread holds and hang. Make the pool before starting any thread.
    """
    method = "fork" if threading.active_count() == 1 and os.name == "posix" else "spawn"
    context = multiprocessing.get_context(method)
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_quiet_worker)
    try:
        pool.submit(_ready).result()
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def run_tasks(
    tasks: Sequence[tuple[str, str]],
    jobs: int,
    prepare: Callable[[str, str], Task],
    finish: Callable[[Task, TaskResult], None],
    work: Callable[[Task], TaskResult] = autograde_task,
    pool: ProcessPoolExecutor | None = None,
) -> None:
    """Autograde every (student, module) of ``tasks``, ``jobs`` at a time.

    Args:
        tasks: the submissions to grade.
        jobs: how many at once; 1 grades in this process, without workers.
        prepare: called (in this process) shortly before a submission is handed out;
            returns its task with a seeded scratch gradebook, or with an ``error``.
        finish: called (in this process, one call at a time) with each task and its result.
            A task that raised, or whose worker died, finishes with ``finished=False`` and
            the reason; one that raised :class:`GraderError` (the grader failed, not the
            submission) is not finished, and stops the run with that error once the tasks
            already running are finished (no more are handed out).
        work: what a worker does with a task (a module-level function, for spawned workers
            to import).
        pool: workers made already (see :func:`workers`); made here when None.
    """
    waiting = list(tasks)
    if jobs <= 1:
        for student, module in waiting:
            task = prepare(student, module)
            finish(task, _failed_before(task) or _guarded(work, task))
        return
    while waiting:
        if pool is None:
            with workers(jobs) as fresh:
                suspects = _run_in_pool(fresh, waiting, jobs, prepare, finish, work)
        else:
            suspects = _run_in_pool(pool, waiting, jobs, prepare, finish, work)
        pool = None  # a broken pool is not used again
        for student, module in suspects:  # one at a time: a task that kills a worker fails alone
            task = prepare(student, module)  # seeded again: the dead worker may have half-written
            with workers(1) as single:
                finish(task, _failed_before(task) or _result(single.submit(work, task)))


def _run_in_pool(
    pool: ProcessPoolExecutor,
    waiting: list[tuple[str, str]],
    jobs: int,
    prepare: Callable[[str, str], Task],
    finish: Callable[[Task, TaskResult], None],
    work: Callable[[Task], TaskResult],
) -> list[tuple[str, str]]:
    """Grade from ``waiting`` (emptied as tasks are handed out) until done or the pool breaks.

    Returns:
        the tasks that were in the pool when it broke: any of them may have broken it.
    """
    running: dict[Future, Task] = {}
    suspects: list[tuple[str, str]] = []
    stopped: GraderError | None = None
    while (waiting or running) and not suspects:
        if stopped is not None:  # hand out no more; record what is running, then stop
            waiting.clear()
            for future in [f for f in running if f.cancel()]:  # queued, not started
                del running[future]
        # one task queued behind each running one: a worker never waits for this process
        while waiting and len(running) < 2 * jobs:
            task = prepare(*waiting.pop(0))
            failed = _failed_before(task)
            if failed:
                finish(task, failed)
            else:
                running[pool.submit(work, task)] = task
        if not running:
            continue
        done, _ = wait(running, return_when=FIRST_COMPLETED)
        for future in done:
            task = running.pop(future)
            if isinstance(future.exception(), BrokenProcessPool):
                suspects.append((task.student, task.module))
                continue
            try:
                finish(task, _result(future))
            except GraderError as error:
                stopped = stopped or error
    if stopped is not None:
        raise stopped
    return suspects + [(task.student, task.module) for task in running.values()]


def _failed_before(task: Task) -> TaskResult | None:
    """The result of a task that could not be prepared, or None."""
    return None if task.error is None else TaskResult(False, task.error, finished=False)


def _result(future: Future) -> TaskResult:
    error = future.exception()
    if isinstance(error, GraderError):  # the grader, not the submission: stop, record nothing
        raise error
    return future.result() if error is None else _failure(error)


def _guarded(function: Callable[[Task], TaskResult], task: Task) -> TaskResult:
    try:
        return function(task)
    except GraderError:
        raise
    except Exception as error:  # noqa: BLE001 - one submission's failure must not stop the class
        return _failure(error)


def _failure(error: BaseException) -> TaskResult:
    """The result of a task that raised ``error`` instead of finishing."""
    if isinstance(error, BrokenProcessPool):
        return TaskResult(False, "not graded: the grading worker process died", finished=False)
    reason = f"not graded: the grader failed ({type(error).__name__}: {error})"
    return TaskResult(False, reason, finished=False)
