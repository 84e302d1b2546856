"""The one place where the course's nbgrader settings are made.

``nbgrader_config.py`` at the repository root merges :func:`nbgrader_config` for the command-line
apps, and the ``course`` CLI passes the same object to nbgrader's Python API, so a scratch course
(the demo, the checks, the tests) is graded exactly like the real one.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from traitlets.config import Config

COURSE_ID = "seven-practices"

#: Seconds one cell may run while nbgrader executes a submission before it is interrupted.
CELL_TIMEOUT_SECONDS = 60

#: Limits on each graded notebook, as SandboxedExecute traits (see course/isolation.py).
SANDBOX_LIMITS = {
    "wall_seconds": 600,  # the whole notebook
    "memory_mb": 2048,  # address space of each process
    "max_processes": 256,  # processes and threads at once (needs a pids cgroup)
    "max_output_bytes": 1_000_000,  # output kept per cell
    "max_file_mb": 100,  # the largest file a submission may write
    "allow_network": False,
    "require_sandbox": None,  # None: refuse to grade without bubblewrap only when running as root
}

#: A submitted notebook larger than this is not opened: it scores zero with a reason.
MAX_NOTEBOOK_BYTES = 20 * 1024 * 1024
#: Nor one holding more JSON values than this: 13 MB of empty objects in a cell's metadata
#: took over 2 GiB to load (past the runner's memory cap) and 9 GB in nbgrader. The course's
#: largest notebook, executed with its outputs, holds a few thousand.
MAX_NOTEBOOK_VALUES = 500_000


def gradebook_url(root: Path) -> str:
    """Return the SQLAlchemy URL of the SQLite gradebook kept in a course folder."""
    return f"sqlite:///{(root / 'gradebook.db').resolve()}"


def nbgrader_config(
    root: Path, db_url: str | None = None, limits: Mapping[str, object] | None = None
) -> Config:
    """Return the nbgrader configuration of the course folder ``root``.

    Args:
        root: the nbgrader course directory (holds source/, release/, submitted/ ...).
        db_url: a SQLAlchemy URL for the gradebook; a SQLite file in ``root`` when omitted.
        limits: overrides of :data:`SANDBOX_LIMITS`, and ``cell_timeout`` for
            ``Execute.timeout``.
    """
    config = Config()
    config.CourseDirectory.course_id = COURSE_ID
    config.CourseDirectory.root = str(root.resolve())
    config.CourseDirectory.db_url = db_url or gradebook_url(root)
    # Only the notebook and its data travel to students; caches never do.
    config.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback"]
    config.Execute.timeout = CELL_TIMEOUT_SECONDS
    config.Execute.interrupt_on_timeout = True
    # nbgrader's pipeline, with execution moved into a sandbox with limits (course/isolation.py)
    config.Autograde.autograde_preprocessors = [
        "course.isolation.SandboxedExecute",
        "nbgrader.preprocessors.IgnorePattern",
        "nbconvert.preprocessors.ClearMetadataPreprocessor",
        "nbgrader.preprocessors.LimitOutput",
        "nbgrader.preprocessors.SaveAutoGrades",
        "nbgrader.preprocessors.AssignLatePenalties",
        "nbgrader.preprocessors.CheckCellMetadata",
    ]
    # Late work loses points by the course's policy (course/deadlines.py; c.LatePenalty.*)
    config.AssignLatePenalties.plugin_class = "course.deadlines.LatePenalty"
    # Feedback shows each test cell as students saw it and a failed check in one line: never
    # the hidden tests that nbgrader's own feedback shows (course/feedback.py).
    config.GenerateFeedback.preprocessors = [
        "nbgrader.preprocessors.GetGrades",
        "course.feedback.HideHiddenTests",
        "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
    ]
    # `nbgrader export` writes the course's CSV: a row per student, a column per module
    config.ExportApp.plugin_class = "course.export.ModuleColumnsExport"
    config.merge(limit_config({**SANDBOX_LIMITS, **(limits or {})}))
    # Long outputs and tracebacks are cut so that one noisy submission cannot bloat the feedback.
    config.LimitOutput.max_lines = 500
    config.LimitOutput.max_traceback = 50
    return config


def limit_config(limits: Mapping[str, object]) -> Config:
    """Return the configuration that sets the given grading limits and nothing else.

    Args:
        limits: names of :data:`SANDBOX_LIMITS` and ``cell_timeout`` (``Execute.timeout``).

    Raises:
        ValueError: for a name that is not a grading limit.
    """
    config = Config()
    for name, value in limits.items():
        if name == "cell_timeout":
            config.Execute.timeout = value
        elif name in SANDBOX_LIMITS:
            setattr(config.SandboxedExecute, name, value)
        else:
            raise ValueError(f"unknown grading limit {name!r}")
    return config
