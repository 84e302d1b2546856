"""The course teaches code quality, so its own code passes the linter and the formatter."""

from __future__ import annotations

import subprocess

from conftest import run_module

from course.layout import REPO_ROOT, source_notebook
from course.notebooks import nbgrader_meta, read_notebook, without_solution_markers


def ruff(*args: str) -> subprocess.CompletedProcess:
    return run_module("ruff", *args, timeout=120)


def test_ruff_finds_nothing_in_the_code_and_source_notebooks():
    result = ruff("check", ".")
    assert result.returncode == 0, result.stdout


def test_the_course_package_and_tests_are_formatted():
    folders = ["course", "grader_tests", "benchmarks", "nbgrader_config.py"]
    result = ruff("format", "--check", *folders)
    assert result.returncode == 0, result.stdout


def test_the_course_package_passes_the_docstring_check_module_05_teaches():
    """Run the instructor's answer to module 05's docstring_gaps over every file of course/."""
    notebook = read_notebook(source_notebook("05-code-quality"))
    cells = {nbgrader_meta(cell).get("grade_id"): cell.source for cell in notebook.cells}
    namespace: dict = {}
    exec(cells["setup"], namespace)  # the course's own notebook
    exec(without_solution_markers(cells["docstring_gaps"]), namespace)
    docstring_gaps = namespace["docstring_gaps"]
    assert docstring_gaps("def f(a):\n    pass\n") == [("f", "missing")], "the check must bite"
    gaps = {
        path.name: docstring_gaps(path.read_text(encoding="utf-8"))
        for path in sorted((REPO_ROOT / "course").glob("*.py"))
    }
    assert {name: found for name, found in gaps.items() if found} == {}
