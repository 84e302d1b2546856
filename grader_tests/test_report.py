"""The class report: its numbers are the gradebook's, its page is safe and renders in Chromium."""

from __future__ import annotations

import os
import shutil
import statistics
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from conftest import run_module
from nbgrader.api import Gradebook

from course import report as report_module
from course.__main__ import main
from course.failures import failure_message
from course.layout import REPO_ROOT, module_ids, source_notebook, student_file
from course.notebooks import nbgrader_meta, read_notebook
from course.report import NOT_GRADED, build_report, render_html, screenshot, write_report
from course.scratch import SAMPLE_STUDENTS

# each module's tests share one graded demo class: keep them on one xdist worker
MODULES = [pytest.param(m, marks=pytest.mark.xdist_group(name=f"demo-{m}")) for m in module_ids()]
ARTIFACTS = REPO_ROOT / "grader_tests" / "artifacts"
HOSTILE = "<script>window.hacked = 1</script>' onmouseover='window.hacked = 2"


def gradebook_view(demo, module):
    """Read, straight from nbgrader's gradebook, each submission's total and each cell's grades."""
    totals, penalties, grades = {}, {}, {}
    with Gradebook(demo.api.coursedir.db_url, demo.api.coursedir.course_id) as gradebook:
        max_score = gradebook.find_assignment(module).max_score
        for submission in gradebook.assignment_submissions(module):
            student = submission.student.id
            penalties[student] = submission.late_submission_penalty
            totals[student] = max(0.0, submission.score - penalties[student])
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    grades.setdefault(grade.name, []).append(
                        (student, grade.score, grade.max_score, grade.needs_manual_grade)
                    )
    return max_score, totals, penalties, grades


def grade_ids_in_order(module):
    source = read_notebook(source_notebook(module))
    return [
        nbgrader_meta(cell)["grade_id"]
        for cell in source.cells
        if nbgrader_meta(cell).get("grade")
    ]


@pytest.mark.parametrize("module", MODULES)
def test_the_numbers_are_the_gradebooks(demo_class, module):
    demo = demo_class(module)
    (part,) = build_report(demo.root, [module]).modules
    max_score, totals, penalties, grades = gradebook_view(demo, module)

    assert part.module == module and part.max_score == max_score > 0
    assert part.totals == pytest.approx(totals)
    assert set(part.totals) == set(SAMPLE_STUDENTS) and part.submissions == len(SAMPLE_STUDENTS)
    # the grade table's outcomes agree: autograded plus written score, less any late penalty
    for (student, _), outcome in demo.outcomes.items():
        raw = outcome.score + outcome.written_score
        assert part.totals[student] == pytest.approx(max(0.0, raw - penalties[student]))
    assert part.mean_total == pytest.approx(statistics.fmean(totals.values()))
    assert part.median_total == pytest.approx(statistics.median(totals.values()))
    assert part.not_graded == 1, "dev-broken-json has no autograded notebook"
    assert part.late == sum(penalty > 0 for penalty in penalties.values())

    assert [e.grade_id for e in part.exercises] == grade_ids_in_order(module)
    for exercise in part.exercises:
        rows = grades[exercise.grade_id]
        scored = [score for _, score, _, pending in rows if not pending]
        assert exercise.submissions == len(rows) == len(SAMPLE_STUDENTS)
        assert exercise.max_score == rows[0][2]
        assert exercise.pending == sum(pending for *_, pending in rows)
        assert exercise.mean_score == pytest.approx(statistics.fmean(scored))
        full = sum(score >= exercise.max_score for score in scored) / len(scored)
        assert exercise.full_marks_share == pytest.approx(full)

    written = [e for e in part.exercises if e.manual]
    assert written, "every module has a written answer"
    assert part.pending == 1, "ada-full's written answers wait for a person"
    assert all(e.label == "" and not e.failures for e in written)
    for exercise in (e for e in part.exercises if not e.manual):
        assert exercise.label.startswith("Check that"), exercise.grade_id
    assert part.hardest is not None and not part.hardest.manual
    assert part.hardest.full_marks_share == min(
        e.full_marks_share for e in part.exercises if not e.manual
    )


