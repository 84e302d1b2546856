"""Each release notebook runs in JupyterLab in a real browser, as a student sees it.

One JupyterLab serves a scratch copy of release/ on a loopback port, so running cells never
writes into the repository. Debian's Chromium, driven by Playwright, opens each module's
notebook and runs it as a student would: *Run → Run All Cells*; that run stops at the first cell
that raises (an unanswered exercise's test), so it then runs on from the next cell (*Run → Run
Selected Cell and All Below*) until every cell has run. The tests read what the page shows: the
widgets, the visible tests' messages, any other error, and the browser's own errors. Each module
leaves a screenshot in grader_tests/artifacts/browser-<module>.png.
"""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import nbformat
import pytest
from conftest import JupyterServer
from nbformat import NotebookNode
from test_report import chromium_or_skip

from course.layout import REPO_ROOT, module_ids, release_notebook, source_notebook
from course.notebooks import (
    exercises,
    is_solution_code,
    is_test,
    nbgrader_meta,
    read_notebook,
    solved_copy,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Page

pytestmark = pytest.mark.xdist_group(name="browser")

MODULES = module_ids()
ARTIFACTS = REPO_ROOT / "grader_tests" / "artifacts"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
PROGRESS_TEXT = "pass their visible tests"

#: The widgets each release notebook shows while its exercises are unanswered: the call in the
#: cell's source, and a text its rendered view holds. A widget view in any other cell (but the
#: progress panel's) fails the test, so this table stays complete. 03-planning's Kanban board
#: needs a written KanbanBoard: its release notebook prints a note instead, and
#: test_the_kanban_board_renders_once_the_board_is_written shows the board.
WIDGETS: dict[str, list[tuple[str, str]]] = {
    "02-environments": [("clash_view(", "find_clashes raised NotImplementedError")],
    "04-code-review": [
        ("diff_view(diff)", "src/sensors/prepare.py"),
        ("diff_view(diff, review)", "Write review() in the exercise"),
    ],
    "05-code-quality": [("style_view(", "Write style_problems in Exercise 2")],
    "06-academia-vs-industry": [("curve_explorer(", "Write learning_curve in Exercise 3")],
}
BOARD = [("board_view(", "Write the API spec")]  # the board of 03-planning's solution

#: What ipywidgets' JupyterLab manager shows in place of a view it could not render.
WIDGET_FAILURES = ("Error displaying widget", "Failed to load model", "Failed to create view")

#: Console errors that JupyterLab itself logs on a healthy page, each with why it is harmless.
#: None so far: JupyterLab 4.6 with these extensions logs warnings and debug lines only.
ALLOWED_CONSOLE_ERRORS: list[tuple[re.Pattern[str], str]] = []


@dataclass
class Output:
    """One output of a cell: its kind, from JupyterLab's model of it, and what the page shows."""

    output_type: str  # "stream", "display_data", "execute_result" or "error"
    mimes: list[str]  # the MIME types of its data; "text/stdout" or "text/stderr" for a stream
    error: str  # an error's "Name: message"; "" for other outputs
    text: str  # the text the page shows (a traceback's, or a widget view's children's)
    widget_views: int = 0  # rendered ipywidgets views inside it
    progress_panels: int = 0  # views with the progress panel's CSS class inside it

    @property
    def is_widget(self) -> bool:
        """Return whether it is an ipywidgets view."""
        return WIDGET_MIME in self.mimes


@dataclass
class Cell:
    """A notebook cell as the page shows it, beside the cell as the notebook file holds it."""

    index: int
    saved: NotebookNode  # the cell in the file: its source and nbgrader metadata
    prompt: str  # "[3]:" once run, "[ ]:" never run, "[*]:" queued or running
    outputs: list[Output] = field(default_factory=list)

    @property
    def source(self) -> str:
        """Return the cell's source."""
        return self.saved.source

    @property
    def label(self) -> str:
        """Name the cell in a message: its index and grade id, or its first line."""
        first = next((line for line in self.source.splitlines() if line.strip()), "")
        return f"cell {self.index} ({nbgrader_meta(self.saved).get('grade_id') or first[:60]!r})"

    @property
    def errors(self) -> list[Output]:
        """Return the cell's error outputs."""
        return [output for output in self.outputs if output.output_type == "error"]


@dataclass
class Run:
    """What a notebook showed in the browser after all its cells ran."""

    notebook: NotebookNode
    cells: list[Cell]
    console_errors: list[str]
    page_errors: list[str]
    seconds: float


class JupyterLab(JupyterServer):
    """A JupyterLab server on a loopback port with its own token, settings and workspaces."""

    def __init__(self, folder: Path) -> None:
        """Start a server for ``folder / "lab"``; its settings and log go beside that."""
        settings = folder / "settings" / "@jupyterlab" / "apputils-extension"
        settings.mkdir(parents=True)
        # no news or update checks: they would reach the network and pop a notice over cells
        (settings / "notification.jupyterlab-settings").write_text(
            json.dumps({"fetchNews": "false", "checkForUpdates": False})
        )
        super().__init__(
            "jupyter-lab",
            folder / "lab",
            folder / "server.log",
            f"--LabApp.user_settings_dir={folder / 'settings'}",
            f"--LabApp.workspaces_dir={folder / 'workspaces'}",
            # window.jupyterapp: the test opens notebooks with JupyterLab's own commands
            "--LabApp.expose_app_in_browser=True",
        )

    def lab_url(self, notebook: Path) -> str:
        """Return the URL of JupyterLab opening ``notebook`` (a file under the root)."""
        path = notebook.relative_to(self.root).as_posix()
        # reset: a fresh tab starts from an empty layout, not the last notebook's
        return f"{self.url}/lab/workspaces/course-test/tree/{path}?reset&token={self.token}"

    def shut_down_kernels(self) -> None:
        """Shut down every session's kernel, so that the next notebook has the cores."""
        for session in json.loads(self.request("/api/sessions")):
            self.request(f"/api/sessions/{session['id']}", method="DELETE")


class Tab:
    """The browser tab that JupyterLab runs in, and the errors the browser reported there."""

    def __init__(self, browser: Browser) -> None:
        """Open a blank tab in ``browser`` and listen to its console and JavaScript errors."""
        self.browser = browser
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.page = self._new_page()

    def _new_page(self) -> Page:
        page = self.browser.new_page(viewport={"width": 1280, "height": 1000})
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        return page

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    def reset(self) -> None:
        """Replace the tab with a blank one, whatever state JupyterLab was left in."""
        self.page.close()
        self.page = self._new_page()


# the current notebook's kernel status and its code cells' input prompts, in order:
# "[3]:" once run, "[ ]:" not run (or dropped after an error), "[*]:" queued or running
NOTEBOOK_STATE = """
() => {
  const panel = window.jupyterapp?.shell.currentWidget;
  const prompts = panel?.node.querySelectorAll('.jp-CodeCell .jp-InputArea .jp-InputPrompt');
  return {
    kernel: panel?.sessionContext?.session?.kernel?.status ?? 'none',
    cells: panel?.content?.widgets?.length ?? 0,
    prompts: Array.from(prompts ?? []).map(prompt => prompt.textContent.trim()),
  };
}
"""

# each cell's prompt and outputs: their kinds from JupyterLab's notebook model, their text from
# the page; the notebook's cells are the file's, in order, and each output has one area
READ_CELLS = """
() => window.jupyterapp.shell.currentWidget.content.widgets.map(cell => ({
  prompt: cell.node.querySelector('.jp-InputArea .jp-InputPrompt')?.textContent.trim() ?? '',
  outputs: cell.model.type !== 'code' ? [] : cell.model.outputs.toJSON().map((output, i) => {
    const node = cell.outputArea.widgets[i]?.node;
    return {
      output_type: output.output_type,
      mimes: output.output_type === 'stream'
        ? [`text/${output.name}`] : Object.keys(output.data ?? {}),
      error: output.output_type === 'error' ? `${output.ename}: ${output.evalue}` : '',
      text: node?.textContent ?? '',
      widget_views: node?.querySelectorAll('.jupyter-widgets').length ?? 0,
      progress_panels: node?.querySelectorAll('.course-progress').length ?? 0,
    };
  }),
}))
"""

# true once every widget output holds a rendered view or ipywidgets' note that it failed
WIDGETS_SETTLED = f"""
() => window.jupyterapp.shell.currentWidget.content.widgets.every(cell =>
  cell.model.type !== 'code' || cell.model.outputs.toJSON().every((output, i) =>
    !('{WIDGET_MIME}' in (output.data ?? {{}})) || /jupyter-widgets|Error|Failed/.test(
      cell.outputArea.widgets[i]?.node.innerHTML ?? 'Failed: no output area')))
"""

# Run → Run Selected Cell and All Below, from code cell ``first``, through JupyterLab's command;
# its promise settles once those cells ran, or one raised and the kernel dropped the rest. The
# wait is cut at ``ms`` milliseconds, so that a cell that hangs meets the run's deadline.
RUN_ALL_BELOW = """
async ([first, ms]) => {
  const notebook = window.jupyterapp.shell.currentWidget.content;
  const code = notebook.widgets.filter(cell => cell.model.type === 'code');
  notebook.deselectAll();
  notebook.activeCellIndex = notebook.widgets.indexOf(code[first]);
  const ran = window.jupyterapp.commands.execute('notebook:run-all-below');
  await Promise.race([ran, new Promise(done => setTimeout(done, ms))]);
}
"""

OPEN = "path => window.jupyterapp.commands.execute('docmanager:open', {path})"

# close every document without saving it (closing a changed notebook would ask first)
CLOSE_ALL = "() => Array.from(window.jupyterapp.shell.widgets('main')).forEach(w => w.dispose())"

# scroll cell ``index`` to the top of the notebook and wait until it stays there: the cells
# above it take their real height only as they come into view
SCROLL_TO_CELL = """
async index => {
  const cell = window.jupyterapp.shell.currentWidget.content.widgets[index].node;
  const pause = ms => new Promise(done => setTimeout(done, ms));
  for (let top = NaN, tries = 0; tries < 30; tries++) {
    cell.scrollIntoView({block: 'start'});
    await pause(100);
    const now = cell.getBoundingClientRect().top;
    if (Math.abs(now - top) < 1) break;
    top = now;
  }
  await pause(300);
}
"""


def run_menu(page: Page, command: str) -> None:
    """Choose an item of JupyterLab's Run menu by its command id, as a student clicks it."""
    page.locator(".lm-MenuBar-item", has_text="Run").click()
    page.locator(f'.lm-Menu-item[data-command="{command}"]').click()


def wait_until_settled(page: Page, deadline: float, first: int | None = None) -> list[str]:
    """Wait until no cell is queued or running and the kernel is idle (and cell ``first`` ran).

    Returns:
        the code cells' prompts then.
    """
    while True:
        state = page.evaluate(NOTEBOOK_STATE)
        prompts = state["prompts"]
        started = first is None or prompts[first] not in ("[ ]:", "[*]:")
        if started and "[*]:" not in prompts and state["kernel"] == "idle":
            return prompts
        if time.monotonic() > deadline:
            running = [index for index, prompt in enumerate(prompts) if prompt == "[*]:"]
            raise TimeoutError(f"code cells {running} queued or running; kernel {state['kernel']}")
        time.sleep(0.1)


def run_every_cell(page: Page, deadline: float) -> None:
    """Run all cells from the Run menu, then run on below each cell that raised, until done.

    A run stops at the first cell that raises (the kernel drops the cells queued after it) as
    it does for a student, who then runs on from the next cell; so does this. A request sent
    the moment an error's reply arrives can still be dropped: it is sent again.
    """
    run_menu(page, "runmenu:run-all")
    prompts = wait_until_settled(page, deadline, first=0)
    while "[ ]:" in prompts:
        first = prompts.index("[ ]:")
        for _ in range(5):
            left = max(0.0, deadline - time.monotonic())
            page.evaluate(RUN_ALL_BELOW, [first, int(left * 1000)])
            prompts = wait_until_settled(page, deadline)
            if prompts[first] != "[ ]:":
                break
            time.sleep(0.2)
        else:
            raise RuntimeError(f"the kernel dropped code cell {first} five times")


def open_notebook(lab: JupyterLab, tab: Tab, notebook: Path, cells: int, deadline: float) -> None:
    """Open ``notebook`` (loading JupyterLab first in a blank tab); wait for its kernel.

    Returns once the kernel is idle and all ``cells`` cells are on the page.
    """
    if tab.page.url == "about:blank":
        tab.page.goto(lab.lab_url(notebook))
    else:
        tab.page.evaluate(OPEN, notebook.relative_to(lab.root).as_posix())
    ready = f"""() => {{
      const state = ({NOTEBOOK_STATE})();
      return state.kernel === 'idle' && state.cells === {cells};
    }}"""
    tab.page.wait_for_function(ready, timeout=(deadline - time.monotonic()) * 1000)


def take_screenshot(page: Page, destination: Path, cell: int | None) -> None:
    """Save the window, the file browser folded away, showing ``cell`` at the top."""
    folder_tab = page.locator('.jp-SideBar .lm-TabBar-tab.lm-mod-current[data-id="filebrowser"]')
    if folder_tab.count():
        folder_tab.click()
    if cell is not None:
        page.evaluate(SCROLL_TO_CELL, cell)
    destination.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(destination))


