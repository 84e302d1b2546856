"""The capstone's material and its fresh machine (course/capstone.py), and its naming rules.

The module's exercises are proven by the fixture answers (test_exercises.py) and the whole
notebooks of test_capstone_grading.py; these tests check the helpers those rely on.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
import sysconfig
from pathlib import Path

import nbformat
import numpy as np
import pytest

from course import fresh_machine
from course.capstone import AUTHOR_FOLDER, TaskBoard, unpack_messy_project
from course.fresh_machine import (
    SETUP_HEADINGS,
    USAGE_HEADINGS,
    committed_copy,
    install_from_files,
    load_module,
    rebuild_from_scratch,
    run_tests_against,
    shell_block,
)
from course.gitsandbox import git
from course.kanban_widget import BoardView
from course.notebooks import naming_problems, needed_exercises, written_file_name
from course.planning import COLUMNS

# ---- the messy project ----


def test_the_messy_project_has_every_problem_the_lesson_names():
    project = unpack_messy_project()
    files = {str(p.relative_to(project)) for p in project.rglob("*") if p.is_file()}
    assert files == {
        "train_final_v2.py",
        "data/wine.csv",
        "model.pkl",
        "explore.ipynb",
        "notes.txt",
    }
    script = (project / "train_final_v2.py").read_text()
    assert f'"{AUTHOR_FOLDER}/data/wine.csv"' in script  # an absolute path
    assert script.count("s = StandardScaler()") == 3  # pasted blocks
    assert "global" not in script and "best = a" in script  # module-level state
    table = np.loadtxt(project / "data" / "wine.csv", delimiter=",", skiprows=1)
    labels = table[:, -1].astype(int)
    assert list(labels) == sorted(labels), "sorted by class: the unshuffled cut is the bug"
    cut = int(len(labels) * 0.75)
    assert set(labels[cut:]) == {2}, "the script's test part holds class 2 only"
    scaler, model = pickle.loads((project / "model.pkl").read_bytes())
    assert model.predict(scaler.transform(table[:3, :-1])).shape == (3,)
    notebook = nbformat.read(project / "explore.ipynb", 4)
    counts = [c.execution_count for c in notebook.cells if c.cell_type == "code"]
    assert counts[:2] == [7, 3], "run out of order"
    assert any(c.get("outputs") for c in notebook.cells if c.cell_type == "code")


def test_each_unpacking_starts_over_in_a_new_folder():
    first, second = unpack_messy_project(), unpack_messy_project()
    assert first != second
    (first / "notes.txt").unlink()
    assert (second / "notes.txt").is_file()


# ---- the board ----


def test_the_task_board_keeps_cards_and_checklists_without_rules():
    board = TaskBoard()
    first = board.add("Add CI", "kim", ["CI runs pytest on each push", "a red run blocks merges"])
    second = board.add("Write a model card", "alex")
    assert (first, second) == (1, 2)
    board.tick(first, "CI runs pytest on each push")
    board.move(first, "Done")  # no rule: an unticked item does not stop it
    board.move(second, "Blocked")  # nor does a missing reason
    (done,) = board.cards("Done")
    assert done["checklist"] == {
        "CI runs pytest on each push": True,
        "a red run blocks merges": False,
    }
    done["checklist"]["a red run blocks merges"] = True  # a copy: the board is unchanged
    assert not board.cards("Done")[0]["checklist"]["a red run blocks merges"]
    assert [c["title"] for c in board.cards("Blocked")] == ["Write a model card"]
    with pytest.raises(ValueError, match="Doing"):
        board.move(first, "Doing")
    with pytest.raises(KeyError):
        board.tick(first, "no such item")
    with pytest.raises(KeyError):
        board.move(99, "TODO")
    assert all(isinstance(board.cards(column), list) for column in COLUMNS)


def test_the_board_widget_shows_and_moves_a_task_board():
    board = TaskBoard()
    board.add("Version the data", "alex", ["dvc pull restores data/wine.csv"])
    view = BoardView(board)
    todo = view.widget.children[0].children[COLUMNS.index("TODO")]
    header, card = todo.children
    assert "TODO (1)" in header.value and "Version the data" in card.children[0].value
    dropdown, button = card.children[1].children
    dropdown.value = "Done"
    button.click()
    assert [c["title"] for c in board.cards("Done")] == ["Version the data"]
    assert "Moved Version the data to Done." in view.status.value


# ---- reading a README ----

README = """\
# wine-classifier

## Set-up

Make and activate an environment first.

```python
print("not a shell block")
```

```bash
# a comment, not a heading
python -m pip install -e ".[test]"
```

### Troubleshooting

```bash
echo "a sub-section belongs to Set-up, but the first block wins"
```

