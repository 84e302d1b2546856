"""The ``demo`` verb: a sample class, graded end to end in a scratch course."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from course.grading import Outcome, grade_course, write_feedback
from course.intake import IntakeReport, intake_zip
from course.layout import REPO_ROOT, module_ids
from course.report import build_report, write_report
from course.scratch import SAMPLE_STUDENTS, make_scratch_course, sample_notebooks

#: The due date of the demo's first module (UTC); the other modules have none.
DEMO_DUE = datetime(2026, 1, 12, 12, 0)
#: The sample student who hands the first module in late: 5 hours, one started day.
LATE_STUDENT, LATE_BY = "cleo-partial", timedelta(hours=5)


#: What each sample student must score in every module, as a rule and in words.
EXPECTED: dict[str, tuple[str, Callable[[Outcome], bool]]] = {
    "ada-full": ("full marks", lambda o: o.graded and o.max_score > 0 and o.score == o.max_score),
    "ben-untouched": ("zero", lambda o: o.graded and o.score == 0),
    "cleo-partial": ("a partial score", lambda o: o.graded and 0 < o.score < o.max_score),
    "dev-broken-json": ("no grade, with a reason", lambda o: not o.graded and bool(o.problem)),
}


def unexpected(outcomes: list[Outcome], modules: list[str]) -> list[str]:
    """Return a line for each sample student's module that did not score as :data:`EXPECTED`."""
    found = {(o.student, o.module): o for o in outcomes}
    lines = []
    for student, (wanted, holds) in EXPECTED.items():
        for module in modules:
            outcome = found.get((student, module))
            if outcome is None:
                lines.append(f"{student} {module}: expected {wanted}, but it was not graded")
            elif not holds(outcome):
                got = f"{outcome.score:g}/{outcome.max_score:g}"
                why = f" ({outcome.problem})" if outcome.problem else ""
                lines.append(f"{student} {module}: expected {wanted}, got {got}{why}")
    return lines


def write_demo_download(dest: Path, modules: list[str]) -> Path:
    """Write the sample class's notebooks as a Blackboard bulk download; return the zip's path.

    Blackboard names each file ``<assignment>_<username>_attempt_<time>_<file name>``. Every
    sample student hands each module in 2 hours before :data:`DEMO_DUE`, except
    :data:`LATE_STUDENT`, whose first module comes :data:`LATE_BY` after it.
    """
    archive = dest / "blackboard-download.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as download:
        for student, module, text in sample_notebooks(dest, modules, SAMPLE_STUDENTS):
            late = student == LATE_STUDENT and module == modules[0]
            when = DEMO_DUE + LATE_BY if late else DEMO_DUE - timedelta(hours=2)
            stamp = f"{when:%Y-%m-%d-%H-%M-%S}"
            download.writestr(f"{module}_{student}_attempt_{stamp}_{module}.ipynb", text)
    return archive


def write_demo_config(dest: Path, module: str) -> None:
    """Write the scratch course's nbgrader_config.py: the course's settings, one due date.

    With it, nbgrader's own apps and formgrader (``jupyter lab`` in a ``demo --keep`` folder)
    grade and give feedback as ``python -m course`` does, hidden tests kept out of feedback.
    """
    (dest / "nbgrader_config.py").write_text(
        '"""The demo course: the course\'s settings, and a due date for one module."""\n\n'
        "from pathlib import Path\n\n"
        "from course.settings import nbgrader_config\n\n"
        "c = get_config()  # noqa: F821\n"
        "c.merge(nbgrader_config(Path(__file__).resolve().parent))\n"
        f'c.Deadlines.due = {{"{module}": "{DEMO_DUE:%Y-%m-%d %H:%M:%S} UTC"}}\n',
        encoding="utf-8",
    )


def run_demo(
    dest: Path,
    modules: list[str] | None = None,
    root: Path = REPO_ROOT,
    jobs: int = 1,
    show_progress: bool | None = False,
    on_intake: Callable[[IntakeReport], None] | None = None,
) -> list[Outcome]:
    """Build a scratch course in ``dest`` with the sample students, grade it, return the results.

    The sample submissions come in as an LMS would hand them over, through the course's intake
    of a bulk download (:func:`write_demo_download`), and the first module has a due date that
    one student misses (nbgrader records that student's late penalty beside the raw score).

    Feedback pages and the class report (report.html) are written too, as an instructor would.

    Args:
        dest: an empty folder for the scratch course.
        modules: the modules to include; every module of ``root`` when omitted.
        root: the course whose modules are copied.
        jobs: how many submissions to grade at once.
        show_progress: show a progress bar (None: when in a terminal).
        on_intake: called with the intake's report before grading.
    """
    modules = modules or module_ids(root)
    make_scratch_course(dest, modules, root)
    write_demo_config(dest, modules[0])
    report = intake_zip(dest, write_demo_download(dest, modules), lms="blackboard")
    if on_intake is not None:
        on_intake(report)
    outcomes = grade_course(dest, modules=modules, jobs=jobs, show_progress=show_progress)
    write_feedback(dest, modules=modules)
    write_report(build_report(dest, modules), dest / "report.html")
    return outcomes