def run_in_browser(
    lab: JupyterLab,
    tab: Tab,
    notebook: Path,
    screenshot: Path | None = None,
    show: Callable[[list[Cell]], int | None] = lambda cells: None,
    seconds: float = 120,
) -> Run:
    """Open ``notebook`` (under the server's root), run every cell, and read the page.

    Args:
        lab: the server.
        tab: the browser tab JupyterLab runs in.
        notebook: the notebook file; its cells give each shown cell's source and metadata.
        screenshot: where to save a picture of the page, if anywhere.
        show: picks the index of the cell that the screenshot shows at its top.
        seconds: the time allowed for opening and running the notebook.

    Returns:
        what the page showed.
    """
    saved = read_notebook(notebook)
    console_start, page_start = len(tab.console_errors), len(tab.page_errors)
    started = time.monotonic()
    deadline = started + seconds
    try:
        open_notebook(lab, tab, notebook, len(saved.cells), deadline)
        run_every_cell(tab.page, deadline)
        tab.page.wait_for_function(WIDGETS_SETTLED, timeout=(deadline - time.monotonic()) * 1000)
        shown = tab.page.evaluate(READ_CELLS)
        assert len(shown) == len(saved.cells), "the page shows the notebook's cells"
        cells = [
            Cell(index, cell, page_cell["prompt"], [Output(**o) for o in page_cell["outputs"]])
            for index, (cell, page_cell) in enumerate(zip(saved.cells, shown, strict=True))
        ]
        if screenshot is not None:
            take_screenshot(tab.page, screenshot, show(cells))
        elapsed = time.monotonic() - started
        tab.page.evaluate(CLOSE_ALL)
    except BaseException:
        if screenshot is not None:  # what the page showed when it went wrong, if it still can
            failed = screenshot.with_name(f"{screenshot.stem}-failed.png")
            with contextlib.suppress(Exception):
                tab.page.screenshot(path=str(failed))
        tab.reset()  # the next notebook starts in a fresh JupyterLab
        raise
    finally:
        # an unreachable server must not hide the failure that is already on its way up
        with contextlib.suppress(OSError):
            lab.shut_down_kernels()
    return Run(
        saved, cells, tab.console_errors[console_start:], tab.page_errors[page_start:], elapsed
    )


