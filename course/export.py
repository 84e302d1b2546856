"""The grade export: one row per student, one column per module, and the total.

nbgrader's own CSV export writes a row per student and assignment; an LMS grade upload and
most spreadsheets want the wide form. ``nbgrader export`` uses this exporter too, through
``ExportApp.plugin_class`` in course/settings.py.
"""

from __future__ import annotations

import csv
from pathlib import Path

from nbgrader.api import Gradebook
from nbgrader.plugins import ExportPlugin

STUDENT_COLUMNS = ["student_id", "last_name", "first_name", "email"]


def module_score(raw_score: float, late_penalty: float) -> float:
    """Return the score a module counts for: the raw score less the late penalty, never below 0.

    nbgrader's own export computes it the same way.
    """
    return max(0.0, raw_score - late_penalty)


#: A spreadsheet reads a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(text: str | None) -> str:
    """Return text for a CSV cell that a spreadsheet shows as text, never runs as a formula.

    Student ids and names can come from folder names or a roster that students influence;
    a leading ``'`` (OWASP's advice for CSV injection) keeps ``=HYPERLINK(...)`` inert.
    """
    text = text or ""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def _number(value: float) -> str:
    """Write a score as a spreadsheet reads it: ``12`` for whole points, ``12.5`` otherwise."""
    return f"{value:g}" if value == round(value, 6) else f"{value:.6g}"


class ModuleColumnsExport(ExportPlugin):
    """Write ``to`` (default ``grades.csv``) with a row per student and a column per module.

    A module column holds the score after any late penalty (0 for a student who handed in
    nothing, as in nbgrader's export); ``total`` is their sum. Only the students and modules
    named in ``student`` and ``assignment`` are written, when those are given.
    """

    def export(self, gradebook: Gradebook) -> None:
        """Write the CSV file from the gradebook."""
        modules = sorted(
            a.name
            for a in gradebook.assignments
            if not self.assignment or a.name in self.assignment
        )
        students = [s for s in gradebook.students if not self.student or s.id in self.student]
        scores: dict[tuple[str, str], float] = {}
        for module in modules:
            for submission in gradebook.assignment_submissions(module):
                scores[(submission.student.id, module)] = module_score(
                    submission.score, submission.late_submission_penalty
                )
        destination = Path(self.to or "grades.csv")
        with destination.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow([*STUDENT_COLUMNS, *modules, "total"])
            for student in sorted(students, key=lambda s: s.id):
                row = [scores.get((student.id, module), 0.0) for module in modules]
                writer.writerow(
                    [
                        *map(
                            spreadsheet_text,
                            (student.id, student.last_name, student.first_name, student.email),
                        ),
                        *(_number(score) for score in row),
                        _number(sum(row)),
                    ]
                )
