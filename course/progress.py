"""The progress panel: which exercises of this notebook pass their visible tests so far.

A student runs ``progress_panel()`` in the last cell of a module. It reads the notebook's test
cells from the saved file, runs the part of each that students can see against the functions
the kernel holds now, and shows one line per exercise: passed, or the first failure's message.

It never runs or shows a hidden test: only the lines outside ``### BEGIN/END HIDDEN TESTS``
run (a release notebook has no others), and it does nothing while nbgrader runs the notebook
(``NBGRADER_EXECUTION`` set), where it would only cost time.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from pathlib import Path

import ipywidgets as widgets
from IPython.display import display
from nbformat import NotebookNode

from course.failures import one_line
from course.notebooks import exercises, line_regions, nbgrader_meta, read_notebook


@dataclass(frozen=True)
class ExerciseProgress:
    """How one exercise stands against its visible tests."""

    name: str
    points: float
    failure: str | None  # the first failing test's message; None when all visible tests pass

    @property
    def passed(self) -> bool:
        """Return whether every visible test of the exercise passes."""
        return self.failure is None


def visible_source(source: str) -> str:
    """Return a test cell's source without its hidden-test region (and the markers)."""
    return "\n".join(line for region, line in line_regions(source) if region == "visible")


def run_visible_test(cell: NotebookNode, namespace: Mapping[str, object]) -> str | None:
    """Run the visible part of one test cell in a copy of ``namespace``; return why it failed.

    What the test prints is kept out of the panel. Returns None when it passed.
    """
    scope = dict(namespace)
    code = compile(visible_source(cell.source), f"<{nbgrader_meta(cell)['grade_id']}>", "exec")
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            exec(code, scope)  # noqa: S102 - the notebook's own visible tests, as the student runs them
        except Exception as error:  # noqa: BLE001 - any failure is the student's to see
            text = one_line(str(error))
            return f"{type(error).__name__}: {text}" if text else type(error).__name__
    return None


def check_progress(nb: NotebookNode, namespace: Mapping[str, object]) -> list[ExerciseProgress]:
    """Run each exercise's visible tests in order and return where each exercise stands.

    An exercise's tests stop at the first that fails: its message is the hint to act on.
    """
    results = []
    for exercise in exercises(nb):
        failure = None
        for index in exercise.test_indices:
            failure = run_visible_test(nb.cells[index], namespace)
            if failure is not None:
                break
        results.append(ExerciseProgress(exercise.name, exercise.points, failure))
    return results


def _summary_html(results: list[ExerciseProgress]) -> str:
    """Return the panel's text: a headline, then a line per exercise."""
    passed = sum(result.passed for result in results)
    rows = []
    for result in results:
        mark, colour = ("\u2714", "#2e7d32") if result.passed else ("\u2718", "#c62828")
        hint = "" if result.passed else f" \u2014 {escape(result.failure or '')}"
        rows.append(
            f"<li><span style='color:{colour}'>{mark}</span> <code>{escape(result.name)}</code>"
            f" ({result.points:g} points){hint}</li>"
        )
    return (
        f"<b>{passed} of {len(results)} exercises pass their visible tests.</b> "
        "Hidden tests check more when your notebook is graded."
        f"<ul style='list-style:none;padding-left:0.5em'>{''.join(rows)}</ul>"
    )


def _notebook_here() -> Path:
    """Return the module's notebook: the one named after the folder the kernel runs in."""
    folder = Path.cwd()
    return folder / f"{folder.name}.ipynb"


def progress_panel(notebook: str | Path | None = None) -> None:
    """Show which exercises pass their visible tests, with a button to check again.

    Save the notebook first (Ctrl+S): the test cells are read from the saved file, the
    functions from the kernel, so run your answer cells before you check.

    Args:
        notebook: the notebook file; by default the module's notebook in the current folder.

    The panel is displayed, not returned: a cell that ends with the call shows it once.
    """
    if os.environ.get("NBGRADER_EXECUTION"):
        print("(the progress panel does not run while nbgrader runs the notebook)")
        return
    from IPython import get_ipython

    path = Path(notebook) if notebook else _notebook_here()
    shell = get_ipython()
    namespace = shell.user_ns if shell is not None else {}
    bar = widgets.IntProgress(min=0, description="Progress:")
    text = widgets.HTML()
    button = widgets.Button(description="Check again", icon="refresh")

    def refresh(_: object = None) -> None:
        results = check_progress(read_notebook(path), namespace)
        bar.max = max(1, len(results))
        bar.value = sum(result.passed for result in results)
        text.value = _summary_html(results)

    button.on_click(refresh)
    refresh()
    panel = widgets.VBox([widgets.HBox([bar, button]), text])
    panel.add_class("course-progress")
    display(panel)
