# Wrong: the report keeps the code of every problem pycodestyle checks, without looking at what
# BaseReport.error returns, so it also reports the codes pycodestyle ignores by default (E226
# missing white space around an arithmetic operator, W503, ...).
def style_problems(source, max_line_length=79):
    """Return the PEP 8 problems that pycodestyle finds in a piece of code.

    Args:
        source: Python code, as text.
        max_line_length: the longest line allowed.

    Returns:
        The sorted list of distinct ``(line_number, code)`` pairs.
    """
    found = set()

    class Collect(pycodestyle.BaseReport):
        def error(self, line_number, offset, text, check):
            found.add((line_number, text[:4]))
            return super().error(line_number, offset, text, check)

    style = pycodestyle.StyleGuide(quiet=True, max_line_length=max_line_length)
    pycodestyle.Checker(
        lines=source.splitlines(True), options=style.options, report=Collect(style.options)
    ).check_all()
    return sorted(found)
