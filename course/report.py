"""The ``report`` verb: one self-contained HTML page on how the class did, from the gradebook.

Every number comes from nbgrader's gradebook; only the failure messages come from the
autograded notebooks, which hold the errors that the test cells raised. Building the report
(:func:`build_report`, a :class:`ClassReport`) is kept apart from showing it
(:func:`render_html`, :func:`summary_lines`, :func:`screenshot`).
"""

from __future__ import annotations

import base64
import html
import io
import math
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from string import Template

import nbformat
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from nbgrader.api import (
    Grade,
    Gradebook,
    GradeCell,
    MissingEntry,
    SubmittedAssignment,
    SubmittedNotebook,
)

from course import pipeline
from course.failures import check_label, failure_message
from course.layout import module_ids, release_notebook, source_notebook, student_file
from course.notebooks import nbgrader_meta

#: The failure recorded for a submission that nbgrader could not grade (it scored zero).
NOT_GRADED = "not graded"

#: The failure recorded for a test cell that lost points without raising an error (a cell
#: that gives partial credit).
NO_ERROR = "lost points without an error"

#: Debian's Chromium, which renders the page for ``--png`` where Playwright has no browser of
#: its own (``playwright install chromium``, which needs the internet).
CHROMIUM = Path("/usr/bin/chromium")
#: What to install for ``--png`` and the browser tests, in one line.
CHROMIUM_INSTALL = "apt-get install chromium (Debian's package) or playwright install chromium"


