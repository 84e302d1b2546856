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
   time and the same kernel settings as grading;
5. nbclient alone again, with N processes at once: the speed-up this machine allows for such
   work at all, whatever the grader does (its cores may share caches, memory bandwidth or a
   host with other machines).

A notebook is executed once, untimed, before all of this, so that no run pays for a cold disk
cache.

It prints the speed-up of 2 over 1, the per-submission overhead of 3 over 4, and the speed-up
of 5 over 4. It exits 1 if
the scores differ. The goals (a speed-up of at least 1.7 with 2 jobs, an overhead under 15%) are
reported, not asserted: timings depend on the machine.
"""

from __future__ import annotations

from course.startup import quiet_nbgrader_warnings, skip_slow_optional_imports

skip_slow_optional_imports()  # as `python -m course` does, in this process and its workers

import argparse  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from concurrent.futures import ProcessPoolExecutor  # noqa: E402
from pathlib import Path  # noqa: E402

import nbformat  # noqa: E402
from nbclient import NotebookClient  # noqa: E402

from course import pipeline  # noqa: E402
from course.grading import grade_course  # noqa: E402
from course.layout import student_file  # noqa: E402
from course.parallel import default_jobs  # noqa: E402
from course.scratch import (  # noqa: E402
    full_solution,
    make_scratch_course,
    partial_solution,
    submit_samples,
    untouched,
)
from course.settings import gradebook_url  # noqa: E402

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


def execute_alone(path: Path, workdir: Path) -> None:
    """Execute one notebook with nbclient: a fresh kernel, outputs cleared first."""
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


def nbclient_alone(notebooks: list[Path], workdir: Path, jobs: int = 1) -> None:
    """Execute the notebooks with nbclient alone, ``jobs`` processes at a time."""
    with pipeline.private_kernel_profile():
        if jobs == 1:
            for path in notebooks:
                execute_alone(path, workdir)
            return
        with ProcessPoolExecutor(jobs) as pool:
            list(pool.map(execute_alone, notebooks, [workdir] * len(notebooks)))


def main() -> int:
    """Run the benchmark and print its report; exit 1 if the scores differ."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=8)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--modules", nargs="+", default=MODULES)
    parser.add_argument("--rounds", type=int, default=2, help="pairs of timed runs, A B B A")
    args = parser.parse_args()
    quiet_nbgrader_warnings()
    with tempfile.TemporaryDirectory(prefix="grade-speed-") as scratch:
        base = Path(scratch)
        submissions = build_class(base / "class", args.modules, args.students)
        count = len(submissions)
        runs = iter(range(10**6))

        def fresh_copy() -> Path:
            folder = base / f"run-{next(runs)}"
            shutil.copytree(base / "class", folder)
            return folder

        nbclient_alone([student_file(base / "class", "submitted", *submissions[0])], base / "warm")
        print(
            f"class: {count} submissions ({args.students} students x {len(args.modules)} "
            f"modules: {', '.join(args.modules)}); {default_jobs()} cores here; "
            f"{args.rounds} round(s), in the order A B B A ... so that a drift of the machine's "
            "speed during the run weighs on both sides alike"
        )
        gradebooks: list[Path] = []

        def nbgrader_run() -> float:
            folder = fresh_copy()
            gradebooks.append(folder)
            return timed(lambda: nbgrader_serial(folder, submissions))

        def course_run(jobs: int) -> float:
            folder = fresh_copy()
            gradebooks.append(folder)
            return timed(lambda: grade_course(folder, modules=args.modules, jobs=jobs))

        nbgrader, parallel = paired(
            "nbgrader autograde, serial",
            nbgrader_run,
            f"course grade --jobs {args.jobs}",
            lambda: course_run(args.jobs),
            args.rounds,
            count,
        )
        print(f"  speed-up over nbgrader: {nbgrader / parallel:.2f}x (goal: 1.7 or more, 2 jobs)")
        graded = [
            student_file(gradebooks[0], "autograded", student, module)
            for student, module in submissions
        ]
        serial, alone = paired(
            "course grade --jobs 1",
            lambda: course_run(1),
            "nbclient alone, serial",
            lambda: timed(lambda: nbclient_alone(graded, fresh_copy() / "nbclient")),
            args.rounds,
            count,
        )
        print(f"  overhead of course grade over nbclient: {serial / alone - 1:.0%} (goal: <15%)")
        together = timed(lambda: nbclient_alone(graded, fresh_copy() / "nbclient", args.jobs))
        report(f"nbclient alone, {args.jobs} at once", together, count)
        print(
            f"  this machine's ceiling: nbclient alone runs {alone / args.rounds / together:.2f}x "
            f"faster with {args.jobs} processes than with one; course grade reaches "
            f"{nbgrader / parallel:.2f}x"
        )
        expected = pipeline.gradebook_rows(gradebook_url(gradebooks[0]), args.modules)
        same = all(
            pipeline.gradebook_rows(gradebook_url(folder), args.modules) == expected
            for folder in gradebooks[1:]
        )
        print(
            f"scores identical in all {len(gradebooks)} gradebooks: {'yes' if same else 'NO'} "
            f"({len(expected)} grade and comment rows each)"
        )
    if not same:
        print("the gradebooks differ: course grade scored otherwise", file=sys.stderr)
        return 1
    return 0


def paired(
    first: str,
    run_first: Callable[[], float],
    second: str,
    run_second: Callable[[], float],
    rounds: int,
    count: int,
) -> tuple[float, float]:
    """Time two runs ``rounds`` times each, in the order A B B A A B ...; print and sum them."""
    totals = {first: 0.0, second: 0.0}
    for number in range(rounds):
        order = [(first, run_first), (second, run_second)]
        for label, run in order if number % 2 == 0 else order[::-1]:
            seconds = run()
            totals[label] += seconds
            report(label, seconds, count)
    return totals[first], totals[second]


def report(label: str, seconds: float, count: int) -> None:
    """Print one timing line."""
    print(f"{label:<28} {seconds:7.1f} s  ({seconds / count:.2f} s per submission)")


if __name__ == "__main__":
    sys.exit(main())