# ---- the checks: each returns the problems it finds, so that a test can also see it fail ----


def unexpected_errors(run: Run) -> list[str]:
    """Return each error (or stderr) output that is not a test cell's or an unanswered answer's.

    A test cell may fail (its exercise is unanswered), and an answer cell may raise the
    ``NotImplementedError`` that stands in for the answer; no other cell may show an error or
    write to stderr (a warning there would puzzle a student as much as an error).
    """
    problems = []
    for cell in run.cells:
        if is_test(cell.saved):
            continue
        for output in cell.outputs:
            if "text/stderr" in output.mimes:
                problems.append(f"{cell.label} wrote to stderr: {output.text.strip()[:300]}")
            unanswered = output.error.startswith("NotImplementedError")
            if output.error and not (is_solution_code(cell.saved) and unanswered):
                problems.append(f"{cell.label}: {output.error}")
    return problems


def widget_problems(run: Run, expected: list[tuple[str, str]]) -> list[str]:
    """Return what is wrong with the widgets: failed views, expected ones missing, extra ones.

    Args:
        run: what the page showed.
        expected: for each widget, the call in its cell's source and a text its view shows.
    """
    problems = []
    expected_cells = set()
    for call, text in expected:
        cells = [cell for cell in run.cells if call in cell.source]
        if len(cells) != 1:
            problems.append(f"{len(cells)} cells call {call!r}; expected one")
            continue
        cell = cells[0]
        expected_cells.add(cell.index)
        views = [o for o in cell.outputs if o.is_widget and o.widget_views]
        if not views:
            problems.append(f"{cell.label} shows no widget")
        elif not any(text in view.text for view in views):
            problems.append(f"{cell.label}'s widget does not show {text!r}")
    for cell in run.cells:
        for output in cell.outputs:
            if any(note in output.text for note in WIDGET_FAILURES):
                problems.append(f"{cell.label}: {output.text.strip()[:300]}")
            elif not output.is_widget:
                continue
            elif not output.widget_views:
                problems.append(f"{cell.label}: a widget output with no rendered view")
            elif cell.index not in expected_cells and "progress_panel" not in cell.source:
                problems.append(f"{cell.label} shows a widget that the test does not expect")
    return problems


