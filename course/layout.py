"""Where things live in a course folder, and which modules it holds."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

#: The repository root; it is also the nbgrader course directory.
REPO_ROOT = Path(__file__).resolve().parent.parent

#: A module folder is named ``NN-slug``: two digits, a hyphen, lowercase words joined by hyphens.
MODULE_NAME = re.compile(r"^\d\d-[a-z0-9]+(?:-[a-z0-9]+)*$")


def module_ids(root: Path = REPO_ROOT) -> list[str]:
    """Return the ids of the modules under ``root/source``, in course order.

    A module is a folder named ``NN-slug`` that holds a notebook named ``NN-slug.ipynb``.
    """
    source = root / "source"
    if not source.is_dir():
        return []
    return sorted(
        folder.name
        for folder in source.iterdir()
        if MODULE_NAME.match(folder.name) and (folder / f"{folder.name}.ipynb").is_file()
    )


def source_notebook(module: str, root: Path = REPO_ROOT) -> Path:
    """Return the path of a module's instructor notebook."""
    return root / "source" / module / f"{module}.ipynb"


def release_notebook(module: str, root: Path = REPO_ROOT) -> Path:
    """Return the path of a module's student notebook."""
    return root / "release" / module / f"{module}.ipynb"


def student_file(
    root: Path, folder: str, student: str, module: str, suffix: str = ".ipynb"
) -> Path:
    """Return where nbgrader keeps a student's notebook (or feedback page) of a module.

    Args:
        root: the course folder.
        folder: ``"submitted"``, ``"autograded"`` or ``"feedback"``.
        student: the student's id.
        module: the module's id.
        suffix: ``".ipynb"``, or ``".html"`` for a feedback page.
    """
    return root / folder / student / module / f"{module}{suffix}"


def project_setting(name: str, root: Path = REPO_ROOT) -> str:
    """Return a setting from the ``[tool.course]`` table of ``pyproject.toml``."""
    with (root / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["tool"]["course"][name])
