# Correct, written another way: writes the code to a temporary file and checks it with
# StyleGuide.check_files, collecting the problems with a report class given to init_report.
import tempfile


class ProblemCollector(pycodestyle.BaseReport):
    """A report that keeps the (line, code) pair of each problem instead of printing it."""

    def init_file(self, filename, lines, expected, line_offset):
        self.problems = set()
        return super().init_file(filename, lines, expected, line_offset)

    def error(self, line_number, offset, text, check):
        code = super().error(line_number, offset, text, check)
        if code is not None:
            self.problems.add((line_number, code))
        return code


def style_problems(source, max_line_length=79):
    """Return the PEP 8 problems that pycodestyle finds in a piece of code.

    Args:
        source: Python code, as text.
        max_line_length: the longest line allowed.

    Returns:
        The sorted list of distinct ``(line_number, code)`` pairs, such as ``(3, "E225")``.
    """
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "snippet.py"
        path.write_text(source, encoding="utf-8")
        guide = pycodestyle.StyleGuide(max_line_length=max_line_length, quiet=True)
        report = guide.init_report(ProblemCollector)
        guide.check_files([str(path)])
    return sorted(report.problems)