def helpful_failure_problems(run: Run) -> list[str]:
    """Return why the first exercise's first test would not show a student what to do.

    In an unanswered notebook it must fail, either with a traceback that ends in the answer
    cell's ``raise NotImplementedError()``, or with an assertion message that gives a hint.
    """
    exercise = exercises(run.notebook)[0]
    errors = run.cells[exercise.test_indices[0]].errors
    if not errors:
        return [f"the first test of {exercise.name} shows no error in an unanswered notebook"]
    failure = errors[0]
    if failure.error.startswith("NotImplementedError"):
        if "raise NotImplementedError()" not in failure.text or exercise.name not in failure.text:
            return [f"the traceback does not lead to {exercise.name}: {failure.text[:300]!r}"]
        return []
    if re.match(r"AssertionError: \S", failure.error) and "hint" in failure.error:
        return []
    return [f"the first test of {exercise.name} fails with no hint: {failure.error!r}"]


def progress_problems(run: Run) -> list[str]:
    """Return what is wrong with the progress panel of each cell that calls it."""
    cells = [cell for cell in run.cells if "progress_panel(" in cell.source]
    if not cells:
        return ["no cell calls progress_panel()"]
    problems = []
    for cell in cells:
        panels = [output for output in cell.outputs if output.progress_panels]
        if len(panels) != 1:
            problems.append(f"{cell.label} shows {len(panels)} progress panels; expected one")
        elif PROGRESS_TEXT not in panels[0].text:
            problems.append(f"{cell.label}'s panel lacks {PROGRESS_TEXT!r}: {panels[0].text!r}")
        problems += [f"{cell.label}: {output.error}" for output in cell.errors]
    return problems