@pytest.mark.parametrize("module", MODULES)
def test_the_most_common_failure_is_what_a_student_saw(demo_class, module):
    demo = demo_class(module)
    (part,) = build_report(demo.root, [module]).modules
    *_, grades = gradebook_view(demo, module)
    autograded = {
        student: {
            nbgrader_meta(cell).get("grade_id"): cell
            for cell in nbformat.read(path, as_version=4).cells
        }
        for student in SAMPLE_STUDENTS
        if (path := student_file(demo.root, "autograded", student, module)).is_file()
    }
    assert set(autograded) == set(SAMPLE_STUDENTS) - {"dev-broken-json"}

    checked = 0
    for exercise in (e for e in part.exercises if not e.manual):
        lost = [s for s, score, top, _ in grades[exercise.grade_id] if score < top]
        # every submission that lost points is counted once, under some reason
        assert sum(count for _, count in exercise.failures) == len(lost)
        assert dict(exercise.failures)[NOT_GRADED] == 1, "dev-broken-json was not graded"
        seen = failure_message(autograded["ben-untouched"][exercise.grade_id])
        if seen is None:
            continue  # a cell that gives partial credit without an error
        message, count = exercise.top_failure
        assert message == seen
        assert count == sum(
            failure_message(cells[exercise.grade_id]) == seen for cells in autograded.values()
        )
        checked += 1
    assert checked, "ben-untouched fails some exercise with an error"
    assert any(
        e.top_failure and e.top_failure[0].startswith("NotImplementedError")
        for e in part.exercises
    )
    summary = "\n".join(report_module.summary_lines(build_report(demo.root, [module])))
    hardest = part.hardest
    assert f"fewest full marks: {hardest.grade_id}" in summary
    assert f"most common failure: {hardest.top_failure[0][:100]}" in summary


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append((tag, dict(attrs)))


def hostile_course(demo, module, tmp_path):
    """A copy of the demo class where ben's first failing test cell raised a hostile message."""
    root = tmp_path / "course"
    shutil.copytree(demo.root, root)
    path = student_file(root, "autograded", "ben-untouched", module)
    notebook = nbformat.read(path, as_version=4)
    cell = next(c for c in notebook.cells if nbgrader_meta(c).get("grade") and failure_message(c))
    error = next(o for o in cell.outputs if o.output_type == "error")
    error.ename, error.evalue = "AssertionError", HOSTILE
    nbformat.write(notebook, path)
    return root, nbgrader_meta(cell)["grade_id"]


def test_a_hostile_failure_message_is_escaped(demo_class, tmp_path):
    module = module_ids()[0]
    root, grade_id = hostile_course(demo_class(module), module, tmp_path)
    report = build_report(root, [module])
    (exercise,) = [e for e in report.modules[0].exercises if e.grade_id == grade_id]
    assert f"AssertionError: {HOSTILE}" in dict(exercise.failures)

    page = render_html(report)
    assert HOSTILE not in page and "<script" not in page
    assert "&lt;script&gt;window.hacked = 1&lt;/script&gt;&#x27; onmouseover=&#x27;" in page
    parser = _Tags()
    parser.feed(page)
    assert not [tag for tag, _ in parser.tags if tag == "script"]
    assert not [attrs for _, attrs in parser.tags if "onmouseover" in attrs]


def test_the_demo_writes_the_report(demo_class):
    demo = demo_class(module_ids()[0])
    page = (demo.root / "report.html").read_text(encoding="utf-8")
    assert f'<section id="{module_ids()[0]}">' in page and "data:image/png;base64," in page


def test_the_report_verb_prints_a_summary(demo_class, tmp_path):
    module = module_ids()[0]
    demo = demo_class(module)
    out = tmp_path / "class.html"
    result = run_module("course", "--course", str(demo.root), "report", module, "--out", str(out))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    (part,) = build_report(demo.root, [module]).modules
    late = f", {part.late} late" if part.late else ""
    assert lines[0].startswith(f"{module}: 4 submission(s) (1 not graded{late}), total mean ")
    assert f"median {part.median_total:g} of {part.max_score:g}" in lines[0]
    assert lines[1].startswith(f"  fewest full marks: {part.hardest.grade_id} (")
    assert lines[-1] == f"report: {out}"
    assert out.read_text(encoding="utf-8").count('<img class="histogram"') == 1


