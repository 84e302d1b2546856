"""The ``demo`` verb: a sample class, graded end to end in a scratch course."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from course.grading import Outcome, grade_course
from course.layout import REPO_ROOT, module_ids
from course.scratch import SAMPLE_STUDENTS, make_scratch_course, submit_samples


def run_demo(
    dest: Path,
    modules: list[str] | None = None,
    root: Path = REPO_ROOT,
    progress: Callable[[str], None] = lambda _line: None,
) -> list[Outcome]:
    """Build a scratch course in ``dest`` with the sample students, grade it, return the results.

    Args:
        dest: an empty folder for the scratch course.
        modules: the modules to include; every module of ``root`` when omitted.
        root: the course whose modules are copied.
        progress: called with one line per step.
    """
    modules = modules or module_ids(root)
    make_scratch_course(dest, modules, root)
    progress(f"released {len(modules)} module(s) in {dest}")
    submit_samples(dest, modules, SAMPLE_STUDENTS)
    return grade_course(dest, modules=modules, progress=progress)
