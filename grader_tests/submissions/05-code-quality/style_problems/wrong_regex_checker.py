# Wrong: a hand-rolled checker that only looks for long lines (E501) and trailing white space
# (W291) instead of asking pycodestyle, so it misses every other code.
def style_problems(source, max_line_length=79):
    """Return the PEP 8 problems found in a piece of code.

    Args:
        source: Python code, as text.
        max_line_length: the longest line allowed.

    Returns:
        The sorted list of distinct ``(line_number, code)`` pairs.
    """
    import re

    found = set()
    for number, line in enumerate(source.splitlines(), start=1):
        if len(line) > max_line_length:
            found.add((number, "E501"))
        if re.search(r"[ \t]+$", line):
            found.add((number, "W291"))
    return sorted(found)
