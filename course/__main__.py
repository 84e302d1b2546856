"""The instructor's command line: ``python -m course VERB`` (see ``--help`` for the verbs)."""

from __future__ import annotations

from course.startup import quiet_nbgrader_warnings, skip_slow_optional_imports

skip_slow_optional_imports()  # first: grading's worker processes run this module's imports too

import argparse  # noqa: E402 - after the line above
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from contextlib import contextmanager  # noqa: E402
from pathlib import Path  # noqa: E402

from course.layout import REPO_ROOT, module_ids  # noqa: E402
from course.parallel import default_jobs  # noqa: E402


def _modules(requested: list[str], root: Path) -> list[str]:
    known = module_ids(root)
    unknown = [m for m in requested if m not in known]
    if unknown:
        raise SystemExit(f"unknown module(s) {', '.join(unknown)}; known: {', '.join(known)}")
    return requested or known


def release(args: argparse.Namespace) -> int:
    """Generate the student version of each module into release/ and refresh the README table."""
    from course import pipeline
    from course.readme import update_readme

    api = pipeline.nbgrader_api(args.course)
    for module in _modules(args.modules, args.course):
        pipeline.generate_assignment(api, module)
        print(f"released {module} -> release/{module}/")
    if update_readme(args.course):
        print("updated the module table in README.md")
    return 0


def check(args: argparse.Namespace) -> int:
    """Prove that every module grades as it should; exit 1 if any check fails."""
    from course.checks import graded_findings, readme_finding, static_findings

    modules = _modules(args.modules, args.course)
    findings = [f for module in modules for f in static_findings(module, args.course)]
    with tempfile.TemporaryDirectory(prefix="course-check-") as workdir:
        findings += graded_findings(modules, Path(workdir), args.course)
    findings.append(readme_finding(args.course))
    for finding in sorted(findings, key=lambda f: f.module):
        mark = "ok  " if finding.passed else "FAIL"
        print(f"{mark} {finding.module}: {finding.check}")
        for problem in finding.problems:
            print(f"       {problem}")
    failed = sum(not f.passed for f in findings)
    print(f"{len(findings) - failed} passed, {failed} failed")
    return 1 if failed else 0


def grade(args: argparse.Namespace) -> int:
    """Autograde everything in submitted/ and write grades.csv, print the table and a summary.

    With ``--zip``, the notebooks of an LMS bulk download are put into submitted/ first.
    """
    from course.deadlines import DeadlineError, due_dates
    from course.grading import format_table, grade_course, summary
    from course.intake import IntakeError, format_report, intake_zip
    from course.isolation import sandbox_problem
    from course.pipeline import nbgrader_api

    modules = _modules(args.modules, args.course)
    if (args.lms or args.pattern) and not args.zip:
        raise SystemExit("--lms and --pattern name the files of a --zip FILE: give one")
    if args.zip:
        try:
            # a wrong due date stops grading: find it before the intake writes to submitted/
            due_dates(nbgrader_api(args.course), module_ids(args.course))
            report = intake_zip(args.course, args.zip, modules, args.lms, args.pattern)
        except (DeadlineError, IntakeError) as error:
            raise SystemExit(f"error: {error}") from None
        print(format_report(report))
    problem = sandbox_problem()
    if problem is not None:
        print(f"warning: no sandbox here: {problem}", file=sys.stderr)
    started = time.perf_counter()
    try:
        outcomes = grade_course(
            args.course, db_url=args.db, modules=modules, jobs=args.jobs, show_progress=None
        )
    except DeadlineError as error:
        raise SystemExit(f"error: {error}") from None
    if not outcomes:
        print("nothing to grade: submitted/<student>/<module>/ is empty")
        return 0
    print(format_table(outcomes))
    print(summary(outcomes, time.perf_counter() - started, args.jobs))
    _print_late(args.course, args.db, modules)
    print(f"grades: {args.course / 'grades.csv'}; feedback: python -m course feedback")
    return 0


def _print_late(root: Path, db_url: str | None, modules: list[str]) -> None:
    """Print a line for each submission of ``modules`` handed in after its due date."""
    from course.deadlines import describe_late, late_submissions
    from course.pipeline import nbgrader_api

    for late in late_submissions(nbgrader_api(root, db_url), modules):
        print(describe_late(late))