@cache
def _playwright_chromium() -> Path | None:
    """Return the Chromium that Playwright downloaded itself, or None where it has none."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        return None
    try:
        with sync_playwright() as playwright:
            path = Path(playwright.chromium.executable_path)
    except (Error, OSError):  # a driver that cannot start: no browser of its own here
        return None
    return path if path.is_file() else None


def chromium_path() -> Path | None:
    """Return the Chromium to drive: Playwright's own, else Debian's; None when neither is here."""
    return _playwright_chromium() or (CHROMIUM if CHROMIUM.is_file() else None)


#: The longest failure message shown in a table cell; the whole message is in its tooltip.
SHOWN_MESSAGE_CHARS = 160

#: How many of an exercise's failures the page lists, most common first.
FAILURES_SHOWN = 3


class ReportError(Exception):
    """The report could not be made; the message says why in one line."""


@dataclass(frozen=True)
class ExerciseStats:
    """How the class did on one grade cell of a module."""

    grade_id: str
    label: str  # the first line of a test cell's docstring; "" for a written answer
    manual: bool  # a written answer, graded by a person
    max_score: float
    submissions: int
    pending: int  # grades that still need a person
    mean_score: float | None  # over the grades that need no person; None when there are none
    full_marks_share: float | None  # the same grades' share that scored max_score
    failures: tuple[tuple[str, int], ...]  # (message, how many had it), most common first

    @property
    def top_failure(self) -> tuple[str, int] | None:
        """Return the most common failure and how many had it, or None when none failed."""
        return self.failures[0] if self.failures else None


@dataclass(frozen=True)
class ModuleReport:
    """How the class did on one module: the totals of its submissions and each exercise."""

    module: str
    max_score: float
    totals: dict[str, float]  # student -> total after any late penalty, as in grades.csv
    not_graded: int  # submissions without an autograded notebook (they scored zero)
    late: int  # submissions with a late penalty
    exercises: tuple[ExerciseStats, ...]  # in notebook order

    @property
    def submissions(self) -> int:
        """Return how many students handed the module in."""
        return len(self.totals)

    @property
    def mean_total(self) -> float | None:
        """Return the mean total score, or None without submissions."""
        return statistics.fmean(self.totals.values()) if self.totals else None

    @property
    def median_total(self) -> float | None:
        """Return the median total score, or None without submissions."""
        return statistics.median(self.totals.values()) if self.totals else None

    @property
    def pending(self) -> int:
        """Return how many written answers still need manual grading."""
        return sum(exercise.pending for exercise in self.exercises)

    @property
    def hardest(self) -> ExerciseStats | None:
        """Return the autograded exercise with the lowest share of full marks (first of equals)."""
        scored = [e for e in self.exercises if e.full_marks_share is not None and not e.manual]
        return min(scored, key=lambda e: e.full_marks_share or 0.0) if scored else None


@dataclass(frozen=True)
class ClassReport:
    """The whole class report: one part per module, in course order."""

    course_id: str
    modules: tuple[ModuleReport, ...]


def build_report(
    root: Path, modules: list[str] | None = None, db_url: str | None = None
) -> ClassReport:
    """Read the class report of the course ``root`` from its gradebook and autograded notebooks.

    Args:
        root: the nbgrader course folder.
        modules: the modules to report on; every module in ``root/source`` when omitted.
        db_url: the gradebook's SQLAlchemy URL; the course's SQLite file when omitted.
    """
    api = pipeline.nbgrader_api(root, db_url)
    course_id = str(api.coursedir.course_id)
    with Gradebook(api.coursedir.db_url, course_id) as gradebook:
        parts = tuple(
            _module_report(gradebook, root, module) for module in modules or module_ids(root)
        )
    return ClassReport(course_id=course_id, modules=parts)


def _module_report(gradebook: Gradebook, root: Path, module: str) -> ModuleReport:
    try:
        assignment = gradebook.find_assignment(module)
        notebook = gradebook.find_notebook(module, module)
    except MissingEntry:  # never released nor graded: nothing to say yet
        return ModuleReport(module, 0.0, {}, 0, 0, ())
    session = gradebook.db
    submitted = (
        session.query(
            SubmittedAssignment.student_id,
            SubmittedAssignment.score,
            SubmittedAssignment.late_submission_penalty,
        )
        .filter(SubmittedAssignment.assignment_id == assignment.id)
        .all()
    )
    totals = {student: max(0.0, float(score - penalty)) for student, score, penalty in submitted}
    grades = (
        session.query(
            SubmittedAssignment.student_id,
            GradeCell.name,
            Grade.score,
            Grade.needs_manual_grade,
        )
        .select_from(Grade)
        .join(GradeCell, Grade.cell_id == GradeCell.id)
        .join(SubmittedNotebook, Grade.notebook_id == SubmittedNotebook.id)
        .join(SubmittedAssignment, SubmittedNotebook.assignment_id == SubmittedAssignment.id)
        .filter(GradeCell.notebook_id == notebook.id)
        .all()
    )
    autograded = _autograded_cells(root, module, totals)
    order = _cell_order(root, module)
    cells = sorted(notebook.grade_cells, key=lambda c: (order.get(c.name, len(order)), c.name))
    sources = {cell.name: cell.source or "" for cell in notebook.source_cells}
    by_cell: dict[str, list[tuple[str, float, bool]]] = {}
    for student, name, score, pending in grades:
        by_cell.setdefault(name, []).append((student, float(score), bool(pending)))
    exercises = tuple(
        _exercise_stats(cell, sources.get(cell.name, ""), by_cell.get(cell.name, []), autograded)
        for cell in cells
    )
    return ModuleReport(
        module=module,
        max_score=float(assignment.max_score),
        totals=dict(sorted(totals.items())),
        not_graded=sum(found is None for found in autograded.values()),
        late=sum(penalty > 0 for _, _, penalty in submitted),
        exercises=exercises,
    )


def _exercise_stats(
    cell: GradeCell,
    source: str,
    grades: list[tuple[str, float, bool]],
    autograded: dict[str, dict[str, nbformat.NotebookNode] | None],
) -> ExerciseStats:
    """Sum up one grade cell's grades: (student, score, needs manual grade) each."""
    manual = cell.cell_type == "markdown"
    max_score = float(cell.max_score)
    scores = [score for _, score, pending in grades if not pending]
    failures: Counter[str] = Counter()
    if not manual:
        for student, score, _ in sorted(grades):
            cells = autograded.get(student)
            if cells is None:
                failures[NOT_GRADED] += 1
            elif score < max_score and cell.name in cells:
                failures[failure_message(cells[cell.name]) or NO_ERROR] += 1
    # of equally common failures, an error the tests raised says the most
    vague = {NO_ERROR: 1, NOT_GRADED: 2}
    ranked = sorted(failures.items(), key=lambda item: (-item[1], vague.get(item[0], 0)))
    return ExerciseStats(
        grade_id=cell.name,
        label="" if manual else check_label(source),
        manual=manual,
        max_score=max_score,
        submissions=len(grades),
        pending=len(grades) - len(scores),
        mean_score=statistics.fmean(scores) if scores else None,
        full_marks_share=(
            sum(math.isclose(s, max_score) or s > max_score for s in scores) / len(scores)
            if scores
            else None
        ),
        failures=tuple(ranked),
    )