## Usage

```console
$ python -m wine_classifier.model
test accuracy 0.978
$ python -m wine_classifier.model --seed 3
```
"""


def test_shell_block_reads_the_first_shell_block_of_a_section():
    assert shell_block(README, SETUP_HEADINGS) == (
        '# a comment, not a heading\npython -m pip install -e ".[test]"\n'
    )
    assert shell_block(README, USAGE_HEADINGS) == (
        "python -m wine_classifier.model\npython -m wine_classifier.model --seed 3\n"
    )


@pytest.mark.parametrize(
    "heading", ["## Setup", "## Set up", "# Installation", "### Getting started"]
)
def test_shell_block_accepts_the_usual_names_of_a_set_up_section(heading):
    assert shell_block(f"{heading}\n\n```sh\npip install .\n```\n", SETUP_HEADINGS) == (
        "pip install .\n"
    )


def test_shell_block_stops_at_the_next_section():
    text = "## Set-up\n\nnothing to run\n\n## Usage\n\n```bash\npython -m x\n```\n"
    assert shell_block(text, SETUP_HEADINGS) is None
    assert shell_block("# Title\n\n```bash\npip install .\n```\n", SETUP_HEADINGS) is None


# ---- a fresh machine ----

PYPROJECT = """\
[build-system]
requires = ["setuptools>=64"]
build-backend = "setuptools.build_meta"

