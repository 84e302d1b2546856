# Correct, written another way: runs pycodestyle's command line on standard input in a
# subprocess (from an empty folder, so that no setup.cfg or tox.ini is read) and parses its
# "stdin:LINE:COLUMN: CODE message" output.
def style_problems(source, max_line_length=79):
    """Return the PEP 8 problems that pycodestyle finds in a piece of code.

    Args:
        source: Python code, as text.
        max_line_length: the longest line allowed.

    Returns:
        The sorted list of distinct ``(line_number, code)`` pairs, such as ``(3, "E225")``.
    """
    with throwaway_folder() as folder:
        checked = subprocess.run(
            [sys.executable, "-m", "pycodestyle", f"--max-line-length={max_line_length}", "-"],
            input=source,
            capture_output=True,
            text=True,
            cwd=folder,
        )
    if checked.returncode not in (0, 1):
        raise RuntimeError(checked.stderr)
    found = set()
    for line in checked.stdout.splitlines():
        _, line_number, _, message = line.split(":", 3)
        found.add((int(line_number), message.split()[0]))
    return sorted(found)
