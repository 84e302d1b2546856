# Wrong: never passes line_length on to ruff, so the code is always formatted at ruff's default
# of 88 characters.
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
        [sys.executable, "-m", "ruff", "format", "--isolated", "-"],
        input=source,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise ValueError(result.stderr.strip())
    return result.stdout