def browser_errors(run: Run) -> list[str]:
    """Return the page's JavaScript errors and its console errors that are not allow-listed."""
    allowed = [pattern for pattern, _ in ALLOWED_CONSOLE_ERRORS]
    console = [e for e in run.console_errors if not any(p.search(e) for p in allowed)]
    return [f"page error: {e}" for e in run.page_errors] + [f"console: {e}" for e in console]


def first_cell_calling(cells: list[Cell], widgets: list[tuple[str, str]]) -> int | None:
    """Return the index of the first cell that calls one of ``widgets``, if any does."""
    calls = [call for call, _ in widgets]
    return next((c.index for c in cells if any(call in c.source for call in calls)), None)


def screenshot_cell(module: str) -> Callable[[list[Cell]], int | None]:
    """Pick what a module's screenshot shows: its first widget, else its first failing test."""

    def pick(cells: list[Cell]) -> int | None:
        widget = first_cell_calling(cells, WIDGETS.get(module, []))
        if widget is not None:
            return widget
        return next((cell.index for cell in cells if is_test(cell.saved) and cell.errors), None)

    return pick


# ---- fixtures ----


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[JupyterLab]:
    """A JupyterLab serving a scratch copy of release/; tests add other notebooks beside it."""
    chromium_or_skip()
    folder = tmp_path_factory.mktemp("browser")
    shutil.copytree(REPO_ROOT / "release", folder / "lab")
    server = JupyterLab(folder)
    try:
        server.wait()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def tab(lab: JupyterLab) -> Iterator[Tab]:
    """A tab of Chromium, driven by Playwright, that every test of this file shares."""
    from playwright.sync_api import sync_playwright

    chromium = chromium_or_skip()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium))
        try:
            yield Tab(browser)
        finally:
            browser.close()


