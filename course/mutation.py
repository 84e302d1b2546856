"""Grade a student's tests the way mutation testing does, with real pytest.

A student's tests should pass on a correct implementation and fail on each faulty one: the
share of faulty implementations they catch is their mutation score. The tests are the student's
``test_*`` functions from the notebook; each run writes them into a throwaway folder beside one
implementation saved as ``service.py`` and runs pytest there in a separate process.
"""

from __future__ import annotations

import inspect
import linecache
import os
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from course.sandbox import throwaway_folder

#: How the tests see pytest and the implementation under test (``service.py`` beside them).
HEADER = "import pytest\n\nfrom service import *  # the implementation under test\n"


def student_tests(namespace: Mapping[str, Any]) -> list[Callable[..., Any]]:
    """Return the ``test_*`` functions defined in a notebook (or any module) namespace."""
    return [
        value
        for name, value in namespace.items()
        if name.startswith("test_") and inspect.isfunction(value)
    ]


def build_test_module(functions: Sequence[Callable[..., Any]]) -> str:
    """Return the text of a pytest module holding the cells that define the test functions.

    Whole cells are copied, not just the functions, so the imports, constants, helpers and
    fixtures the tests use come along (a notebook cell is one file to Python's ``linecache``).
    """
    files = dict.fromkeys(function.__code__.co_filename for function in functions)
    cells = []
    for name in files:
        lines = linecache.getlines(name)
        if lines:
            cells.append("".join(lines))
        else:  # no source on record: fall back to the functions themselves
            cells += [
                textwrap.dedent(inspect.getsource(f))
                for f in functions
                if f.__code__.co_filename == name
            ]
    return HEADER + "\n\n" + "\n\n".join(cells)


@dataclass(frozen=True)
class PytestRun:
    """What one pytest run reported."""

    tests: int
    failures: int
    errors: int
    exit_code: int
    output: str = ""
    failed: tuple[str, ...] = ()  # the names of the tests that failed or raised

    @property
    def all_passed(self) -> bool:
        """Whether tests ran and every one of them passed."""
        return self.tests > 0 and self.failures == 0 and self.errors == 0 and self.exit_code == 0


def run_pytest(tests: str, implementation: str, timeout: float = 60) -> PytestRun:
    """Run the pytest module ``tests`` against ``implementation`` (saved as service.py).

    Args:
        tests: the text of a pytest module (see :func:`build_test_module`).
        implementation: the Python source of the service under test.
        timeout: seconds the whole run may take; a run that hangs counts as failing.
    """
    files = {"service.py": implementation, "test_service.py": tests}
    return run_pytest_project(files, "test_service.py", timeout)


def run_pytest_project(
    files: Mapping[str, str],
    tests: str,
    timeout: float = 60,
    source_folder: str | None = None,
) -> PytestRun:
    """Write ``files`` into a throwaway folder and run pytest on ``tests`` there.

    Args:
        files: relative path to text, for every file of the small project.
        tests: the relative path of the test file (or folder) to run.
        timeout: seconds the whole run may take; a run that hangs counts as failing.
        source_folder: a folder of the project to put on the import path (``"src"`` for a
            project whose package lives under ``src/``).
    """
    with throwaway_folder(prefix="course-pytest-") as folder:
        for name, text in files.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text, encoding="utf-8")
        report = folder / "report.xml"
        command = [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            f"--junitxml={report}",
            "--rootdir=.",
            tests,
        ]
        environment = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
        if source_folder is not None:
            environment["PYTHONPATH"] = str(folder / source_folder)
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        try:
            done = subprocess.run(
                command,
                cwd=folder,
                env=environment,
                capture_output=True,
                text=True,
                timeout=timeout,
            )
        except subprocess.TimeoutExpired:
            return PytestRun(0, 0, 1, -1, f"the tests ran longer than {timeout:g} s")
        return _read_report(report, done.returncode, done.stdout[-2000:])


def _read_report(report: Path, exit_code: int, output: str) -> PytestRun:
    """Read pytest's JUnit XML report: the counts, and the names of the tests that failed."""
    if not report.exists():
        return PytestRun(0, 0, 1, exit_code, output)
    root = ElementTree.parse(report).getroot()
    suite = root if root.tag == "testsuite" else root.find("testsuite")
    if suite is None:
        return PytestRun(0, 0, 1, exit_code, output)
    failed = tuple(
        case.get("name", "?")
        for case in suite.iter("testcase")
        if case.find("failure") is not None or case.find("error") is not None
    )
    return PytestRun(
        tests=int(suite.get("tests", 0)),
        failures=int(suite.get("failures", 0)),
        errors=int(suite.get("errors", 0)),
        exit_code=exit_code,
        output=output,
        failed=failed,
    )


@dataclass(frozen=True)
class MutationReport:
    """How a set of tests fared on the correct implementation and on each faulty one."""

    on_correct: PytestRun
    caught: tuple[bool, ...]

    @property
    def score(self) -> float:
        """The share of faulty implementations caught, or 0 if the tests fail the correct one."""
        if not self.on_correct.all_passed or not self.caught:
            return 0.0
        return sum(self.caught) / len(self.caught)


def mutation_report(
    tests: str, correct: str | Sequence[str], faulty: Sequence[str], timeout: float = 5
) -> MutationReport:
    """Run the tests on the correct implementation(s) and on each faulty one.

    A faulty implementation is caught when the tests do not all pass on it. The correct ones
    run first and again last, so tests that change their behaviour from run to run (counting
    runs in a file, say) fail on a correct implementation.

    Args:
        tests: the pytest module's text.
        correct: one correct implementation, or several written differently.
        faulty: the faulty implementations.
        timeout: seconds each pytest run may take.
    """
    right = [correct] if isinstance(correct, str) else list(correct)
    first = [run_pytest(tests, source, timeout) for source in right]
    caught = tuple(not run_pytest(tests, source, timeout).all_passed for source in faulty)
    last = [run_pytest(tests, source, timeout) for source in right]
    failing = [run for run in first + last if not run.all_passed]
    return MutationReport(on_correct=failing[0] if failing else first[0], caught=caught)
