"""What a graded test cell says to a person: the check it makes, and why it failed.

The feedback pages and the class report both show a failed check by the first line of its
docstring and by the error it raised, never by its source: the source holds hidden tests.
"""

from __future__ import annotations

import ast
import re

from nbformat import NotebookNode

_ANSI_COLOUR = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_DOCSTRING = re.compile(r'^\s*(?:[rR]?)("""|\'\'\')(.*?)\1', re.DOTALL)


def check_label(source: str) -> str:
    """Return the first line of the docstring a test cell opens with ("Check that ...").

    The whole cell is not parsed when a docstring can be read without it, so a cell with
    IPython syntax below its docstring is labelled too. An empty string when there is none.
    """
    match = _DOCSTRING.match(source)
    if match:
        text = match.group(2)
    else:
        try:
            text = ast.get_docstring(ast.parse(source)) or ""
        except SyntaxError:
            return ""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[0] if lines else ""


#: The longest failure message shown; a longer one is cut (a message is a line, not a dump).
MAX_MESSAGE_CHARS = 300

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def one_line(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    """Return the first non-blank line of ``text``, without control characters, cut to ``limit``.

    Failure messages come from code a student wrote: this keeps each to one printable line
    of bounded length wherever it is shown (a terminal, a feedback page, the class report).
    """
    text = _ANSI_COLOUR.sub("", text)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    first = _CONTROL.sub("", lines[0]) if lines else ""
    return first if len(first) <= limit else first[: limit - 1] + "\u2026"


def failure_message(cell: NotebookNode) -> str | None:
    """Return why an executed test cell failed, in the words of its error; None if it passed.

    nbgrader scores a test cell zero when it raised an error or wrote to stderr. The message
    is the exception's type and the first line of its text (``AssertionError: expected 3 ...``,
    see :func:`one_line`), without the traceback, whose lines would quote the cell's hidden
    source.
    """
    outputs = cell.get("outputs", [])
    for output in outputs:
        if output.get("output_type") == "error":
            return error_line(output.get("ename", ""), output.get("evalue", ""))
    for output in outputs:
        if output.get("output_type") == "stream" and output.get("name") == "stderr":
            return stderr_line(output.get("text", ""))
    return None


def error_line(name: str, text: str) -> str:
    """Say an error in one line: ``AssertionError: expected 3 ...``, or its name alone."""
    name = one_line(name or "", 100) or "Error"
    value = one_line(text or "")
    return f"{name}: {value}" if value else name


def stderr_line(text: str) -> str:
    """Say in one line that a test wrote to stderr (nbgrader scores that cell zero), and what."""
    first = one_line(text)
    return f"wrote to stderr: {first}" if first else "wrote to stderr"