@pytest.fixture(scope="module")
def release_run(lab: JupyterLab, tab: Tab) -> Callable[[str], Run]:
    """Run a module's release notebook in the browser once; its tests share what it showed."""
    runs: dict[str, Run | Exception] = {}

    def run(module: str) -> Run:
        if module not in runs:
            try:
                runs[module] = run_in_browser(
                    lab,
                    tab,
                    lab.root / module / f"{module}.ipynb",
                    screenshot=ARTIFACTS / f"browser-{module}.png",
                    show=screenshot_cell(module),
                )
            except Exception as error:
                runs[module] = error  # the module's other tests fail at once, not after a rerun
                raise
            print(f"\n{module}: opened, ran and read in {runs[module].seconds:.1f} s")
        result = runs[module]
        if isinstance(result, Exception):
            pytest.fail(f"the notebook could not be run in the browser: {result!r}")
        return result

    return run


def notebook_beside(lab: JupyterLab, notebook: NotebookNode, folder: str, module: str) -> Path:
    """Write ``notebook`` under the server's root as ``folder/<module>/<module>.ipynb``.

    The module's folder name matters: the progress panel finds its notebook by it.
    """
    path = lab.root / folder / module / f"{module}.ipynb"
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, path)
    return path


# ---- the tests ----


@pytest.mark.parametrize("module", MODULES)
def test_every_cell_runs_and_only_the_unanswered_exercises_fail(
    release_run: Callable[[str], Run], module: str
) -> None:
    run = release_run(module)
    code = [cell for cell in run.cells if cell.saved.cell_type == "code"]
    not_run = [cell.label for cell in code if not re.fullmatch(r"\[\d+\]:", cell.prompt)]
    assert not_run == [], "every code cell ran"
    assert unexpected_errors(run) == [], "only tests and unanswered answer cells may fail"
    assert browser_errors(run) == []


@pytest.mark.parametrize("module", MODULES)
def test_the_widgets_render(release_run: Callable[[str], Run], module: str) -> None:
    assert widget_problems(release_run(module), WIDGETS.get(module, [])) == []


@pytest.mark.parametrize("module", MODULES)
def test_a_failing_visible_test_shows_its_message(
    release_run: Callable[[str], Run], module: str
) -> None:
    assert helpful_failure_problems(release_run(module)) == []


@pytest.mark.parametrize("module", MODULES)
def test_the_progress_panel_renders(release_run: Callable[[str], Run], module: str) -> None:
    assert progress_problems(release_run(module)) == []


