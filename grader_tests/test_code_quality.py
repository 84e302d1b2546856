"""The course teaches code quality, so its own code passes the linter and the formatter."""

from __future__ import annotations

import subprocess
import sys

from course.layout import REPO_ROOT


def ruff(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_ruff_finds_nothing_in_the_code_and_source_notebooks():
    result = ruff("check", ".")
    assert result.returncode == 0, result.stdout


def test_the_course_package_and_tests_are_formatted():
    result = ruff("format", "--check", "course", "grader_tests", "nbgrader_config.py")
    assert result.returncode == 0, result.stdout
