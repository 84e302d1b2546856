"""Feedback pages name each failed check and its error, and never show a hidden test."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from nbconvert.exporters import HTMLExporter
from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
from nbgrader.apps import NbGraderAPI
from nbgrader.preprocessors import GetGrades

from course.failures import check_label, failure_message
from course.feedback import HideHiddenTests, is_test_cell
from course.layout import module_ids, release_notebook, source_notebook, student_file
from course.notebooks import line_regions, read_notebook
from course.testing import expect_error

MODULES = [pytest.param(m, marks=pytest.mark.xdist_group(name=f"demo-{m}")) for m in module_ids()]
_WORD = re.compile(r"\w")


class _Text(HTMLParser):
    """The text a browser shows of a page: tags, styles and scripts left out."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._hidden += tag in ("style", "script")

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in ("style", "script")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def html_text(html: str) -> str:
    """Return the text an HTML page shows (code in it is split by markup tags)."""
    parser = _Text()
    parser.feed(html)
    return "".join(parser.parts)


def page_lines(page: Path) -> set[str]:
    """Return the stripped lines of text an HTML page shows."""
    return {line.strip() for line in html_text(page.read_text(encoding="utf-8")).splitlines()}


def output_text(output: nbformat.NotebookNode) -> str:
    """Return the text of a stream, result or display output (empty for others)."""
    if output.get("output_type") == "stream":
        return output.get("text", "")
    text = output.get("data", {}).get("text/plain", "")
    return text if isinstance(text, str) else "".join(text)


def notebook_lines(nb: nbformat.NotebookNode) -> set[str]:
    return {line.strip() for cell in nb.cells for line in cell.source.splitlines()}


def hidden_lines_shown(page: Path, module: str, root: Path, student: str) -> list[str]:
    """Return the lines of the module's hidden tests that the page shows.

    A line counts when it has a letter or digit and is not also text the student has seen:
    the release notebook, the student's own submission, and what the cells other than tests
    printed when the submission ran (a demonstration may print a template, say).
    """
    source = read_notebook(source_notebook(module, root))
    seen = notebook_lines(read_notebook(release_notebook(module, root)))
    seen |= notebook_lines(read_notebook(student_file(root, "submitted", student, module)))
    graded = read_notebook(student_file(root, "autograded", student, module))
    for cell in graded.cells:
        if cell.cell_type == "code" and not is_test_cell(cell):
            text = "\n".join(output_text(output) for output in cell.outputs)
            seen |= {line.strip() for line in text.splitlines()}
    hidden = {
        line.strip()
        for cell in source.cells
        for region, line in line_regions(cell.source)
        if region == "hidden" and _WORD.search(line)
    }
    return sorted((hidden - seen) & page_lines(page))


def feedback_pages(root: Path, module: str) -> list[tuple[str, Path]]:
    return [
        (page.parent.parent.name, page)
        for page in sorted((root / "feedback").glob(f"*/{module}/{module}.html"))
    ]


@pytest.mark.parametrize("module", MODULES)
def test_no_line_of_a_hidden_test_is_in_any_feedback_page(demo_class, module):
    demo = demo_class(module)
    pages = feedback_pages(demo.root, module)
    assert {student for student, _ in pages} == {"ada-full", "ben-untouched", "cleo-partial"}
    for student, page in pages:
        assert hidden_lines_shown(page, module, demo.root, student) == [], page


def test_the_check_finds_the_hidden_tests_in_nbgraders_own_feedback(demo_class, tmp_path):
    """nbgrader's stock feedback shows hidden tests (its issues #917, #1363): the check sees it."""
    module = "00-orientation"
    demo = demo_class(module)
    config = demo.api.config.copy()
    config.GenerateFeedback.preprocessors = [GetGrades, CSSHTMLHeaderPreprocessor]
    config.CourseDirectory.feedback_directory = str(tmp_path)
    stock = NbGraderAPI(config=config)
    assert stock.generate_feedback(module, "ben-untouched", force=True)["success"]
    page = tmp_path / "ben-untouched" / module / f"{module}.html"
    assert len(hidden_lines_shown(page, module, demo.root, "ben-untouched")) > 10


@pytest.mark.parametrize("module", MODULES)
def test_each_failed_check_is_named_by_its_docstring_with_its_error(demo_class, module):
    demo = demo_class(module)
    for student in ("ben-untouched", "cleo-partial"):
        graded = read_notebook(student_file(demo.root, "autograded", student, module))
        shown = page_lines(student_file(demo.root, "feedback", student, module, ".html"))
        failed = 0
        for cell in filter(is_test_cell, graded.cells):
            message = failure_message(cell)
            label = check_label(cell.source)
            assert label.startswith("Check that"), cell.source[:80]
            if message is None:
                assert f"Check failed: {label}" not in shown
                continue
            failed += 1
            assert f"Check failed: {label}" in shown, (student, label)
            assert all(line.strip() in shown for line in message.splitlines()), message
        assert failed, f"{student} fails some check of {module}"


def test_visible_asserts_stay_and_html_in_a_message_is_escaped(tmp_path):
    test_source = "\n".join(
        [
            '"""Check that answer is 42."""',
            "assert answer == 42, 'expected 42'",
            "### BEGIN HIDDEN TESTS",
            "assert answer > 41, f'<script>alert({answer})</script>'",
            "### END HIDDEN TESTS",
        ]
    )
    cell = nbformat.v4.new_code_cell(test_source)
    cell.metadata.nbgrader = {"grade": True, "solution": False, "grade_id": "t", "points": 1}
    cell.outputs = [
        nbformat.v4.new_output(
            "error",
            ename="AssertionError",
            evalue="<script>alert(7)</script>",
            traceback=["---", "assert answer > 41, f'<script>alert({answer})</script>'"],
        )
    ]
    nb = nbformat.v4.new_notebook(cells=[cell])
    nb, _ = HideHiddenTests().preprocess(nb, {})
    assert nb.cells[0].source.splitlines() == test_source.splitlines()[:2]
    html, _ = HTMLExporter().from_notebook_node(nb)
    assert "<script>alert(7)" not in html and "&lt;script&gt;alert(7)" in html
    page = tmp_path / "page.html"
    page.write_text(html)
    shown = page_lines(page)
    assert "Check failed: Check that answer is 42." in shown
    assert "AssertionError: <script>alert(7)</script>" in shown
    assert not any("answer > 41" in line for line in shown)


def test_a_bare_exception_reads_cleanly_in_a_failure_message():
    def bare() -> None:
        raise NotImplementedError()

    def worded() -> None:
        raise KeyError("name")

    messages = []
    for function in (bare, worded):
        with pytest.raises(AssertionError) as failure:
            expect_error(ValueError, function, hint="raise ValueError")
        messages.append(str(failure.value))
    assert messages == [
        "expected bare() to raise ValueError, but it raised NotImplementedError; "
        "hint: raise ValueError",
        "expected worded() to raise ValueError, but it raised KeyError: 'name'; "
        "hint: raise ValueError",
    ]