def test_the_kanban_board_renders_once_the_board_is_written(lab: JupyterLab, tab: Tab) -> None:
    module = "03-planning"
    answers = solved_copy(
        read_notebook(release_notebook(module)), read_notebook(source_notebook(module)), None
    )  # the student's notebook, answered (the panel refuses the instructor's: hidden tests)
    solved = notebook_beside(lab, answers, "solutions", module)
    shot = ARTIFACTS / f"browser-{module}-solution.png"
    run = run_in_browser(lab, tab, solved, shot, lambda cells: first_cell_calling(cells, BOARD))
    print(f"\n{module} solution: opened, ran and read in {run.seconds:.1f} s")

    errors = [f"{cell.label}: {o.error}" for cell in run.cells for o in cell.errors]
    assert errors == [], "the instructor's notebook runs without an error"
    assert widget_problems(run, BOARD) == []
    assert browser_errors(run) == []
    # the check of a visible test's message fails on a notebook whose tests pass
    assert helpful_failure_problems(run) == [
        "the first test of KanbanBoard shows no error in an unanswered notebook"
    ]
    assert progress_problems(run) == []
    total = len(exercises(run.notebook))
    panel = next(o for c in run.cells for o in c.outputs if o.progress_panels)
    assert f"{total} of {total} exercises pass their visible tests" in panel.text


def test_the_checks_catch_injected_errors(lab: JupyterLab, tab: Tab) -> None:
    module = MODULES[0]
    broken = read_notebook(release_notebook(module))
    first_code = next(i for i, cell in enumerate(broken.cells) if cell.cell_type == "code")
    broken.cells[first_code + 1 : first_code + 1] = [
        nbformat.v4.new_code_cell("1/0"),
        nbformat.v4.new_code_cell(  # a widget view whose model does not exist
            "display({'application/vnd.jupyter.widget-view+json': "
            "{'model_id': 'f' * 32, 'version_major': 2, 'version_minor': 0}}, raw=True)"
        ),
        nbformat.v4.new_code_cell("import sys\n\nprint('an injected warning', file=sys.stderr)"),
        nbformat.v4.new_code_cell(
            "from IPython.display import Javascript\n\n"
            "Javascript(\"console.error('an injected console error'); "
            "setTimeout(() => { throw new Error('an injected page error'); })\")"
        ),
    ]
    panel_cells = [cell for cell in broken.cells if "progress_panel(" in cell.source]
    assert panel_cells, "every module ends with the progress panel"
    for cell in panel_cells:  # a panel that cannot find its notebook shows no panel
        cell.source = cell.source.replace("progress_panel()", "progress_panel('missing.ipynb')")
    run = run_in_browser(lab, tab, notebook_beside(lab, broken, "injected", module))
    print(f"\n{module} with injected errors: opened, ran and read in {run.seconds:.1f} s")

    caught = {
        "errors": unexpected_errors(run),
        "widgets": widget_problems(run, []),
        "missing widget": widget_problems(run, WIDGETS["02-environments"]),
        "browser": browser_errors(run),
        "progress panel": progress_problems(run),
    }
    print("\ncaught:", json.dumps(caught, indent=1))
    injected = first_code + 1
    assert f"cell {injected} ('1/0'): ZeroDivisionError: division by zero" in caught["errors"]
    warning = f"cell {injected + 2} ('import sys') wrote to stderr: an injected warning"
    assert warning in caught["errors"]
    (widget,) = caught["widgets"]
    assert widget.startswith(f"cell {injected + 1} ")
    assert widget.endswith("Error displaying widget: model not found")
    assert caught["missing widget"][0] == "0 cells call 'clash_view('; expected one"
    assert "console: an injected console error" in caught["browser"]
    assert any("page error: an injected page error" in e for e in caught["browser"])
    (panel,) = caught["progress panel"]  # the panel says in one line that it found no notebook
    assert "No progress to show" in panel and "No such file" in panel, panel
