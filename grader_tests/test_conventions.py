"""Static proofs about the notebooks: names, cleared outputs, no leaks, the README table."""

from __future__ import annotations

import copy

import nbformat
import pytest

from course.checks import leak_problems, readme_finding
from course.layout import module_ids, project_setting, release_notebook, source_notebook
from course.notebooks import (
    HIDDEN_BEGIN,
    exercises,
    hidden_test_lines,
    is_test,
    is_written_answer,
    naming_problems,
    nbgrader_meta,
    output_problems,
    read_notebook,
)
from course.readme import binder_url

MODULES = module_ids()


def test_the_course_has_modules():
    assert "00-orientation" in MODULES


@pytest.mark.parametrize("module", MODULES)
def test_grade_ids_are_unique_and_named_per_design(module):
    assert naming_problems(read_notebook(source_notebook(module))) == []


@pytest.mark.parametrize("module", MODULES)
def test_source_has_no_outputs_or_execution_counts(module):
    assert output_problems(read_notebook(source_notebook(module))) == []


@pytest.mark.parametrize("module", MODULES)
def test_release_holds_no_hidden_test(module):
    source = read_notebook(source_notebook(module))
    release_text = release_notebook(module).read_text(encoding="utf-8")
    assert hidden_test_lines(source), "the source notebook must have hidden tests"
    assert "HIDDEN TESTS" not in release_text and "BEGIN SOLUTION" not in release_text
    assert leak_problems(source, read_notebook(release_notebook(module))) == []


@pytest.mark.parametrize("module", MODULES)
def test_module_meets_the_design_minimums(module):
    source = read_notebook(source_notebook(module))
    found = exercises(source)
    assert len(found) >= 5, "a module needs at least 5 autograded exercises"
    assert sum(e.points for e in found) >= 20, "worth at least 20 points in all"
    assert any(is_written_answer(c) for c in source.cells), "and 1 manually graded written answer"
    text = "\n".join(c.source for c in source.cells if c.cell_type == "markdown")
    assert "## Objectives" in text and "## Key points" in text and "## Further reading" in text


def test_leak_check_finds_a_hidden_line_copied_into_the_release():
    module = MODULES[0]
    source = read_notebook(source_notebook(module))
    leaky = copy.deepcopy(read_notebook(release_notebook(module)))
    test_cell = next(c for c in leaky.cells if is_test(c))
    test_cell.source += "\n" + hidden_test_lines(source)[0]
    assert any("hidden-test line" in p for p in leak_problems(source, leaky))
    test_cell.source += f"\n{HIDDEN_BEGIN}"
    assert any("marker" in p for p in leak_problems(source, leaky))


def test_naming_check_finds_each_kind_of_bad_name():
    module = MODULES[0]
    broken = copy.deepcopy(read_notebook(source_notebook(module)))
    tests = [c for c in broken.cells if is_test(c)]
    tests[0].metadata["nbgrader"]["grade_id"] = "cell-4f2a9c"
    tests[1].metadata["nbgrader"]["grade_id"] = nbgrader_meta(tests[2])["grade_id"]
    tests[3].source = tests[3].source.replace('"""Check that', '"""Tests', 1)
    problems = "\n".join(naming_problems(broken))
    assert "auto-generated" in problems
    assert "more than once" in problems
    assert "docstring" in problems


def test_output_check_finds_an_executed_cell():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1", execution_count=3)])
    assert output_problems(nb)


def test_readme_module_table_is_up_to_date():
    finding = readme_finding()
    assert finding.passed, finding.problems


@pytest.mark.parametrize("module", MODULES)
def test_readme_has_a_binder_badge_opening_the_release_notebook(module):
    readme = (source_notebook(module).parents[2] / "README.md").read_text(encoding="utf-8")
    url = binder_url(project_setting("github_repo"), f"release/{module}/{module}.ipynb")
    assert url in readme
    assert "urlpath=lab/tree/release/" in url
