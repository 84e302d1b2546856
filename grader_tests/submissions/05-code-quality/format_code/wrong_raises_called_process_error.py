# Wrong: runs ruff with check=True, so code that does not parse raises
# subprocess.CalledProcessError, whose message does not say why, instead of ValueError.
def format_code(source, line_length=88):
    """Return ``source`` formatted by ``ruff format`` with its default settings.

    Args:
        source: Python code, as text.
        line_length: the line length the formatter aims for.

    Returns:
        The formatted code.
    """
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--isolated", f"--line-length={line_length}", "-"],
        input=source,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout
