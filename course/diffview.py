"""A pull request's diff as a reviewable view, with review findings beside the lines.

The view only *shows* findings: it takes the student's own ``review`` function (or a list of
findings) and places each ``(file, line, category)`` beside the line of the new version that it
names. Nothing here decides whether a line has a defect.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Callable, Iterable

import ipywidgets
from unidiff import PatchedFile, PatchSet
from unidiff.errors import UnidiffParseError

from course.review import CATEGORIES

Finding = tuple[str, int, str]
Review = Callable[[str], Iterable[Finding]]

_TABLE = "border-collapse: collapse; font-family: monospace; font-size: 12px; width: 100%;"
_FILE = "background: #f0f3f6; font-weight: bold; padding: 6px 8px; border-top: 1px solid #ccc;"
_HUNK = "background: #eef4ff; color: #57606a;"
_ADDED = "background: #e6ffec;"
_REMOVED = "background: #ffebe9;"
_NUMBER = "color: #8c959f; text-align: right; padding: 0 6px; user-select: none; width: 3em;"
_CODE = "white-space: pre; padding: 0 6px;"
_FINDING = (
    "display: inline-block; background: #fff8c5; border: 1px solid #d4a72c; border-radius: 8px;"
    " padding: 0 6px; margin-right: 4px; font-family: sans-serif;"
)
_UNKNOWN = _FINDING.replace("#fff8c5", "#ffd8d3").replace("#d4a72c", "#cf222e")


def _badges(categories: Iterable[str]) -> str:
    badges = []
    for category in sorted(categories):
        known = category in CATEGORIES
        hint = CATEGORIES.get(category, "not one of course.review.CATEGORIES")
        badges.append(
            f'<span style="{_FINDING if known else _UNKNOWN}" title="{html.escape(hint)}">'
            f"{html.escape(category)}</span>"
        )
    return "".join(badges)


def _row(old: object, new: object, sign: str, text: str, style: str, notes: str) -> str:
    cells = [
        f'<td style="{_NUMBER}">{old or ""}</td>',
        f'<td style="{_NUMBER}">{new or ""}</td>',
        f'<td style="{_CODE}">{html.escape(sign + text)}</td>',
        f'<td style="padding: 0 6px;">{notes}</td>',
    ]
    return f'<tr style="{style}">{"".join(cells)}</tr>'


def _file_kind(patched: PatchedFile) -> str:
    """Describe what the diff does to a file, as the header beside its name."""
    if patched.is_added_file:
        return "new file"
    if patched.is_removed_file:
        return "deleted"
    if patched.is_rename:
        return f"renamed from {patched.source_file.removeprefix('a/')}"
    if patched.is_binary_file:
        return "binary"
    return f"+{patched.added} −{patched.removed}"


def render_diff(diff_text: str, findings: Iterable[Finding] = ()) -> str:
    """Return HTML showing the diff file by file, with each finding beside its line.

    Args:
        diff_text: a unified diff as ``git diff`` prints it.
        findings: ``(file, line, category)`` tuples; line 0 stands for the whole file and shows
            beside the file's name.

    Returns:
        An HTML table. Findings that point at no line shown in the diff are listed under it, so
        that a wrong line number is easy to spot.
    """
    try:
        patch = PatchSet(diff_text)
    except UnidiffParseError as error:
        return f"<p>This is not a unified diff: {html.escape(str(error))}</p>"
    placed: dict[tuple[str, int], set[str]] = defaultdict(set)
    for finding in findings:
        file, line, category = finding
        placed[(file, line)].add(category)
    shown: set[tuple[str, int]] = set()
    rows: list[str] = []
    for patched in patch:
        kind = _file_kind(patched)
        shown.add((patched.path, 0))
        notes = _badges(placed.get((patched.path, 0), ()))
        rows.append(
            f'<tr><td colspan="3" style="{_FILE}">{html.escape(patched.path)}'
            f' <span style="font-weight: normal; color: #57606a;">({html.escape(kind)})</span>'
            f'</td><td style="{_FILE}">{notes}</td></tr>'
        )
        for hunk in patched:
            header = f"@@ -{hunk.source_start},{hunk.source_length} "
            header += f"+{hunk.target_start},{hunk.target_length} @@ {hunk.section_header}"
            rows.append(_row("", "", "", header, _HUNK, ""))
            for line in hunk:
                text = line.value.rstrip("\n")
                if line.is_added:
                    style, sign = _ADDED, "+"
                elif line.is_removed:
                    style, sign = _REMOVED, "-"
                else:
                    style, sign = "", " "
                key = (patched.path, line.target_line_no or -1)
                shown.add(key)
                notes = _badges(placed.get(key, ()))
                rows.append(
                    _row(line.source_line_no, line.target_line_no, sign, text, style, notes)
                )
    stray = sorted((key, sorted(cats)) for key, cats in placed.items() if key not in shown)
    extra = ""
    if stray:
        items = "".join(
            f"<li>{html.escape(file)} line {line}: {_badges(cats)}</li>"
            for (file, line), cats in stray
        )
        extra = f"<p>Findings on lines this diff does not show:</p><ul>{items}</ul>"
    return f'<table style="{_TABLE}">{"".join(rows)}</table>{extra}'


def diff_view(diff_text: str, review: Review | None = None) -> ipywidgets.HTML:
    """Return a widget showing the diff, with the findings of ``review(diff_text)`` if given.

    A ``review`` that is not written yet (it raises ``NotImplementedError``) or that fails shows
    the plain diff with a note saying why its findings are missing.
    """
    note = ""
    findings: list[Finding] = []
    if review is not None:
        try:
            findings = [tuple(finding) for finding in review(diff_text)]  # type: ignore[misc]
            bad = [f for f in findings if len(f) != 3]
            if bad:
                note = f"Each finding must be (file, line, category); got {bad[0]!r}."
                findings = [f for f in findings if len(f) == 3]
            else:
                note = f"{len(findings)} findings from your review."
        except NotImplementedError:
            note = "Write review() in the exercise, then run this cell again to see its findings."
        except Exception as error:  # noqa: BLE001 - show the student's error instead of failing
            note = f"review() raised {type(error).__name__}: {error}"
    body = render_diff(diff_text, findings)
    return ipywidgets.HTML(f'<p style="font-family: sans-serif;">{html.escape(note)}</p>{body}')
