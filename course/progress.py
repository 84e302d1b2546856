"""The progress panel: which exercises of this notebook pass their visible tests so far.

A student runs ``progress_panel()`` near the end of a module. It reads the notebook's test
cells from the saved file (they are locked, so the saved ones are the ones students see), runs
them against the functions the kernel holds now, and shows one line per exercise: passed, or
the first failure's message.

It never runs a hidden test: a notebook with any line holding nbgrader's hidden-test
delimiter (the instructor's copy) is refused, not filtered. It does nothing while nbgrader runs
the notebook (``NBGRADER_EXECUTION`` set), where it would only cost time.
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

from course.failures import error_line, stderr_line
from course.notebooks import exercises, is_test, nbgrader_meta, read_notebook


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


#: nbgrader hides every line that contains this (its ClearHiddenTests delimiter).
_HIDDEN_MARK = "BEGIN HIDDEN TESTS"

#: The failure shown for an exercise whose test cells are gone from the notebook.
NO_TEST = "no visible test found (were its test cells deleted?)"


class HiddenTestsError(ValueError):
    """The notebook holds hidden tests: the panel runs a student's notebook only."""


def visible_source(source: str) -> str:
    """Return a test cell's source, which must hold no hidden-test region.

    Raises:
        HiddenTestsError: a line holds nbgrader's hidden-test delimiter, as in the instructor's
            notebook; the panel refuses rather than guess where the region ends.
    """
    if _HIDDEN_MARK in source:
        raise HiddenTestsError(
            "this notebook holds hidden tests (an instructor's copy?): the progress panel "
            "runs only the notebook students get"
        )
    return source


def run_visible_test(cell: NotebookNode, scope: dict[str, object]) -> str | None:
    """Run one test cell in ``scope``; return why it failed, in one line, or None.

    What the test prints is kept out of the panel, but output on stderr fails it, as it
    does when nbgrader grades the cell.
    """
    code = compile(visible_source(cell.source), f"<{nbgrader_meta(cell)['grade_id']}>", "exec")
    stderr = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(stderr):
        try:
            exec(code, scope)  # noqa: S102 - the notebook's own visible tests, as the student runs them
        except KeyboardInterrupt:
            raise
        except BaseException as error:  # noqa: BLE001 - any failure (SystemExit too) is the student's
            return error_line(type(error).__name__, _text_of(error))
    return stderr_line(stderr.getvalue()) if stderr.getvalue().strip() else None


def _text_of(error: BaseException) -> str:
    """Return an exception's text, even when its ``__str__`` itself fails."""
    try:
        return str(error)
    except Exception:  # noqa: BLE001 - a hostile exception class
        return ""


def check_progress(nb: NotebookNode, namespace: Mapping[str, object]) -> list[ExerciseProgress]:
    """Run every test cell in notebook order and return where each exercise stands.

    The cells share one copy of ``namespace``, as they share the kernel when run from the top
    (a test cell may use what an earlier one defined). An exercise's first failing test gives
    its message; an exercise without test cells does not pass.
    """
    scope = dict(namespace)
    failures: dict[int, str | None] = {}
    for cell in nb.cells:
        if is_test(cell):
            failures[id(cell)] = run_visible_test(cell, scope)
    results = []
    for exercise in exercises(nb):
        found = [failures[id(nb.cells[index])] for index in exercise.test_indices]
        failure = next((f for f in found if f is not None), None) if found else NO_TEST
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
            f" ({result.points:g} point{'' if result.points == 1 else 's'}){hint}</li>"
        )
    return (
        f"<b>{passed} of {len(results)} exercises pass their visible tests.</b> "
        "Hidden tests check more when your notebook is graded."
        f"<ul style='list-style:none;padding-left:0.5em'>{''.join(rows)}</ul>"
    )


def _notebook_here() -> Path:
    """Return the notebook the kernel serves: JupyterLab names it; else the module's own name.

    Jupyter Server gives a notebook's kernel its path in ``JPY_SESSION_NAME``; without it (a
    kernel started otherwise) the notebook named after the current folder is taken, as the
    course's modules are (``03-planning/03-planning.ipynb``).
    """
    session = os.environ.get("JPY_SESSION_NAME", "")
    if session.endswith(".ipynb") and Path(session).is_file():
        return Path(session)
    folder = Path.cwd()
    return folder / f"{folder.name}.ipynb"


def progress_panel(notebook: str | Path | None = None) -> None:
    """Show which exercises pass their visible tests, with a button to check again.

    The test cells are read from the saved notebook and the answers from the kernel, so run
    your answer cells before you check. The panel is displayed, not returned: a cell that ends
    with the call shows it once.

    Args:
        notebook: the notebook file; by default the one this kernel serves.
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
        button.disabled, button.description = True, "Checking\u2026"
        try:
            results = check_progress(read_notebook(path), namespace)
        except (OSError, ValueError, SyntaxError) as error:  # no notebook, hidden tests, a bad one
            bar.value, text.value = 0, f"<b>No progress to show:</b> {escape(str(error))}"
        else:
            bar.max = max(1, len(results))
            bar.value = sum(result.passed for result in results)
            text.value = _summary_html(results)
        finally:
            button.disabled, button.description = False, "Check again"

    button.on_click(refresh)
    refresh()
    panel = widgets.VBox([widgets.HBox([bar, button]), text])
    panel.add_class("course-progress")
    display(panel)
