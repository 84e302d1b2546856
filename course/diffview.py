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
from unidiff.constants import LINE_TYPE_NO_NEWLINE
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


def _row(old: int | None, new: int | None, sign: str, text: str, style: str, notes: str) -> str:
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
    counts = f"+{patched.added} −{patched.removed}"
    if patched.is_rename:
        return f"renamed from {patched.source_file.removeprefix('a/')}, {counts}"
    if patched.is_binary_file:
        return "binary"
    return counts


def render_diff(
    diff_text: str, findings: Iterable[Finding] = (), only_file: str | None = None
) -> str:
    """Return HTML showing the diff file by file, with each finding beside its line.

    Args:
        diff_text: a unified diff as ``git diff`` prints it.
        findings: ``(file, line, category)`` tuples; line 0 stands for the whole file and shows
            beside the file's name.
        only_file: show only this file (its path in the new version), or every file if None.

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
        if only_file is not None and patched.path != only_file:
            continue
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
            rows.append(_row(None, None, "", header, _HUNK, ""))
            for line in hunk:
                text = line.value.rstrip("\n")
                if line.line_type == LINE_TYPE_NO_NEWLINE:
                    rows.append(_row(None, None, line.line_type, text, _HUNK, ""))
                    continue
                style = _ADDED if line.is_added else _REMOVED if line.is_removed else ""
                notes = ""
                if line.target_line_no is not None:  # removed lines have no new line number
                    shown.add((patched.path, line.target_line_no))
                    notes = _badges(placed.get((patched.path, line.target_line_no), ()))
                rows.append(
                    _row(
                        line.source_line_no,
                        line.target_line_no,
                        line.line_type,
                        text,
                        style,
                        notes,
                    )
                )
    stray = sorted(
        (key, sorted(cats))
        for key, cats in placed.items()
        if key not in shown and (only_file is None or key[0] == only_file)
    )
    extra = ""
    if stray:
        items = "".join(
            f"<li>{html.escape(file)} line {line}: {_badges(cats)}</li>"
            for (file, line), cats in stray
        )
        extra = f"<p>Findings on lines this diff does not show:</p><ul>{items}</ul>"
    return f'<table style="{_TABLE}">{"".join(rows)}</table>{extra}'


def finding_problem(finding: object) -> str | None:
    """Return why ``finding`` is not a ``(file, line, category)`` triple, or None if it is one."""
    if not isinstance(finding, (tuple, list)) or len(finding) != 3:
        return f"each finding must be (file, line, category), got {finding!r}"
    file, line, category = finding
    if not isinstance(file, str) or not isinstance(category, str):
        return f"file and category must be strings, got {finding!r}"
    if not isinstance(line, int) or isinstance(line, bool) or line < 0:
        return f"line must be a whole number, 0 or more, got {finding!r}"
    return None


def _run_review(diff_text: str, review: Review) -> tuple[list[Finding], str]:
    """Run the student's review; return the usable findings and a note for the student."""
    try:
        returned = review(diff_text)
    except NotImplementedError:
        return [], "Write review() in the exercise, then run this cell again to see its findings."
    except Exception as error:  # noqa: BLE001 - show the student's error instead of failing
        return [], f"review() raised {type(error).__name__}: {error}"
    try:
        given = list(returned)
    except TypeError:
        return [], f"review() must return a list of findings, not {type(returned).__name__}."
    problems = [problem for problem in map(finding_problem, given) if problem]
    findings: list[Finding] = [(f[0], f[1], f[2]) for f in given if finding_problem(f) is None]
    note = f"{len(findings)} findings from your review."
    if problems:
        note += f" {len(problems)} could not be shown: {problems[0]}."
    return findings, note


class DiffView(ipywidgets.VBox):
    """A diff with findings beside its lines, and a menu to show one file or all of them."""

    def __init__(self, diff_text: str, findings: list[Finding], note: str) -> None:
        """Build the view; see :func:`diff_view`."""
        try:
            paths = [patched.path for patched in PatchSet(diff_text)]
        except UnidiffParseError:
            paths = []
        self.diff_text, self.findings = diff_text, findings
        self.note = ipywidgets.HTML(f'<p style="font-family: sans-serif;">{html.escape(note)}</p>')
        self.files = ipywidgets.Dropdown(  # "" for all: a None value shows a blank menu
            options=[("all files", "")] + [(path, path) for path in paths],
            value="",
            description="Show:",
        )
        self.body = ipywidgets.HTML(render_diff(diff_text, findings))
        self.files.observe(self._show_file, names="value")
        super().__init__([self.note, self.files, self.body])

    def _show_file(self, change: dict[str, object]) -> None:
        only = change["new"]
        self.body.value = render_diff(self.diff_text, self.findings, str(only or "") or None)


def diff_view(diff_text: str, review: Review | None = None) -> DiffView:
    """Return a widget showing the diff, with the findings of ``review(diff_text)`` if given.

    A ``review`` that is not written yet (it raises ``NotImplementedError``), that fails, or that
    returns findings of the wrong shape shows the diff with a note saying what went wrong.
    """
    findings, note = _run_review(diff_text, review) if review is not None else ([], "")
    return DiffView(diff_text, findings, note)
