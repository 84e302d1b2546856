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

from course.failures import MAX_MESSAGE_CHARS, check_label, failure_message
from course.feedback import HideHiddenTests, is_test_cell
from course.grading import grade_course, write_feedback
from course.layout import module_ids, release_notebook, source_notebook, student_file
from course.notebooks import (
    is_solution_code,
    line_regions,
    nbgrader_meta,
    read_notebook,
    solved_copy,
)
from course.scratch import make_scratch_course
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


def notebook_lines(nb: nbformat.NotebookNode) -> set[str]:
    return {line.strip() for cell in nb.cells for line in cell.source.splitlines()}


def hidden_lines_shown(page: Path, module: str, root: Path, student: str) -> list[str]:
    """Return the lines of the module's hidden tests that the page shows.

    A line counts when it has a letter or digit and is not also text the student has seen:
    the release notebook and the student's own submission.
    """
    source = read_notebook(source_notebook(module, root))
    seen = notebook_lines(read_notebook(release_notebook(module, root)))
    seen |= notebook_lines(read_notebook(student_file(root, "submitted", student, module)))
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


def hostile_submission(root: Path, module: str) -> str:
    """A notebook whose code tries to carry the hidden tests into its own feedback page.

    IPython keeps the source of every executed cell in ``In``: the first answer raises an
    error quoting the longest hidden line of the test that calls it, the second one quoting
    every cell run so far, and the last answer cell prints them all.
    """
    release = read_notebook(release_notebook(module, root))
    source = read_notebook(source_notebook(module, root))
    nb = solved_copy(release, source, solve=None)
    answers = [cell for cell in nb.cells if is_solution_code(cell)]
    name = nbgrader_meta(answers[0])["grade_id"]
    answers[0].source = (
        f"def {name}(*args, **kwargs):\n"
        "    lines = In[-1].splitlines()\n"
        "    start, end = (lines.index(f'### {m} HIDDEN TESTS') for m in ('BEGIN', 'END'))\n"
        "    raise AssertionError(max(lines[start + 1 : end], key=len).strip())"
    )
    name = nbgrader_meta(answers[1])["grade_id"]
    answers[1].source = f"def {name}(*args, **kwargs):\n    raise ValueError(chr(10).join(In))"
    answers[-1].source += "\n\nprint(chr(10).join(In))\nIn[-2]"
    return nbformat.writes(nb)


def test_a_submission_that_prints_the_executed_tests_does_not_see_them_in_feedback(tmp_path):
    module = "00-orientation"
    make_scratch_course(tmp_path, [module])
    notebook = student_file(tmp_path, "submitted", "mallory", module)
    notebook.parent.mkdir(parents=True)
    notebook.write_text(hostile_submission(tmp_path, module))
    grade_course(tmp_path, modules=[module])
    graded = student_file(tmp_path, "autograded", "mallory", module).read_text()
    assert "BEGIN HIDDEN TESTS" in graded, "the attack reached the hidden tests while graded"
    assert write_feedback(tmp_path, modules=[module]) == (1, [])
    page = student_file(tmp_path, "feedback", "mallory", module, ".html")
    assert hidden_lines_shown(page, module, tmp_path, "mallory") == []
    assert "### BEGIN HIDDEN TESTS" not in page_lines(page)
    assert "AssertionError (its message quoted the hidden tests)" in html_text(page.read_text())


def test_other_cells_lose_their_outputs_and_long_messages_keep_one_line():
    answer = nbformat.v4.new_code_cell("print('hi')")
    answer.metadata.nbgrader = {"grade": False, "solution": True, "grade_id": "f"}
    answer.outputs = [nbformat.v4.new_output("stream", name="stdout", text="hi\n")]
    test = nbformat.v4.new_code_cell('"""Check that f works."""\nassert f()')
    test.metadata.nbgrader = {"grade": True, "solution": False, "grade_id": "t", "points": 1}
    test.outputs = [
        nbformat.v4.new_output(
            "error", ename="ValueError", evalue="first line\nsecond\x1b[31m" + "x" * 999
        )
    ]
    nb, _ = HideHiddenTests().preprocess(nbformat.v4.new_notebook(cells=[answer, test]), {})
    assert nb.cells[0].outputs == []
    assert nb.cells[1].outputs[0].traceback == [
        "Check failed: Check that f works.",
        "ValueError: first line",
    ]
    long = nbformat.v4.new_code_cell("")
    long.outputs = [nbformat.v4.new_output("error", ename="E", evalue="\x1b[1my" * 500)]
    message = failure_message(long)
    assert message.startswith("E: yyy") and len(message) == len("E: ") + MAX_MESSAGE_CHARS
    assert "\x1b" not in message and message.endswith("\u2026")
