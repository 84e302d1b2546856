"""A widget for the lesson on clashing package requirements.

The widget only *shows* clashes: it asks the student's own ``find_clashes`` function which
packages clash and which versions satisfy each project, and renders that answer. Nothing in
this file decides whether a version satisfies a requirement.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from typing import Any

import ipywidgets
from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

#: The shape of a ``find_clashes`` answer: canonical name -> (versions for A, versions for B).
ClashResult = dict[str, tuple[list[str], list[str]]]

#: The signature of the student's ``find_clashes`` function.
FindClashes = Callable[[list[str], list[str], dict[str, list[str]]], ClashResult]

EXPECTED_SHAPE = (
    "a dict mapping each clashing package's canonical name (a str) to a pair "
    "(versions_a, versions_b), each a list of version strings"
)

_CLASH_STYLE = "background-color: #fde2e2;"
_CELL_STYLE = "padding: 4px 8px; vertical-align: top; border: 1px solid #ddd;"
_NOTE_STYLE = "font-size: 0.9em; color: #555;"


def _parse_line(line: str) -> dict[str, Any]:
    """Split one requirement line into display fields, without judging any version."""
    try:
        requirement = Requirement(line)
    except InvalidRequirement:
        return {"line": line, "name": None, "extras": [], "specifier": "", "marker": ""}
    return {
        "line": line,
        "name": canonicalize_name(requirement.name),
        "extras": sorted(requirement.extras),
        "specifier": str(requirement.specifier),
        "marker": str(requirement.marker) if requirement.marker is not None else "",
    }


def result_problem(result: object) -> str | None:
    """Return what is wrong with the shape of a ``find_clashes`` answer, or None if nothing is.

    Args:
        result: Whatever ``find_clashes`` returned.

    Returns:
        A sentence naming the first problem found, or None when the shape is as expected.
    """
    if not isinstance(result, Mapping):
        return f"find_clashes returned a {type(result).__name__}; expected {EXPECTED_SHAPE}."
    for name, pair in result.items():
        if not isinstance(name, str):
            return f"The key {name!r} is not a str; expected {EXPECTED_SHAPE}."
        if name != canonicalize_name(name):
            return (
                f"The key {name!r} is not a canonical name (expected "
                f"{canonicalize_name(name)!r}); expected {EXPECTED_SHAPE}."
            )
        if not isinstance(pair, tuple | list) or len(pair) != 2:
            return f"The value for {name!r} is {pair!r}, not a pair; expected {EXPECTED_SHAPE}."
        for versions in pair:
            if not isinstance(versions, list | tuple) or not all(
                isinstance(version, str) for version in versions
            ):
                return (
                    f"The value for {name!r} holds {versions!r}, not a list of version "
                    f"strings; expected {EXPECTED_SHAPE}."
                )
    return None


def clash_rows(
    requirements_a: list[str], requirements_b: list[str], result: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """Build the rows the widget renders, one per requirement line of each project.

    Blank lines and comment lines are skipped. A line that cannot be parsed keeps its raw text
    and a ``name`` of None, so it is never highlighted.

    Args:
        requirements_a: Requirement lines of the first project.
        requirements_b: Requirement lines of the second project.
        result: A well-shaped ``find_clashes`` answer (see ``result_problem``).

    Returns:
        Dicts with keys ``side`` (0 or 1), ``line``, ``name`` (canonical, or None),
        ``extras``, ``specifier``, ``marker``, ``clash`` (bool) and ``versions`` (that
        side's satisfying versions from the result when ``clash`` is true, else None).
    """
    rows = []
    for side, lines in enumerate((requirements_a, requirements_b)):
        for line in lines:
            if not line.strip() or line.strip().startswith("#"):
                continue
            row = _parse_line(line.strip())
            row["side"] = side
            row["clash"] = row["name"] is not None and row["name"] in result
            row["versions"] = [str(v) for v in result[row["name"]][side]] if row["clash"] else None
            rows.append(row)
    return rows


def clash_summary(result: Mapping[str, Any]) -> str:
    """Return the one-line summary shown under the table.

    Args:
        result: A well-shaped ``find_clashes`` answer.

    Returns:
        ``"N clash(es): name1, name2"``, or the no-clash sentence when the result is empty.
    """
    if not result:
        return "No clashes: one environment can serve both projects."
    names = sorted(result)
    noun = "clash" if len(names) == 1 else "clashes"
    return f"{len(names)} {noun}: {', '.join(names)}"


def _cell_html(row: dict[str, Any] | None) -> str:
    """Render one table cell for a row, or an empty cell when that side has no more rows."""
    if row is None:
        return f'<td style="{_CELL_STYLE}"></td>'
    if row["name"] is None:
        text = f"<code>{html.escape(row['line'])}</code> <em>(not a valid requirement)</em>"
    else:
        extras = f"[{','.join(row['extras'])}]" if row["extras"] else ""
        text = f"<code>{html.escape(row['name'] + extras + row['specifier'])}</code>"
        if row["marker"]:
            text += f' <span style="{_NOTE_STYLE}">; {html.escape(row["marker"])}</span>'
    style = _CELL_STYLE
    if row["clash"]:
        style += " " + _CLASH_STYLE
        versions = ", ".join(row["versions"]) or "no available version"
        text += f'<br><span style="{_NOTE_STYLE}">satisfied by: {html.escape(versions)}</span>'
    return f'<td class="{"clash" if row["clash"] else "ok"}" style="{style}">{text}</td>'


def clash_table_html(
    requirements_a: list[str],
    requirements_b: list[str],
    result: Mapping[str, Any],
    names: tuple[str, str] = ("project A", "project B"),
) -> str:
    """Render the two-column table and the summary line as HTML.

    Args:
        requirements_a: Requirement lines of the first project.
        requirements_b: Requirement lines of the second project.
        result: A well-shaped ``find_clashes`` answer.
        names: Column headings for the two projects.

    Returns:
        An HTML fragment with every piece of text escaped.
    """
    rows = clash_rows(requirements_a, requirements_b, result)
    columns = [[row for row in rows if row["side"] == side] for side in (0, 1)]
    height = max(len(columns[0]), len(columns[1]))
    padded = [column + [None] * (height - len(column)) for column in columns]
    head = "".join(f'<th style="{_CELL_STYLE}">{html.escape(name)}</th>' for name in names)
    body = "".join(
        f"<tr>{_cell_html(left)}{_cell_html(right)}</tr>"
        for left, right in zip(*padded, strict=True)
    )
    summary = html.escape(clash_summary(result))
    return (
        f'<table style="border-collapse: collapse;"><tr>{head}</tr>{body}</table>'
        f'<p class="summary"><strong>{summary}</strong></p>'
    )


def _message_html(text: str) -> str:
    """Render a friendly notice in place of the table."""
    return (
        '<div class="message" style="padding: 8px; border-left: 4px solid #e0a800; '
        f'background-color: #fff8e1;">{html.escape(text)}</div>'
    )


def clash_html(
    requirements_a: list[str],
    requirements_b: list[str],
    available: dict[str, list[str]],
    find_clashes: FindClashes,
    names: tuple[str, str] = ("project A", "project B"),
) -> str:
    """Return the HTML the widget shows: the clash table, or a message if ``find_clashes`` fails.

    The clashes come only from ``find_clashes``; if it raises or returns a wrong shape, the
    result is a short message instead of a traceback.
    """
    try:
        result = find_clashes(list(requirements_a), list(requirements_b), available)
    except Exception as error:  # any failure of student code becomes a message
        detail = f": {error}" if str(error) else ""
        return _message_html(
            f"find_clashes raised {type(error).__name__}{detail}. "
            "Finish or fix the function, then run this cell again."
        )
    problem = result_problem(result)
    if problem is not None:
        return _message_html(problem)
    return clash_table_html(requirements_a, requirements_b, result, names)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def clash_view(
    requirements_a: list[str],
    requirements_b: list[str],
    available: dict[str, list[str]],
    find_clashes: FindClashes,
    names: tuple[str, str] = ("project A", "project B"),
) -> ipywidgets.Widget:
    """Show two projects' requirements side by side, highlighting the ones that clash.

    Two text boxes hold the requirement lines, one per project; editing either one asks
    ``find_clashes`` again and redraws the table, so a student can try what changes a clash.

    Args:
        requirements_a: PEP 508 requirement lines of the first project.
        requirements_b: PEP 508 requirement lines of the second project.
        available: Available versions per package, passed unchanged to ``find_clashes``.
        find_clashes: The student's function returning ``{name: (versions_a, versions_b)}``.
        names: Column headings for the two projects.

    Returns:
        A ``VBox``: the two text boxes side by side, then the table (an ``HTML`` widget).
    """
    boxes = [
        ipywidgets.Textarea(
            value="\n".join(lines),
            description=name,
            layout=ipywidgets.Layout(width="48%", height="8em"),
            style={"description_width": "initial"},
        )
        for lines, name in zip((requirements_a, requirements_b), names, strict=True)
    ]
    table = ipywidgets.HTML()

    def redraw(_change: object = None) -> None:
        table.value = clash_html(
            _lines(boxes[0].value), _lines(boxes[1].value), available, find_clashes, names
        )

    for box in boxes:
        box.observe(redraw, names="value")
    redraw()
    return ipywidgets.VBox([ipywidgets.HBox(boxes), table])
