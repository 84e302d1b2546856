# Correct, written another way: writes the code to a file in a temporary folder, lets
# "ruff format --isolated" rewrite that file in place and reads it back.
import tempfile


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
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "snippet.py"
        path.write_text(source, encoding="utf-8")
        command = [sys.executable, "-m", "ruff", "format", "--isolated", "--quiet"]
        command += ["--line-length", str(line_length), str(path)]
        finished = subprocess.run(command, capture_output=True, text=True, cwd=folder)
        if finished.returncode != 0:
            raise ValueError(finished.stderr.strip() or f"ruff exited with {finished.returncode}")
        return path.read_text(encoding="utf-8")
