"""Static proofs about the notebooks: names, cleared outputs, no leaks, the README table."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import nbformat
import pytest

from course.checks import leak_problems, readme_finding
from course.layout import (
    MODULE_NAME,
    REPO_ROOT,
    module_ids,
    project_setting,
    release_notebook,
    source_notebook,
)
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


# Every Markdown link to Binder in the README (but the badge pictures, mybinder.org/badge*.svg),
# and the one form such a link may take: the launch link Binder documents for a GitHub
# repository, opening a file in JupyterLab,
# https://mybinder.org/v2/gh/OWNER/REPO/BRANCH?urlpath=lab/tree/PATH
BINDER_LINK = re.compile(r"\]\((https?://mybinder\.org/(?!badge)[^)\s]*)\)")
BINDER_LAB_LINK = re.compile(
    r"https://mybinder\.org/v2/gh/(?P<repo>[\w.-]+/[\w.-]+)/(?P<branch>[^/?#\s]+)"
    r"\?urlpath=lab/tree/(?P<path>[^?#\s]+)"
)


def binder_badge_problems(readme: str, repo: str, root: Path = REPO_ROOT) -> list[str]:
    """Return what is wrong with the README's Binder links: form, repository, path, coverage."""
    problems, opened = [], []
    for link in BINDER_LINK.findall(readme):
        match = BINDER_LAB_LINK.fullmatch(link)
        if not match:
            problems.append(f"{link}: not of the form {BINDER_LAB_LINK.pattern}")
            continue
        if match["repo"] != repo:
            problems.append(f"{link}: repository {match['repo']}, not github_repo {repo}")
        if not (root / match["path"]).is_file():
            problems.append(f"{link}: {match['path']} is not a file of the repository")
        opened.append(match["path"])
    released = sorted(
        f"release/{folder.name}/{folder.name}.ipynb"
        for folder in (root / "release").iterdir()
        if MODULE_NAME.match(folder.name)
    )
    for notebook in released:
        if opened.count(notebook) != 1:
            problems.append(f"{notebook}: {opened.count(notebook)} Binder badges, not 1")
    problems += [
        f"{path}: a Binder badge for no module" for path in opened if path not in released
    ]
    return problems


def test_every_readme_binder_badge_opens_its_module_in_jupyterlab():
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert BINDER_LINK.findall(readme), "the README has Binder badges"
    assert binder_badge_problems(readme, project_setting("github_repo")) == []


def test_binder_badge_check_finds_each_kind_of_bad_link():
    repo = project_setting("github_repo")
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    first = BINDER_LINK.findall(readme)[0]
    path = BINDER_LAB_LINK.fullmatch(first)["path"]

    def problems_with_first_link_as(link: str) -> str:
        return "\n".join(binder_badge_problems(readme.replace(f"({first})", link, 1), repo))

    assert "not of the form" in problems_with_first_link_as(
        "(" + first.replace("?urlpath=lab/tree/", "?filepath=") + ")"
    )
    assert "not github_repo" in problems_with_first_link_as(
        "(" + first.replace(f"/v2/gh/{repo}/", "/v2/gh/someone/else/") + ")"
    )
    assert "not a file" in problems_with_first_link_as(
        "(" + first.replace(".ipynb", "-old.ipynb") + ")"
    )
    assert f"{path}: 0 Binder badges" in problems_with_first_link_as("(https://example.org)")
    assert f"{path}: 2 Binder badges" in problems_with_first_link_as(f"({first}) [again]({first})")
    assert binder_url(repo, path) == first, "release writes the links this check accepts"
