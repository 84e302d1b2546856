# Wrong: formats a temporary file without --isolated: no project file applies under /tmp, but the
# user's own ruff configuration still does.
import tempfile


def format_code(source, line_length=88):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "code.py"
        path.write_text(source)
        result = subprocess.run(
            [sys.executable, "-m", "ruff", "format", "--quiet", f"--line-length={line_length}", str(path)],
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise ValueError(result.stderr.strip() or "ruff could not format the code")
        return path.read_text()