def _graded_course(args: argparse.Namespace) -> None:
    """Stop with a one-line error unless the course has a gradebook to read.

    nbgrader's Gradebook would make an empty one, so a mistyped --course would leave a file
    behind and report on nothing.
    """
    if args.db is None and not (args.course / "gradebook.db").is_file():
        raise SystemExit(
            f"error: {args.course} has no gradebook.db: grade first (python -m course grade)"
        )


@contextmanager
def _gradebook_errors() -> Iterator[None]:
    """Turn a gradebook that cannot be read (a wrong --db URL, say) into a one-line error."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        yield
    except SQLAlchemyError as error:
        cause = str(error).strip().splitlines()[0]  # SQLAlchemy appends a link on a later line
        raise SystemExit(f"error: the gradebook cannot be read: {cause}") from None


def export(args: argparse.Namespace) -> int:
    """Write the gradebook's grades to a CSV file, manual grades included, without regrading."""
    from course import pipeline

    _graded_course(args)
    destination = args.to or args.course / "grades.csv"
    with _gradebook_errors():
        pipeline.export_grades(pipeline.nbgrader_api(args.course, args.db), destination)
    print(f"grades: {destination}")
    return 0


def feedback(args: argparse.Namespace) -> int:
    """Write a feedback page for every graded submission (after any manual grading)."""
    from course.grading import write_feedback

    modules = _modules(args.modules, args.course)
    _graded_course(args)
    with _gradebook_errors():
        pages, problems = write_feedback(args.course, db_url=args.db, modules=modules)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{pages} feedback page(s) in {args.course / 'feedback'}")
    return 1 if problems else 0


def report(args: argparse.Namespace) -> int:
    """Write the class report page (with --png, a screenshot of it too) and print its summary."""
    from course.report import ReportError, build_report, screenshot, summary_lines, write_report

    modules = _modules(args.modules, args.course)
    _graded_course(args)
    with _gradebook_errors():
        class_report = build_report(args.course, modules, args.db)
    page = write_report(class_report, args.out or args.course / "report.html")
    print("\n".join(summary_lines(class_report)))
    print(f"report: {page}")
    if args.png:
        try:
            screenshot(page, args.png)
        except ReportError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        print(f"screenshot: {args.png}")
    return 0


def demo(args: argparse.Namespace) -> int:
    """Grade a sample class in a scratch course and print its table."""
    from course.demo import EXPECTED, run_demo, unexpected
    from course.grading import format_table, summary
    from course.intake import format_report
    from course.report import build_report, summary_lines

    modules = _modules(args.modules, args.course)

    def show(dest: Path) -> list[str]:
        started = time.perf_counter()
        outcomes = run_demo(
            dest,
            modules,
            args.course,
            jobs=args.jobs,
            show_progress=None,
            on_intake=lambda report: print(format_report(report)),
        )
        print(format_table(outcomes))
        print(summary(outcomes, time.perf_counter() - started, args.jobs))
        _print_late(dest, None, modules)
        print("\n".join(summary_lines(build_report(dest, modules))))
        print(f"report: {dest / 'report.html'}")
        print(f"grades: {dest / 'grades.csv'}; feedback: {dest / 'feedback'}")
        return unexpected(outcomes, modules)

    if args.keep:
        dest = Path(args.keep).resolve()
        if dest.exists() and any(dest.iterdir()):
            raise SystemExit(f"{dest} is not empty: name a new folder for --keep")
        dest.mkdir(parents=True, exist_ok=True)
        wrong = show(dest)
    else:
        with tempfile.TemporaryDirectory(prefix="course-demo-") as workdir:
            wrong = show(Path(workdir))
        print("(the scratch course was deleted; pass --keep DIR to look at it)")
    for line in wrong:
        print(f"unexpected: {line}", file=sys.stderr)
    if wrong:
        print(f"error: {len(wrong)} demo score(s) were not as expected", file=sys.stderr)
        return 1
    print(
        "every sample student scored as expected: "
        + "; ".join(f"{student} {wanted}" for student, (wanted, _) in EXPECTED.items())
    )
    return 0


