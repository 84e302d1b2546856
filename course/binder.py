"""The students' JupyterLab on Binder: nbgrader's student tools on, its instructor tools off.

Binder runs ``postBuild`` once while it builds the image, and ``postBuild`` runs
``python -m course.binder``. That writes, into the Jupyter configuration folder of the
environment that serves JupyterLab (``<sys.prefix>/etc/jupyter``, the folder ``--sys-prefix``
writes), what Jupyter's own commands write:

- ``jupyter server extension disable`` for formgrader and the Courses list;
- ``jupyter labextension disable`` and ``lock`` for the formgrader panel, the
  create-assignment toolbar and the Courses panel (locked, so that JupyterLab's extension
  manager cannot turn them back on).

nbgrader's install turns all its tools on, so the student tools (Validate, the Assignments
list) stay on, and :func:`student_tool_problems` checks that they still are.

The commands write to ``JUPYTER_CONFIG_DIR`` at their ``user`` level, and this module points
that variable at the folder it is given, so a test can aim the same commands at a throwaway
folder. Jupyter's commands log a failure and still exit 0, so :func:`set_up_student_tools`
reads the folder afterwards and raises if it does not say what it should. A failure then
stops the Binder build, so a broken setup never reaches a student.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

from jupyter_core.paths import ENV_CONFIG_PATH
from jupyter_server.extension.config import ExtensionConfigManager
from jupyter_server.services.config.manager import ConfigManager

#: nbgrader's server extensions that students use: Validate, and the Assignments list (it
#: fetches, submits and fetches feedback where a JupyterHub has nbgrader's exchange).
STUDENT_SERVER_EXTENSIONS = (
    "nbgrader.server_extensions.validate_assignment",
    "nbgrader.server_extensions.assignment_list",
)

#: nbgrader's server extensions for instructors: formgrader (gradebook, grading, releasing) and
#: the Courses list, which nbgrader's JupyterHub guide gives to instructors only.
INSTRUCTOR_SERVER_EXTENSIONS = (
    "nbgrader.server_extensions.formgrader",
    "nbgrader.server_extensions.course_list",
)

#: nbgrader's JupyterLab plugins that students use (the Validate button, the Assignments
#: panel, and the Nbgrader menu, which shows only the commands of enabled plugins).
STUDENT_LAB_PLUGINS = (
    "@jupyter/nbgrader:validate-assignment",
    "@jupyter/nbgrader:assignment-list",
    "@jupyter/nbgrader:menu",
)

#: nbgrader's JupyterLab plugins for instructors: the formgrader panel, the create-assignment
#: cell toolbar and the Courses panel (ids as in nbgrader's ``@jupyter/nbgrader`` labextension).
INSTRUCTOR_LAB_PLUGINS = (
    "@jupyter/nbgrader:formgrader",
    "@jupyter/nbgrader:create-assignment",
    "@jupyter/nbgrader:course-list",
)


def environment_config_dir() -> Path:
    """Return the Jupyter configuration folder of this environment (what --sys-prefix writes)."""
    return Path(ENV_CONFIG_PATH[0])


def _jupyter(config_dir: Path, *args: str) -> None:
    """Run ``jupyter ARGS`` from this environment with its user level set to ``config_dir``."""
    scripts = sysconfig.get_path("scripts")
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(config_dir),
        "PATH": os.pathsep.join([scripts, os.environ.get("PATH", os.defpath)]),
    }
    subprocess.run([sys.executable, "-m", "jupyter", *args], env=env, check=True)


def _as_mapping(plugins: dict[str, bool] | list[str]) -> dict[str, bool]:
    """Return a page-config plugin entry as a mapping (older files hold a list of names)."""
    return dict.fromkeys(plugins, True) if isinstance(plugins, list) else plugins


def student_tool_problems(config_dir: Path) -> list[str]:
    """Return what the Jupyter configuration in ``config_dir`` gets wrong for students.

    Reads the folder with the managers that Jupyter Server and JupyterLab read it with: the
    server extensions of ``jupyter_server_config.d`` and the page configuration in
    ``labconfig``. An empty list means every student part is on and every instructor part off.
    """
    server = ExtensionConfigManager(read_config_path=[str(config_dir)]).get_jpserver_extensions()
    page = ConfigManager(read_config_path=[str(config_dir / "labconfig")]).get("page_config")
    disabled, locked = (
        _as_mapping(page.get(key, {})) for key in ("disabledExtensions", "lockedExtensions")
    )
    problems = [
        f"server extension {name} is not enabled"
        for name in STUDENT_SERVER_EXTENSIONS
        if not server.get(name)
    ]
    problems += [
        f"server extension {name} is not disabled"
        for name in INSTRUCTOR_SERVER_EXTENSIONS
        if server.get(name, True)
    ]
    problems += [
        f"JupyterLab plugin {name} is disabled"
        for name in STUDENT_LAB_PLUGINS
        if disabled.get(name)
    ]
    problems += [
        f"JupyterLab plugin {name} is not disabled and locked"
        for name in INSTRUCTOR_LAB_PLUGINS
        if not (disabled.get(name) and locked.get(name))
    ]
    return problems


def set_up_student_tools(config_dir: Path) -> None:
    """Turn nbgrader's instructor tools off in ``config_dir``, and check its student tools are on.

    Args:
        config_dir: a Jupyter configuration folder; on Binder the environment's own
            (:func:`environment_config_dir`). It must already hold nbgrader's server extension
            entries, as the one nbgrader was installed into does.

    Raises:
        RuntimeError: the folder does not say afterwards what it should (the problems listed).
        subprocess.CalledProcessError: a ``jupyter`` command failed.
    """
    config_dir.mkdir(parents=True, exist_ok=True)
    _jupyter(config_dir, "server", "extension", "disable", "--user", *INSTRUCTOR_SERVER_EXTENSIONS)
    _jupyter(config_dir, "labextension", "disable", "--level=user", *INSTRUCTOR_LAB_PLUGINS)
    _jupyter(config_dir, "labextension", "lock", "--level=user", *INSTRUCTOR_LAB_PLUGINS)
    problems = student_tool_problems(config_dir)
    if problems:
        raise RuntimeError(f"Jupyter configuration in {config_dir}: " + "; ".join(problems))


def main(argv: list[str] | None = None) -> int:
    """Set up the student tools in a configuration folder; ``postBuild`` runs this on Binder."""
    parser = argparse.ArgumentParser(
        prog="python -m course.binder", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "config_dir",
        nargs="?",
        type=Path,
        default=environment_config_dir(),
        help="Jupyter configuration folder to write (default: this environment's)",
    )
    args = parser.parse_args(argv)
    try:
        set_up_student_tools(args.config_dir)
    except RuntimeError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"nbgrader's student tools on, its instructor tools off, in {args.config_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