[project]
name = "tiny-wine"
version = "0.1.0"
requires-python = ">=3.11"
dependencies = [{dependencies}]
"""


def tiny_project(folder: Path, dependencies: str, readme: str = "") -> Path:
    project = folder / "tiny"
    (project / "src" / "tiny_wine").mkdir(parents=True)
    (project / "src" / "tiny_wine" / "__init__.py").write_text(
        '"""Tiny."""\n\nimport sklearn\n\nVERSION = sklearn.__version__\n'
    )
    (project / "pyproject.toml").write_text(PYPROJECT.format(dependencies=dependencies))
    (project / "README.md").write_text(readme)
    return project


def commit_everything(repo: Path) -> None:
    git(repo, "init", "--quiet", "--initial-branch=main")
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "-m", "Add the project")


def course_packages() -> set[str]:
    return {p.name for p in Path(sysconfig.get_path("purelib")).iterdir()}


def test_a_pinned_project_installs_offline_and_the_course_environment_is_untouched(tmp_path):
    from importlib.metadata import version

    before = course_packages()
    project = tiny_project(tmp_path, f'"scikit-learn=={version("scikit-learn")}"')
    installed = install_from_files(project)
    assert installed.returncode == 0, installed.stderr
    assert course_packages() == before, "pip installed into the course's own environment"
    assert not (project / "build").exists(), "the install works on a copy"


def test_a_version_the_course_does_not_have_cannot_be_installed(tmp_path):
    project = tiny_project(tmp_path, '"scikit-learn==0.24.2"')
    installed = install_from_files(project)
    assert installed.returncode != 0
    assert "scikit-learn==0.24.2" in installed.stderr  # pip says which pin it could not meet


def test_a_rebuild_runs_the_readme_on_a_fresh_clone_of_what_was_committed(tmp_path):
    readme = "# tiny\n\n## Set-up\n\n```bash\npython -m pip install .\n```\n"
    project = tiny_project(tmp_path, '"scikit-learn"', readme)
    (project / "stray.txt").write_text("never committed")

    def commit_some(repo: Path) -> None:
        (repo / "stray.txt").unlink()
        commit_everything(repo)

    rebuild = rebuild_from_scratch(project, commit_some)
    assert rebuild.ok, rebuild.report()
    assert rebuild.commits == 1
    assert not (rebuild.clone / "stray.txt").exists()
    assert (project / "stray.txt").exists() and not (project / ".git").exists(), "untouched"
    ran = rebuild.run('cd / && python -c "import tiny_wine, sys; print(sys.prefix)"')
    assert ran.stdout.strip() == str(rebuild.environment)
    assert "set-up succeeded" in rebuild.report()
    assert rebuild_from_scratch(project, commit_some) is rebuild, "one content, one rebuild"


@pytest.mark.parametrize(
    ("readme", "problem"),
    [
        ("# tiny\n", "no set-up section"),
        (
            "## Setup\n\n```bash\nsource .venv/bin/activate\npip install .\n```\n",
            "makes or activates an environment of its own",
        ),
        ("## Setup\n\n```bash\npip install -r requirements.txt\n```\n", "requirements.txt"),
        ("## Setup\n\n```bash\nsleep 30\n```\n", "did not finish within 2 seconds"),
    ],
)
def test_a_rebuild_says_why_the_set_up_failed(tmp_path, monkeypatch, readme, problem):
    monkeypatch.setattr(fresh_machine, "COMMAND_TIMEOUT", 2)
    project = tiny_project(tmp_path, '"scikit-learn"', readme)
    rebuild = rebuild_from_scratch(project, commit_everything)
    assert not rebuild.ok
    assert problem in rebuild.problem
    assert "\n" not in rebuild.problem


def test_a_rebuild_needs_a_commit(tmp_path):
    project = tiny_project(tmp_path, '"scikit-learn"')
    with pytest.raises(ValueError, match="no commit in the folder it was given"):
        committed_copy(project, lambda repo: None)


def test_a_failing_git_command_is_quoted_in_one_line(tmp_path):
    project = tiny_project(tmp_path, '"scikit-learn"')

    def commit_history(repo):
        git(repo, "init", "--quiet")
        git(repo, "add", "no-such-file.txt")

    with pytest.raises(RuntimeError) as raised:
        committed_copy(project, commit_history)
    message = str(raised.value)
    assert message.startswith("commit_history stopped: git add no-such-file.txt failed: ")
    assert "did not match any files" in message and "\n" not in message


def test_one_project_state_and_function_make_one_copy(tmp_path):
    project = tiny_project(tmp_path, '"scikit-learn"')
    first = committed_copy(project, commit_everything)
    assert committed_copy(project, commit_everything) == first
    (project / "README.md").write_text("# changed\n")
    assert committed_copy(project, commit_everything) != first


# ---- running a project's tests against other code ----


def test_project_tests_run_against_another_implementation(tmp_path):
    tests = tmp_path / "test_double.py"
    tests.write_text(
        "from tiny.calc import double\n\n\ndef test_double():\n    assert double(2) == 4\n"
    )
    right = run_tests_against(tests, "tiny", {"calc.py": "def double(x):\n    return 2 * x\n"})
    wrong = run_tests_against(tests, "tiny", {"calc.py": "def double(x):\n    return x + 1\n"})
    broken = run_tests_against(tests, "tiny", {"other.py": "VALUE = 1\n"})
    assert (right.exit_code, wrong.exit_code) == (0, 1), right.output + wrong.output
    assert wrong.failed == ("test_double",)
    assert broken.exit_code == 2  # pytest could not even import the tests


def test_load_module_reads_the_file_afresh_and_leaves_no_bytecode(tmp_path):
    path = tmp_path / "pkg" / "thing.py"
    path.parent.mkdir()
    path.write_text("VALUE = 1\n")
    assert load_module(path).VALUE == 1
    path.write_text("VALUE = 2\n")
    assert load_module(path).VALUE == 2
    assert not (path.parent / "__pycache__").exists()
    assert not any(name.startswith("capstone_") for name in sys.modules)


# ---- naming rules for answers that write files, and "Needs:" ----


@pytest.mark.parametrize(
    ("first_line", "name"),
    [
        ("%%writefile {project}/README.md", "readme"),
        ("%%writefile {project}/.gitignore", "gitignore"),
        ("%%writefile -a {project}/src/wine_classifier/model.py", "model"),
        ("%%writefile pyproject.toml", "pyproject"),
        ("def model():", None),
    ],
)
def test_an_answer_that_writes_a_file_is_named_after_it(first_line, name):
    assert written_file_name(f"{first_line}\ntext\n") == name


def nbgrader_cell(source: str, grade_id: str, test: bool) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["nbgrader"] = {
        "grade": test,
        "solution": not test,
        "grade_id": grade_id,
        "locked": test,
        "points": 1 if test else None,
        "schema_version": 3,
    }
    return cell


def test_naming_rules_for_written_files_and_needs():
    answer = "%%writefile {project}/README.md\n### BEGIN SOLUTION\n# hi\n### END SOLUTION\n"
    test = '"""Check that it is fine.\n\nNeeds: readme, ghost.\n"""\n### BEGIN HIDDEN TESTS\n'
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbgrader_cell(answer, "docs", False), nbgrader_cell(test, "test_docs", True)]
    problems = naming_problems(notebook)
    assert "answer cell 'docs' writes a file: name it after the file, 'readme'" in problems
    assert "test cell 'test_docs' needs ['ghost', 'readme'], which are no exercises" in problems
    assert needed_exercises(notebook.cells[1]) == {"readme", "ghost"}


def test_the_course_pins_the_offline_build_backend():
    # pip builds students' projects without build isolation, from the course's setuptools
    found = subprocess.run(
        [sys.executable, "-c", "import setuptools; print(setuptools.__version__)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert int(found.split(".")[0]) >= 64, "editable installs need setuptools 64 or newer"
