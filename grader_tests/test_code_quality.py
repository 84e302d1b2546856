"""The course teaches code quality, so its own code passes the linter and the formatter."""

from __future__ import annotations

import subprocess

from conftest import run_module


def ruff(*args: str) -> subprocess.CompletedProcess:
    return run_module("ruff", *args, timeout=120)


def test_ruff_finds_nothing_in_the_code_and_source_notebooks():
    result = ruff("check", ".")
    assert result.returncode == 0, result.stdout


def test_the_course_package_and_tests_are_formatted():
    result = ruff("format", "--check", "course", "grader_tests", "nbgrader_config.py")
    assert result.returncode == 0, result.stdout
