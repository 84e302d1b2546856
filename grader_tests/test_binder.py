"""Binder: postBuild's Jupyter setup keeps nbgrader's student tools and hides the instructor's.

The setup (course/binder.py) runs here against a throwaway copy of this environment's Jupyter
configuration folder, never against the environment itself, and postBuild itself never runs
here: it deletes source/ and grader_tests/.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from jupyter_core.paths import jupyter_path

from course import binder
from course.binder import (
    INSTRUCTOR_LAB_PLUGINS,
    INSTRUCTOR_SERVER_EXTENSIONS,
    STUDENT_LAB_PLUGINS,
    STUDENT_SERVER_EXTENSIONS,
    environment_config_dir,
    main,
    set_up_student_tools,
    student_tool_problems,
)
from course.layout import REPO_ROOT

# One worker runs the whole file, so the module fixture's setup (three slow jupyter commands)
# runs once under `make test`'s pytest-xdist.
pytestmark = pytest.mark.xdist_group(name="binder")

# What a server would load: the server's own merge of every configuration folder, and the page
# configuration that JupyterLab sends to the browser. On Binder the setup writes the folder that
# Jupyter reads first, the environment's own; here the throwaway copy is made the folder read
# first (JUPYTER_CONFIG_DIR, which a virtual environment's folder outranks unless
# JUPYTER_PREFER_ENV_PATH is off), and the real environment's folder comes after it.
EFFECTIVE_STATE = """
import json
from jupyter_core.paths import jupyter_path
from jupyter_server.serverapp import ServerApp
from jupyterlab_server.config import get_page_config

app = ServerApp()
app.find_server_extensions()
page = get_page_config(jupyter_path("labextensions"))
print(json.dumps({
    "first": app.config_file_paths[0],
    "server": app.jpserver_extensions,
    "disabled": page["disabledExtensions"],
    "locked": page.get("lockedExtensions", []),
}))
"""


def copy_of_environment_config(folder: Path) -> Path:
    """Copy this environment's Jupyter configuration, as nbgrader's install left it, to folder."""
    shutil.copytree(environment_config_dir(), folder)
    return folder


def effective_state(config_dir: Path) -> dict:
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(config_dir), "JUPYTER_PREFER_ENV_PATH": "0"}
    result = subprocess.run(
        [sys.executable, "-c", EFFECTIVE_STATE],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    state = json.loads(result.stdout.splitlines()[-1])
    assert state["first"] == str(config_dir), "the copy must be the folder Jupyter reads first"
    return state


@pytest.fixture(scope="module")
def student_config(tmp_path_factory) -> Path:
    folder = copy_of_environment_config(tmp_path_factory.mktemp("binder") / "etc-jupyter")
    set_up_student_tools(folder)
    return folder


def test_the_environment_installs_nbgrader_with_its_instructor_tools_on(tmp_path):
    """The starting point the setup must change: without it, students would see formgrader."""
    untouched = copy_of_environment_config(tmp_path / "etc-jupyter")
    state = effective_state(untouched)
    assert state["server"]["nbgrader.server_extensions.formgrader"] is True
    assert not set(INSTRUCTOR_LAB_PLUGINS) & set(state["disabled"])
    problems = student_tool_problems(untouched)
    assert "server extension nbgrader.server_extensions.formgrader is not disabled" in problems
    for plugin in INSTRUCTOR_LAB_PLUGINS:
        assert f"JupyterLab plugin {plugin} is not disabled and locked" in problems


def test_setup_writes_what_it_should(student_config):
    assert student_tool_problems(student_config) == []


def test_the_server_loads_validate_and_the_lists_but_not_formgrader(student_config):
    server = effective_state(student_config)["server"]
    assert {name: server.get(name) for name in STUDENT_SERVER_EXTENSIONS} == dict.fromkeys(
        STUDENT_SERVER_EXTENSIONS, True
    )
    assert {name: server.get(name) for name in INSTRUCTOR_SERVER_EXTENSIONS} == dict.fromkeys(
        INSTRUCTOR_SERVER_EXTENSIONS, False
    )


def test_jupyterlab_hides_and_locks_formgrader_and_create_assignment(student_config):
    state = effective_state(student_config)
    assert set(INSTRUCTOR_LAB_PLUGINS) <= set(state["disabled"])
    assert set(INSTRUCTOR_LAB_PLUGINS) <= set(state["locked"])
    assert not set(STUDENT_LAB_PLUGINS) & set(state["disabled"])


def test_a_disabled_student_plugin_is_reported(student_config, tmp_path):
    broken = tmp_path / "etc-jupyter"
    shutil.copytree(student_config, broken)
    page_config = broken / "labconfig" / "page_config.json"
    page = json.loads(page_config.read_text())
    page["disabledExtensions"]["@jupyter/nbgrader:validate-assignment"] = True
    page_config.write_text(json.dumps(page))
    assert student_tool_problems(broken) == [
        "JupyterLab plugin @jupyter/nbgrader:validate-assignment is disabled"
    ]


def test_setup_fails_loudly_when_a_jupyter_command_changed_nothing(tmp_path, monkeypatch, capsys):
    """Jupyter's commands log a failure and exit 0; the setup must still stop the build."""
    untouched = copy_of_environment_config(tmp_path / "etc-jupyter")
    monkeypatch.setattr(binder, "_jupyter", lambda config_dir, *args: None)
    assert main([str(untouched)]) == 1
    assert "formgrader is not disabled" in capsys.readouterr().err


def test_the_plugin_and_extension_names_are_nbgrader_s_own():
    """A misspelt plugin id would be 'disabled' without effect: check each against nbgrader."""
    (labextensions,) = [
        Path(p) / "@jupyter" / "nbgrader"
        for p in jupyter_path("labextensions")
        if (Path(p) / "@jupyter" / "nbgrader").is_dir()
    ]
    bundle = "".join(p.read_text(errors="replace") for p in labextensions.glob("static/*.js"))
    for plugin in STUDENT_LAB_PLUGINS + INSTRUCTOR_LAB_PLUGINS:
        assert f'"{plugin}"' in bundle, f"{plugin} is not a plugin of nbgrader's labextension"
    installed = json.loads(
        (environment_config_dir() / "jupyter_server_config.d" / "nbgrader.json").read_text()
    )["ServerApp"]["jpserver_extensions"]
    assert set(installed) == set(STUDENT_SERVER_EXTENSIONS + INSTRUCTOR_SERVER_EXTENSIONS)


def test_postbuild_installs_the_course_then_sets_up_then_removes_the_instructor_files():
    postbuild = REPO_ROOT / "postBuild"
    assert os.access(postbuild, os.X_OK), "repo2docker runs postBuild as a program"
    lines = [line.strip() for line in postbuild.read_text().splitlines()]
    assert "set -euo pipefail" in lines, "a failing step must stop the Binder build"
    steps = [
        "python -m pip install --no-deps -e .",
        "python -m course.binder",
        "rm -rf source grader_tests",
    ]
    assert all(step in lines for step in steps), f"postBuild must run {steps}"
    assert [lines.index(step) for step in steps] == sorted(lines.index(step) for step in steps)


def test_binder_reads_its_files_from_the_repository_root():
    """With a binder/ (or .binder/) folder, repo2docker ignores environment.yml and postBuild."""
    assert (REPO_ROOT / "environment.yml").is_file()
    assert not (REPO_ROOT / "binder").exists() and not (REPO_ROOT / ".binder").exists()
