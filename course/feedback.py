"""Feedback pages that show students which checks failed without showing the hidden tests.

nbgrader's ``generate_feedback`` renders the autograded notebook, whose test cells hold their
whole source again (hidden tests included) and whose tracebacks quote it line by line: a
known leak (nbgrader issues #917 and #1363). :class:`HideHiddenTests` runs in its pipeline
(see ``GenerateFeedback.preprocessors`` in course/settings.py) and leaves, in each test cell,
the part students could see in their release, and in place of its outputs one line on the
failed check: the first line of the cell's docstring and the error it raised.

The outputs of the other code cells are dropped as well. They were made while the notebook
was graded, by the student's code, which can read what ran before it (IPython keeps every
executed cell in ``In``) and so print the hidden tests; the student has those outputs in
their own notebook anyway. For the same reason an error message that quotes a line of a
hidden test is withheld.
"""

from __future__ import annotations

import re

from nbconvert.exporters.exporter import ResourcesDict
from nbformat import NotebookNode
from nbformat.v4 import new_output
from nbgrader import utils
from nbgrader.preprocessors import ClearHiddenTests

from course.failures import check_label, failure_message
from course.notebooks import line_regions

#: A hidden line shorter than this (``else:``, ``ValueError,``) also turns up in honest
#: messages, so a message that holds it is not taken to quote the hidden tests.
_QUOTED_LINE_CHARS = 20
_WORD = re.compile(r"\w")


def _quotable(line: str) -> bool:
    """Return whether a hidden line is distinctive enough to withhold a message that quotes it."""
    return len(line.strip()) >= _QUOTED_LINE_CHARS and bool(_WORD.search(line))


def is_test_cell(cell: NotebookNode) -> bool:
    """Return whether nbgrader grades the cell by running it (an autograder test cell)."""
    return cell.cell_type == "code" and utils.is_grade(cell) and not utils.is_solution(cell)


def failed_check_output(label: str, message: str) -> NotebookNode:
    """Return the output that stands for a failed test cell in its feedback page."""
    check = f"Check failed: {label}" if label else "Check failed"
    return new_output("error", ename="CheckFailed", evalue=message, traceback=[check, message])


class HideHiddenTests(ClearHiddenTests):
    """Show each test cell as students saw it, with its failure told in one line.

    Outputs of a passing test cell are dropped too (hidden code may have printed them), and
    so are the outputs of every other code cell (see the module's docstring).
    """

    def preprocess(
        self, nb: NotebookNode, resources: ResourcesDict
    ) -> tuple[NotebookNode, ResourcesDict]:
        """Note the hidden lines of every test cell, then rewrite the cells one by one."""
        self._hidden_lines = {
            line.strip()
            for cell in nb.cells
            if is_test_cell(cell)
            for region, line in line_regions(cell.source)
            if region == "hidden" and _quotable(line)
        }
        return super().preprocess(nb, resources)

    def preprocess_cell(
        self, cell: NotebookNode, resources: ResourcesDict, cell_index: int
    ) -> tuple[NotebookNode, ResourcesDict]:
        """Rewrite a test cell, drop the outputs of other code cells, leave the rest."""
        if cell.cell_type != "code":
            return cell, resources
        if not is_test_cell(cell):
            cell.outputs = []
            return cell, resources
        message = failure_message(cell)
        self._remove_hidden_test_region(cell)
        label = check_label(cell.source)  # read from what is left: text students saw
        if message is not None and any(line in message for line in self._hidden_lines):
            message = message.split(":", 1)[0] + " (its message quoted the hidden tests)"
        cell.outputs = [] if message is None else [failed_check_output(label, message)]
        return cell, resources