def _autograded_cells(
    root: Path, module: str, students: Iterable[str]
) -> dict[str, dict[str, nbformat.NotebookNode] | None]:
    """Return each student's autograded cells by grade id; None for a submission not graded."""
    found: dict[str, dict[str, nbformat.NotebookNode] | None] = {}
    for student in students:
        path = student_file(root, "autograded", student, module)
        try:
            notebook = nbformat.read(path, as_version=4)
        except (OSError, ValueError):  # missing (not graded) or unreadable
            found[student] = None
            continue
        found[student] = {
            nbgrader_meta(cell)["grade_id"]: cell
            for cell in notebook.cells
            if nbgrader_meta(cell).get("grade_id")
        }
    return found


def _cell_order(root: Path, module: str) -> dict[str, int]:
    """Return the position of each grade id in the module's notebook (the gradebook has none)."""
    for path in (source_notebook(module, root), release_notebook(module, root)):
        if path.is_file():
            cells = nbformat.read(path, as_version=4).cells
            ids = [nbgrader_meta(cell).get("grade_id") for cell in cells]
            return {grade_id: index for index, grade_id in enumerate(ids) if grade_id}
    return {}


# ---------------------------------------------------------------------------------------------
# Showing the report


def _number(value: float | None) -> str:
    return "–" if value is None else f"{round(value, 2):g}"


