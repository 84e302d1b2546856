# Wrong: collects the problems in a list, so a code found twice on a line (two commas without a
# space after them, say) is reported twice instead of once.
def style_problems(source, max_line_length=79):
    """Return the PEP 8 problems that pycodestyle finds in a piece of code.

    Args:
        source: Python code, as text.
        max_line_length: the longest line allowed.

    Returns:
        The sorted list of ``(line_number, code)`` pairs.
    """
    found = []

    class Collect(pycodestyle.BaseReport):
        def error(self, line_number, offset, text, check):
            code = super().error(line_number, offset, text, check)
            if code:
                found.append((line_number, code))
            return code

    style = pycodestyle.StyleGuide(quiet=True, max_line_length=max_line_length)
    pycodestyle.Checker(
        lines=source.splitlines(True), options=style.options, report=Collect(style.options)
    ).check_all()
    return sorted(found)
