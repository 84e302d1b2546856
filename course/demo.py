"""The ``demo`` verb: a sample class, graded end to end in a scratch course."""

from __future__ import annotations

from pathlib import Path

from course.grading import Outcome, grade_course, write_feedback
from course.layout import REPO_ROOT, module_ids
from course.scratch import SAMPLE_STUDENTS, make_scratch_course, submit_samples


def run_demo(
    dest: Path,
    modules: list[str] | None = None,
    root: Path = REPO_ROOT,
    jobs: int = 1,
    show_progress: bool | None = False,
) -> list[Outcome]:
    """Build a scratch course in ``dest`` with the sample students, grade it, return the results.

    Feedback pages are written too, as an instructor would after grading.

    Args:
        dest: an empty folder for the scratch course.
        modules: the modules to include; every module of ``root`` when omitted.
        root: the course whose modules are copied.
        jobs: how many submissions to grade at once.
        show_progress: show a progress bar (None: when in a terminal).
    """
    modules = modules or module_ids(root)
    make_scratch_course(dest, modules, root)
    submit_samples(dest, modules, SAMPLE_STUDENTS)
    outcomes = grade_course(dest, modules=modules, jobs=jobs, show_progress=show_progress)
    write_feedback(dest, modules=modules)
    return outcomes
