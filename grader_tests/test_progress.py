"""The progress panel: visible tests only, the right verdict per exercise, a real widget."""

from __future__ import annotations

import contextlib
import io
import json

import nbformat
import pytest
from nbclient import NotebookClient

from course.layout import module_ids, release_notebook, source_notebook
from course.notebooks import exercises, is_test, read_notebook, solved_copy
from course.progress import NO_TEST, HiddenTestsError, check_progress, progress_panel

MODULE = "00-orientation"


def kernel_namespace(nb: nbformat.NotebookNode) -> dict:
    """Run a notebook's cells other than tests in one namespace, as a student's kernel would."""
    namespace: dict = {}
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        for cell in nb.cells:
            if (
                cell.cell_type == "code"
                and not is_test(cell)
                and "progress_panel" not in cell.source
            ):
                with contextlib.suppress(Exception):  # an unanswered cell raises; go on
                    exec(cell.source, namespace)  # noqa: S102
    return namespace


@pytest.fixture(scope="module")
def notebooks() -> tuple[nbformat.NotebookNode, nbformat.NotebookNode]:
    return read_notebook(release_notebook(MODULE)), read_notebook(source_notebook(MODULE))


def test_an_unanswered_notebook_passes_nothing_and_says_why(notebooks):
    release, _ = notebooks
    results = check_progress(release, kernel_namespace(release))
    assert [r.name for r in results] == [e.name for e in exercises(release)]
    assert all(r.failure == "NotImplementedError" for r in results)


def test_answered_exercises_pass_and_the_others_do_not(notebooks):
    release, source = notebooks
    names = [e.name for e in exercises(source)]
    solved = set(names[::2])
    results = check_progress(release, kernel_namespace(solved_copy(release, source, solved)))
    assert {r.name for r in results if r.passed} == solved
    everything = check_progress(release, kernel_namespace(solved_copy(release, source, None)))
    assert all(r.passed for r in everything)


def test_a_wrong_answer_shows_the_visible_tests_hint(notebooks):
    release, _ = notebooks
    namespace = kernel_namespace(release)
    namespace["format_student_id"] = lambda raw: raw  # forgets to lower-case and hyphenate
    first = check_progress(release, namespace)[0]
    assert first.name == "format_student_id" and first.failure.startswith("AssertionError: ")
    assert "hint" in first.failure


def answer_and_tests(*tests: str) -> nbformat.NotebookNode:
    """A notebook with the answer cell ``f`` and the given test cells, each worth 1 point."""
    answer = nbformat.v4.new_code_cell("def f():\n    return 1")
    answer.metadata.nbgrader = {"grade": False, "solution": True, "grade_id": "f"}
    cells = [answer]
    for number, source in enumerate(tests):
        test = nbformat.v4.new_code_cell(source)
        grade_id = f"test_f_{number}"
        test.metadata.nbgrader = {
            "grade": True,
            "solution": False,
            "grade_id": grade_id,
            "points": 1,
        }
        cells.append(test)
    return nbformat.v4.new_notebook(cells=cells)


def test_a_notebook_with_hidden_tests_is_refused_and_they_never_run(tmp_path):
    sentinel = tmp_path / "hidden-ran"
    nb = answer_and_tests(
        '"""Check that f returns 1."""\n'
        "assert f() == 1\n"
        "# BEGIN HIDDEN TESTS\n"  # nbgrader's delimiter, whatever the comment marks around it
        f"open({str(sentinel)!r}, 'w').write('x')\n"
        "# END HIDDEN TESTS"
    )
    with pytest.raises(HiddenTestsError):
        check_progress(nb, {"f": lambda: 1})
    assert not sentinel.exists()


def test_tests_share_what_earlier_tests_defined():
    first = "def helper():\n    return 1\nassert f() == helper()"
    second = "assert helper() == f()"  # as 04-code-review's second test uses the first's helper
    (result,) = check_progress(answer_and_tests(first, second), {"f": lambda: 1})
    assert result.passed


def test_output_on_stderr_fails_as_it_does_in_grading():
    nb = answer_and_tests("import sys\nprint('careful', file=sys.stderr)\nassert f() == 1")
    (result,) = check_progress(nb, {"f": lambda: 1})
    assert result.failure == "wrote to stderr: careful"


def test_an_exercise_whose_tests_were_deleted_does_not_pass():
    (result,) = check_progress(answer_and_tests(), {"f": lambda: 1})
    assert result.failure == NO_TEST


@pytest.mark.parametrize("module", ["00-orientation", "04-code-review"])
def test_a_solved_notebook_passes_before_its_test_cells_ever_ran(module):
    release, source = (
        read_notebook(release_notebook(module)),
        read_notebook(source_notebook(module)),
    )
    results = check_progress(release, kernel_namespace(solved_copy(release, source, None)))
    assert [r.failure for r in results] == [None] * len(results)


def test_it_stays_quiet_while_nbgrader_runs_the_notebook(monkeypatch, capsys):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    progress_panel("/nonexistent.ipynb")  # would raise FileNotFoundError if it looked
    assert "does not run while nbgrader" in capsys.readouterr().out


def test_every_module_ends_with_the_panel():
    for module in module_ids():
        cells = read_notebook(release_notebook(module)).cells
        assert any("progress_panel()" in cell.source for cell in cells), module


def test_the_panel_renders_in_a_kernel_from_the_notebook_it_sits_in(tmp_path):
    folder = tmp_path / "99-demo"
    folder.mkdir()
    answer = nbformat.v4.new_code_cell("def f():\n    return 1")
    answer.metadata.nbgrader = {"grade": False, "solution": True, "grade_id": "f"}
    test = nbformat.v4.new_code_cell('"""Check that f returns 1."""\nassert f() == 1')
    test.metadata.nbgrader = {"grade": True, "solution": False, "grade_id": "test_f", "points": 3}
    panel = nbformat.v4.new_code_cell(
        "from course.progress import progress_panel\nprogress_panel()"
    )
    nb = nbformat.v4.new_notebook(cells=[answer, test, panel])
    nbformat.write(nb, str(folder / "99-demo.ipynb"))
    NotebookClient(nb, timeout=120, resources={"metadata": {"path": str(folder)}}).execute()
    views = [
        output
        for output in nb.cells[2].outputs
        if "application/vnd.jupyter.widget-view+json" in output.get("data", {})
    ]
    assert len(views) == 1, nb.cells[2].outputs  # shown once, not again as the cell's result
    state = json.dumps(nb.metadata["widgets"])
    assert "1 of 1 exercises pass their visible tests" in state and "course-progress" in state
