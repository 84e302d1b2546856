# Wrong: never passes max_line_length on to pycodestyle, so lines are always checked against its
# default of 79 characters.
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
            code = super().error(line_number, offset, text, check)
            if code:
                found.add((line_number, code))
            return code

    style = pycodestyle.StyleGuide(quiet=True)
    pycodestyle.Checker(
        lines=source.splitlines(True), options=style.options, report=Collect(style.options)
    ).check_all()
    return sorted(found)
