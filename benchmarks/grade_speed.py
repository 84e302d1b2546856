"""How fast does ``course grade`` grade a class, compared with nbgrader and with nbclient?

``python benchmarks/grade_speed.py`` builds one class (8 students x 3 modules = 24 submissions
by default; a third of the students answer everything, a third half, the rest nothing) and, in
this one process, times:

1. nbgrader's own serial autograde (its Python API, one submission after another), with the
   course's configuration, so the same sandbox runs each notebook;
2. ``course grade --jobs N`` (:func:`course.grading.grade_course`) on a copy of the same class,
   whose gradebook must then hold exactly the scores of run 1;
3. ``course grade --jobs 1`` on a third copy;
4. nbclient alone, executing each notebook exactly as it was graded (hidden tests included, from
   run 1's autograded/ folder, outputs cleared), one after another, with a fresh kernel each
   time and the same kernel settings as grading.

A notebook is executed once, untimed, before all of this, so that no run pays for a cold disk
cache.

It prints the speed-up of 2 over 1 and the per-submission overhead of 3 over 4. It exits 1 if
the scores differ. The goals (a speed-up of at least 1.7 with 2 jobs, an overhead under 15%) are
reported, not asserted: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from course import pipeline
from course.grading import grade_course
from course.layout import student_file
from course.parallel import default_jobs
from course.scratch import (
    full_solution,
    make_scratch_course,
    partial_solution,
    submit_samples,
    untouched,
)
from course.settings import gradebook_url

MODULES = ["00-orientation", "04-code-review", "06-academia-vs-industry"]
KINDS = [full_solution, partial_solution, untouched]


def build_class(folder: Path, modules: list[str], students: int) -> list[tuple[str, str]]:
    """Release ``modules`` in ``folder`` and hand in one notebook per student and module."""
    make_scratch_course(folder, modules)
    roster = {f"student-{n:03d}": KINDS[n % len(KINDS)] for n in range(students)}
    submit_samples(folder, modules, roster)
    return [(student, module) for student in sorted(roster) for module in modules]


def timed(run: Callable[[], object]) -> float:
    """Return how many seconds ``run()`` took."""
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def nbgrader_serial(folder: Path, submissions: list[tuple[str, str]]) -> None:
    """Autograde with nbgrader, one submission after another, as ``nbgrader autograde`` does."""
    api = pipeline.nbgrader_api(folder)
    with pipeline.private_kernel_profile():
        for student, module in submissions:
            pipeline.autograde(api, module, student)


def nbclient_alone(notebooks: list[Path], workdir: Path) -> None:
    """Execute each notebook with nbclient: a fresh kernel each, outputs cleared first."""
    with pipeline.private_kernel_profile():
        for path in notebooks:
            nb = nbformat.read(str(path), as_version=4)
            for cell in nb.cells:
                if cell.cell_type == "code":
                    cell.outputs, cell.execution_count = [], None
            run = workdir / path.parent.name / path.parent.parent.name
            run.mkdir(parents=True)
            NotebookClient(
                nb,
                timeout=60,
                allow_errors=True,
                kernel_name="python3",
                shutdown_kernel="immediate",  # as grading's runner does: no wait at the end
                resources={"metadata": {"path": str(run)}},
            ).execute()


def main() -> int:
    """Run the benchmark and print its report; exit 1 if the scores differ."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=8)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--modules", nargs="+", default=MODULES)
    args = parser.parse_args()
    warnings.filterwarnings("ignore", module=r"nbgrader\..*")
    warnings.filterwarnings("ignore", message=r".*not in session.*")
    with tempfile.TemporaryDirectory(prefix="grade-speed-") as scratch:
        base = Path(scratch)
        submissions = build_class(base / "class", args.modules, args.students)
        folders = {}
        for name in ("nbgrader", "parallel", "serial"):
            folders[name] = base / name
            shutil.copytree(base / "class", folders[name])
        count = len(submissions)
        warm_up = student_file(base / "class", "submitted", *submissions[0])
        nbclient_alone([warm_up], base / "warm-up")
        print(
            f"class: {count} submissions ({args.students} students x {len(args.modules)} "
            f"modules: {', '.join(args.modules)}); {default_jobs()} cores here"
        )
        nbgrader = timed(lambda: nbgrader_serial(folders["nbgrader"], submissions))
        report("nbgrader autograde, serial", nbgrader, count)
        parallel = timed(
            lambda: grade_course(folders["parallel"], modules=args.modules, jobs=args.jobs)
        )
        report(f"course grade --jobs {args.jobs}", parallel, count)
        expected = pipeline.gradebook_rows(gradebook_url(folders["nbgrader"]), args.modules)
        got = pipeline.gradebook_rows(gradebook_url(folders["parallel"]), args.modules)
        same = expected == got
        speedup = nbgrader / parallel
        print(
            f"  speed-up over nbgrader: {speedup:.2f}x (goal: 1.7 or more with 2 jobs); "
            f"scores identical: {'yes' if same else 'NO'} ({len(got)} grade and comment rows)"
        )
        serial = timed(lambda: grade_course(folders["serial"], modules=args.modules, jobs=1))
        report("course grade --jobs 1", serial, count)
        graded = [
            student_file(folders["nbgrader"], "autograded", student, module)
            for student, module in submissions
        ]
        alone = timed(lambda: nbclient_alone(graded, base / "nbclient"))
        report("nbclient alone, serial", alone, count)
        overhead = serial / alone - 1
        print(f"  overhead of course grade over nbclient: {overhead:.0%} (goal: under 15%)")
    if not same:
        print("the gradebooks differ: course grade scored otherwise", file=sys.stderr)
        return 1
    return 0


def report(label: str, seconds: float, count: int) -> None:
    """Print one timing line."""
    print(f"{label:<28} {seconds:7.1f} s  ({seconds / count:.2f} s per submission)")


if __name__ == "__main__":
    sys.exit(main())