def test_png_without_chromium_is_a_one_line_error(demo_class, tmp_path, monkeypatch, capsys):
    module = module_ids()[0]
    monkeypatch.setattr(report_module, "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.setattr(report_module, "_playwright_chromium", lambda: None)
    argv = ["--course", str(demo_class(module).root), "report", module]
    status = main([*argv, "--out", str(tmp_path / "r.html"), "--png", str(tmp_path / "r.png")])
    err = capsys.readouterr().err
    assert status == 1 and not (tmp_path / "r.png").exists()
    assert err.count("\n") == 1 and "apt-get install chromium" in err


def chromium_or_skip():
    """Return the Chromium to drive; skip with one line where there is none, except in CI.

    CI (.ci/run) installs Debian's chromium and requires it.
    """
    chromium = report_module.chromium_path()
    if chromium is None and os.environ.get("COURSE_REQUIRE_CHROMIUM"):
        pytest.fail(f"Chromium is missing: .ci/run installs it ({report_module.CHROMIUM_INSTALL})")
    if chromium is None:
        pytest.skip(f"no Chromium for the browser tests: {report_module.CHROMIUM_INSTALL}")
    return chromium


def test_browser_tests_skip_with_one_line_naming_what_to_install(monkeypatch):
    monkeypatch.setattr(report_module, "CHROMIUM", Path("/nonexistent/chromium"))
    monkeypatch.setattr(report_module, "_playwright_chromium", lambda: None)
    monkeypatch.delenv("COURSE_REQUIRE_CHROMIUM", raising=False)
    with pytest.raises(pytest.skip.Exception) as skipped:
        chromium_or_skip()
    message = str(skipped.value)
    assert "\n" not in message and "apt-get install chromium" in message
    assert "playwright install chromium" in message


@pytest.mark.parametrize("module", MODULES)
def test_the_page_renders_in_chromium(demo_class, module, tmp_path):
    chromium = chromium_or_skip()
    from playwright.sync_api import sync_playwright

    demo = demo_class(module)
    report = build_report(demo.root, [module])
    page_file = write_report(report, tmp_path / "report.html")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium))
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(page_file.as_uri(), wait_until="load")
            widths = page.eval_on_selector_all(
                "img.histogram", "images => images.map(i => i.complete ? i.naturalWidth : 0)"
            )
            rows = page.locator("table.exercises tbody tr").count()
            overview = page.locator("#overview tbody tr").inner_text()
            page.screenshot(path=str(ARTIFACTS / f"report-{module}.png"), full_page=True)
        finally:
            browser.close()
    assert len(widths) == 1 and widths[0] > 0, "the histogram did not load"
    assert rows == len(report.modules[0].exercises) > 0
    assert module in overview
    assert (ARTIFACTS / f"report-{module}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_hostile_text_runs_no_script_in_chromium(demo_class, tmp_path):
    chromium = chromium_or_skip()
    from playwright.sync_api import sync_playwright

    module = module_ids()[0]
    root, _ = hostile_course(demo_class(module), module, tmp_path)
    page_file = write_report(build_report(root, [module]), tmp_path / "report.html")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium))
        try:
            page = browser.new_page()
            page.goto(page_file.as_uri(), wait_until="load")
            page.locator(".failure", has_text="window.hacked").first.hover()
            hacked = page.evaluate("window.hacked")
            shown = page.locator("table.exercises").inner_text()
        finally:
            browser.close()
    assert hacked is None
    assert "<script>window.hacked = 1</script>" in shown, "the message is shown as text"


def test_the_png_option_saves_a_screenshot(demo_class, tmp_path):
    chromium_or_skip()
    module = module_ids()[0]
    argv = ["--course", str(demo_class(module).root), "report", module]
    png = tmp_path / "report.png"
    assert main([*argv, "--out", str(tmp_path / "r.html"), "--png", str(png)]) == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(png.read_bytes()[16:20], "big")
    assert width == 1280


def test_screenshot_crops_to_a_height(demo_class, tmp_path):
    chromium_or_skip()
    module = module_ids()[0]
    page_file = write_report(build_report(demo_class(module).root, [module]), tmp_path / "r.html")
    screenshot(page_file, tmp_path / "top.png", width=1000, height=600)
    header = (tmp_path / "top.png").read_bytes()[16:24]
    assert (int.from_bytes(header[:4], "big"), int.from_bytes(header[4:], "big")) == (1000, 600)
