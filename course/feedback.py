"""Feedback pages that show students which checks failed without showing the hidden tests.

nbgrader's ``generate_feedback`` renders the autograded notebook, whose test cells hold their
whole source again (hidden tests included) and whose tracebacks quote it line by line: a
known leak (nbgrader issues #917 and #1363). :class:`HideHiddenTests` runs in its pipeline
(see ``GenerateFeedback.preprocessors`` in course/settings.py) and leaves, in each test cell,
the part students could see in their release, and in place of its outputs one line on the
failed check: the first line of the cell's docstring and the error it raised.
"""

from __future__ import annotations

from nbconvert.exporters.exporter import ResourcesDict
from nbformat import NotebookNode
from nbformat.v4 import new_output
from nbgrader import utils
from nbgrader.preprocessors import ClearHiddenTests

from course.failures import check_label, failure_message


def is_test_cell(cell: NotebookNode) -> bool:
    """Return whether nbgrader grades the cell by running it (an autograder test cell)."""
    return cell.cell_type == "code" and utils.is_grade(cell) and not utils.is_solution(cell)


def failed_check_output(label: str, message: str) -> NotebookNode:
    """Return the output that stands for a failed test cell in its feedback page."""
    check = f"Check failed: {label}" if label else "Check failed"
    return new_output("error", ename="CheckFailed", evalue=message, traceback=[check, message])


class HideHiddenTests(ClearHiddenTests):
    """Show each test cell as students saw it, with its failure told in one line.

    Outputs of a passing test cell are dropped too: hidden code may have printed them.
    """

    def preprocess_cell(
        self, cell: NotebookNode, resources: ResourcesDict, cell_index: int
    ) -> tuple[NotebookNode, ResourcesDict]:
        """Replace a test cell's hidden region and outputs; leave other cells as they are."""
        if not is_test_cell(cell):
            return cell, resources
        message = failure_message(cell)
        self._remove_hidden_test_region(cell)
        label = check_label(cell.source)  # read from what is left: text students saw
        cell.outputs = [] if message is None else [failed_check_output(label, message)]
        return cell, resources
