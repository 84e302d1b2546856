"""A playground for the code-quality lesson: type code, see its PEP 8 problems and its formatting.

The widget only *shows* results: it calls the student's own ``style_problems`` and
``format_code`` functions and renders what they return. Nothing here checks style or formats code.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import ipywidgets

StyleProblems = Callable[[str], list[tuple[int, str]]]
FormatCode = Callable[[str], str]

_PRE = "font-family: monospace; font-size: 12px; white-space: pre; margin: 0;"
_CELL = "padding: 2px 8px; border-bottom: 1px solid #eee; vertical-align: top;"


def _raised(function: str, error: Exception) -> str:
    """Say, as HTML, that the student's function raised ``error``."""
    return (
        f"<p>{function} raised {html.escape(type(error).__name__)}: {html.escape(str(error))}</p>"
    )


def _problems_html(source: str, style_problems: StyleProblems) -> str:
    """Render the student's style problems as a table of line, code and the line's text."""
    try:
        problems = list(style_problems(source))
    except NotImplementedError:
        return "<p>Write <code>style_problems</code> in Exercise 2 to see the problems here.</p>"
    except Exception as error:  # noqa: BLE001 - show the student's error instead of failing
        return _raised("style_problems", error)
    if not problems:
        return "<p>No problems reported.</p>"
    lines = source.splitlines()
    rows = []
    for problem in problems:
        try:
            number, code = problem
            text = lines[number - 1] if 0 < number <= len(lines) else ""
        except (TypeError, ValueError):
            shown = html.escape(repr(problem))
            rows.append(f'<tr><td style="{_CELL}" colspan="3">not (line, code): {shown}</td></tr>')
            continue
        rows.append(
            f'<tr><td style="{_CELL}">{html.escape(str(number))}</td>'
            f'<td style="{_CELL}"><b>{html.escape(str(code))}</b></td>'
            f'<td style="{_CELL}"><pre style="{_PRE}">{html.escape(text)}</pre></td></tr>'
        )
    return f"<table>{''.join(rows)}</table>"


def _formatted_html(source: str, format_code: FormatCode) -> str:
    """Render the student's formatted version of the code, or why there is none."""
    try:
        formatted = format_code(source)
    except NotImplementedError:
        return (
            "<p>Write <code>format_code</code> in Exercise 3 to see the formatted code here.</p>"
        )
    except ValueError as error:
        return f"<p>The formatter refused: {html.escape(str(error))}</p>"
    except Exception as error:  # noqa: BLE001 - show the student's error instead of failing
        return _raised("format_code", error)
    return f'<pre style="{_PRE}">{html.escape(str(formatted))}</pre>'


class StyleView(ipywidgets.VBox):
    """A code box, and beside it what the student's checker and formatter make of the code."""

    def __init__(
        self, style_problems: StyleProblems, format_code: FormatCode, source: str
    ) -> None:
        """Build the view; see :func:`style_view`."""
        self._style_problems, self._format_code = style_problems, format_code
        self.code = ipywidgets.Textarea(
            value=source,
            rows=12,
            continuous_update=False,
            layout=ipywidgets.Layout(width="100%"),
        )
        self.problems = ipywidgets.HTML()
        self.formatted = ipywidgets.HTML()
        self.code.observe(self._refresh, names="value")
        self._refresh()
        columns = ipywidgets.HBox(
            [
                ipywidgets.VBox([ipywidgets.HTML("<b>pycodestyle says</b>"), self.problems]),
                ipywidgets.VBox([ipywidgets.HTML("<b>ruff format makes it</b>"), self.formatted]),
            ]
        )
        super().__init__([self.code, columns])

    def _refresh(self, change: object = None) -> None:
        source = self.code.value
        self.problems.value = _problems_html(source, self._style_problems)
        self.formatted.value = _formatted_html(source, self._format_code)


def style_view(style_problems: StyleProblems, format_code: FormatCode, source: str) -> StyleView:
    """Return a playground that shows ``style_problems(code)`` and ``format_code(code)``.

    Args:
        style_problems: the student's checker: code -> sorted ``(line, code)`` pairs.
        format_code: the student's formatter: code -> formatted code (``ValueError`` if it
            cannot format it).
        source: the code the box starts with; edit it and the two views follow.
    """
    return StyleView(style_problems, format_code, source)