def _share(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def summary_lines(report: ClassReport) -> list[str]:
    """Return a few plain-text lines per module: totals and the exercise with fewest full marks."""
    lines = []
    for part in report.modules:
        if not part.submissions:
            lines.append(f"{part.module}: no submissions in the gradebook")
            continue
        extra = [f"{part.not_graded} not graded"] if part.not_graded else []
        extra += [f"{part.late} late"] if part.late else []
        lines.append(
            f"{part.module}: {part.submissions} submission(s)"
            + (f" ({', '.join(extra)})" if extra else "")
            + f", total mean {_number(part.mean_total)}, median {_number(part.median_total)}"
            + f" of {_number(part.max_score)}"
        )
        hardest = part.hardest
        if hardest is not None:
            line = f"  fewest full marks: {hardest.grade_id} ({_share(hardest.full_marks_share)})"
            if hardest.top_failure is not None:
                message, count = hardest.top_failure
                line += f"; most common failure: {_shorten(message, 100)} "
                line += f"({count} of {hardest.submissions})"
            lines.append(line)
        if part.pending:
            lines.append(f"  written answers to grade by hand: {part.pending}")
    return lines


def histogram_png(part: ModuleReport) -> bytes:
    """Return a PNG histogram of a module's total scores, with the maximum score marked."""
    figure = Figure(figsize=(6.4, 2.6), dpi=100, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    top = max(part.max_score, max(part.totals.values(), default=0.0), 1.0)
    step = max(1, math.ceil(top / 30))
    edges = [step * i for i in range(math.ceil(top / step) + 2)]
    axes.hist(list(part.totals.values()), bins=edges, color="#4878a8", edgecolor="white")
    axes.axvline(part.max_score, color="#c0392b", linestyle="--", linewidth=1.5)
    axes.annotate(
        f"max {_number(part.max_score)}",
        xy=(part.max_score, 1),
        xycoords=("data", "axes fraction"),
        xytext=(-4, -4),
        textcoords="offset points",
        ha="right",
        va="top",
        color="#c0392b",
    )
    axes.set_xlim(0, edges[-1])
    axes.set_xlabel("total score")
    axes.set_ylabel("students")
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.spines[["top", "right"]].set_visible(False)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


_PAGE = Template("""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Class report: $course</title>
<style>
body { font: 15px/1.4 system-ui, sans-serif; margin: 1.5em auto; max-width: 78em;
       padding: 0 1em; color: #222; }
h1 { margin-bottom: 0.1em; }
.meta { color: #666; margin-top: 0; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
th, td { border-bottom: 1px solid #ddd; padding: 0.3em 0.6em; text-align: left;
         vertical-align: top; }
th { background: #f3f3f3; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.manual td { background: #fbf8ec; }
.label { color: #555; font-size: 0.9em; }
.failure { font-family: ui-monospace, monospace; font-size: 0.85em; overflow-wrap: anywhere; }
.low { color: #b03a2e; font-weight: 600; }
ul.failures { list-style: none; margin: 0; padding: 0; }
ul.failures li + li { color: #666; }
.count { font-weight: 600; }
section { border-top: 2px solid #4878a8; margin-top: 1.5em; }
.plot { display: flex; gap: 2em; align-items: center; flex-wrap: wrap; }
.plot img { max-width: 100%; }
.stats td:first-child { color: #555; }
</style>
</head>
<body>
<h1>Class report: $course</h1>
<p class="meta">From the gradebook, $when. Totals are after late penalties, as in grades.csv;
mean and full marks count only grades that need no person.</p>
<table id="overview">
<thead><tr><th>module</th><th>submissions</th><th>not graded</th><th>mean total</th>
<th>median total</th><th>max</th><th>fewest full marks</th><th>to grade by hand</th></tr></thead>
<tbody>
$overview
</tbody>
</table>
$sections
</body>
</html>
""")


def _e(text: object) -> str:
    """Escape any text for HTML, quotes included (it may stand in an attribute)."""
    return html.escape(str(text), quote=True)


def _shorten(message: str, limit: int = SHOWN_MESSAGE_CHARS) -> str:
    return message if len(message) <= limit else message[:limit].rstrip() + "…"


def _failure_cell(exercise: ExerciseStats) -> str:
    """List the exercise's most common failures, each with how many submissions had it."""
    if exercise.manual:
        return "–"
    if not exercise.failures:
        return "none"
    items = [
        f"<li><span class='count'>{count}×</span> "
        f"<span class='failure' title='{_e(message)}'>{_e(_shorten(message))}</span></li>"
        for message, count in exercise.failures[:FAILURES_SHOWN]
    ]
    hidden = len(exercise.failures) - FAILURES_SHOWN
    if hidden > 0:
        items.append(f"<li class='label'>and {hidden} other failure(s)</li>")
    return f"<ul class='failures'>{''.join(items)}</ul>"


def _exercise_row(exercise: ExerciseStats) -> str:
    label = "written answer, graded by hand" if exercise.manual else exercise.label
    share = exercise.full_marks_share
    low = " low" if share is not None and share < 0.5 else ""
    cells = [
        f"<td><code>{_e(exercise.grade_id)}</code><br><span class='label'>{_e(label)}</span></td>",
        f"<td class='num'>{_number(exercise.max_score)}</td>",
        f"<td class='num'>{exercise.submissions}</td>",
        f"<td class='num'>{_number(exercise.mean_score)}</td>",
        f"<td class='num{low}'>{_share(share)}</td>",
        f"<td class='num'>{exercise.pending or ''}</td>",
        f"<td>{_failure_cell(exercise)}</td>",
    ]
    kind = " class='manual'" if exercise.manual else ""
    return f"<tr{kind}>{''.join(cells)}</tr>"


def _section(part: ModuleReport) -> str:
    module = _e(part.module)
    if not part.submissions:
        return f"<section id='{module}'><h2>{module}</h2><p>No submissions yet.</p></section>"
    picture = base64.b64encode(histogram_png(part)).decode("ascii")
    stats = [
        ("submissions", part.submissions),
        ("not graded (scored 0)", part.not_graded),
        ("late", part.late),
        ("mean total", _number(part.mean_total)),
        ("median total", _number(part.median_total)),
        ("max score", _number(part.max_score)),
        ("written answers to grade", part.pending),
    ]
    rows = "".join(
        f"<tr><td>{_e(name)}</td><td class='num'>{_e(v)}</td></tr>" for name, v in stats
    )
    exercises = "\n".join(_exercise_row(exercise) for exercise in part.exercises)
    return f"""<section id="{module}">
<h2>{module}</h2>
<div class="plot">
<img class="histogram" alt="histogram of the total scores of {module}"
     src="data:image/png;base64,{picture}">
<table class="stats">{rows}</table>
</div>
<table class="exercises">
<thead><tr><th>exercise</th><th>max</th><th>submissions</th><th>mean</th><th>full marks</th>
<th>to grade</th><th>most common failures</th></tr></thead>
<tbody>
{exercises}
</tbody>
</table>
</section>"""


def _overview_row(part: ModuleReport) -> str:
    hardest = part.hardest
    fewest = (
        f"<code>{_e(hardest.grade_id)}</code> ({_share(hardest.full_marks_share)})"
        if hardest is not None
        else "–"
    )
    cells = [
        f"<td><a href='#{_e(part.module)}'>{_e(part.module)}</a></td>",
        f"<td class='num'>{part.submissions}</td>",
        f"<td class='num'>{part.not_graded}</td>",
        f"<td class='num'>{_number(part.mean_total)}</td>",
        f"<td class='num'>{_number(part.median_total)}</td>",
        f"<td class='num'>{_number(part.max_score)}</td>",
        f"<td>{fewest}</td>",
        f"<td class='num'>{part.pending}</td>",
    ]
    return f"<tr>{''.join(cells)}</tr>"


def render_html(report: ClassReport, when: datetime | None = None) -> str:
    """Return the report as one self-contained HTML page (its plots are embedded PNGs)."""
    when = when or datetime.now().astimezone()
    return _PAGE.substitute(
        course=_e(report.course_id),
        when=_e(when.strftime("%Y-%m-%d %H:%M %Z").strip()),
        overview="\n".join(_overview_row(part) for part in report.modules),
        sections="\n".join(_section(part) for part in report.modules),
    )


def write_report(report: ClassReport, destination: Path) -> Path:
    """Write the report's HTML page to ``destination`` and return its path."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    destination.write_text(render_html(report), encoding="utf-8")
    return destination


def screenshot(
    page: Path, destination: Path, width: int = 1280, height: int | None = None
) -> None:
    """Render an HTML file in headless Chromium and save a screenshot of it as a PNG.

    Args:
        page: the HTML file.
        destination: where the PNG goes.
        width: the browser window's width in pixels.
        height: crop the picture to this many pixels from the top; the full page when None.

    Raises:
        ReportError: Playwright or Chromium is missing, or Chromium fails.
    """
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        raise ReportError(
            "--png needs Playwright: pip install -e . (it is pinned in pyproject.toml)"
        ) from None
    chromium = chromium_path()
    if chromium is None:
        raise ReportError(f"--png needs Chromium, which is missing: {CHROMIUM_INSTALL}")
    destination.parent.mkdir(parents=True, exist_ok=True)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(chromium))
            try:
                tab = browser.new_page(viewport={"width": width, "height": height or 900})
                tab.goto(page.resolve().as_uri(), wait_until="load")
                tab.screenshot(path=str(destination), full_page=height is None)
            finally:
                browser.close()
    except Error as error:
        raise ReportError(f"Chromium failed: {pipeline.last_line(error.message)}") from None