def _jobs(text: str) -> int:
    jobs = int(text)
    if jobs < 1:
        raise argparse.ArgumentTypeError("--jobs must be 1 or more")
    return jobs


def _resolved(text: str) -> Path:
    return Path(text).resolve()


def _file_option(parser: argparse.ArgumentParser, flag: str, help_text: str) -> None:
    """Add an option that names a file, taken as an absolute path."""
    parser.add_argument(flag, type=_resolved, metavar="FILE", help=help_text)


def _db_option(parser: argparse.ArgumentParser) -> None:
    """Add the --db option of the verbs that use the gradebook."""
    parser.add_argument(
        "--db", metavar="URL", help="gradebook SQLAlchemy URL (default: gradebook.db)"
    )


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of the instructor CLI."""
    from course.intake import LMS_PATTERNS

    parser = argparse.ArgumentParser(prog="python -m course", description=__doc__)
    parser.add_argument(
        "--course",
        type=_resolved,
        default=REPO_ROOT,
        metavar="DIR",
        help="the course folder (default: this repository)",
    )
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="VERB")
    jobs = default_jobs()
    jobs_help = f"submissions graded at once (default here: {jobs}, one per core as memory allows)"

    p = verbs.add_parser("release", help="make release/ from source/ with nbgrader")
    p.add_argument("modules", nargs="*", metavar="MODULE", help="default: every module")
    p.set_defaults(run=release)

    p = verbs.add_parser("check", help="prove every module grades as it should")
    p.add_argument("modules", nargs="*", metavar="MODULE", help="default: every module")
    p.set_defaults(run=check)

    p = verbs.add_parser("grade", help="autograde submitted/ and write grades.csv")
    p.add_argument("modules", nargs="*", metavar="MODULE", help="default: every module")
    _db_option(p)
    p.add_argument("--jobs", type=_jobs, default=jobs, metavar="N", help=jobs_help)
    _file_option(
        p, "--zip", "first put the notebooks of this LMS bulk download (a zip) into submitted/"
    )
    p.add_argument(
        "--lms",
        choices=sorted(LMS_PATTERNS),
        help="how the LMS names the files in --zip (default: c.LmsCollector.lms, canvas)",
    )
    p.add_argument(
        "--pattern",
        metavar="REGEX",
        help="a file-name pattern of your own with (?P<student_id>...) and (?P<file_id>...), "
        "optionally (?P<timestamp>...)",
    )
    p.set_defaults(run=grade)

    p = verbs.add_parser("export", help="write grades.csv: a row per student, a column per module")
    _db_option(p)
    _file_option(p, "--to", "the CSV file (default: grades.csv)")
    p.set_defaults(run=export)

    p = verbs.add_parser("feedback", help="write feedback/ pages of the graded submissions")
    p.add_argument("modules", nargs="*", metavar="MODULE", help="default: every module")
    _db_option(p)
    p.set_defaults(run=feedback)

    p = verbs.add_parser("report", help="write report.html: the class's scores per exercise")
    p.add_argument("modules", nargs="*", metavar="MODULE", help="default: every module")
    _db_option(p)
    _file_option(p, "--out", "the HTML page (default: report.html in the course folder)")
    _file_option(
        p,
        "--png",
        "also save a full-page screenshot (needs Chromium: Debian's, or Playwright's own)",
    )
    p.set_defaults(run=report)

    p = verbs.add_parser("demo", help="grade a sample class in a scratch course")
    p.add_argument("modules", nargs="*", metavar="MODULE", help="default: every module")
    p.add_argument("--keep", metavar="DIR", help="build the scratch course in DIR and keep it")
    p.add_argument("--jobs", type=_jobs, default=jobs, metavar="N", help=jobs_help)
    p.set_defaults(run=demo)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit status."""
    args = build_parser().parse_args(argv)
    if not args.course.is_dir():
        raise SystemExit(f"error: no course folder {args.course}")
    quiet_nbgrader_warnings()
    from course.isolation import GraderError

    try:
        return int(args.run(args))
    except GraderError as error:  # the grader's own failure: nothing was recorded for it
        raise SystemExit(f"error: {error}; nothing was recorded for it") from None


if __name__ == "__main__":
    sys.exit(main())
