# Wrong: returns the source unchanged when ruff fails, so code that does not parse comes back as
# if it had been formatted, and the caller never learns why.
def format_code(source, line_length=88):
    """Return ``source`` formatted by ``ruff format`` with its default settings.

    Args:
        source: Python code, as text.
        line_length: the line length the formatter aims for.

    Returns:
        The formatted code.

    Raises:
        ValueError: if ruff cannot format the code.
    """
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--isolated", f"--line-length={line_length}", "-"],
        input=source,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        return source
    return result.stdout
