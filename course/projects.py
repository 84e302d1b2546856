"""Small sample projects that exercises set up, run or repair in a throwaway folder."""

from __future__ import annotations

from pathlib import Path

_PYPROJECT = """\
[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

[project]
name = "tinyml"
version = "0.1.0"
description = "A tiny model that doubles its input"
requires-python = ">=3.9"
"""

_PACKAGE = '''\
"""A tiny model that doubles its input."""


def predict(value: float) -> float:
    """Return the model's prediction for ``value``."""
    return 2 * value
'''


def sample_project(folder: Path, name: str = "tinyml") -> Path:
    """Write a small Python project with its package in ``src/``; return the project folder.

    The project holds ``pyproject.toml``, ``README.md`` and ``src/tinyml/__init__.py``, whose
    ``predict(value)`` returns ``2 * value``.
    """
    project = folder / name
    (project / "src" / "tinyml").mkdir(parents=True)
    (project / "pyproject.toml").write_text(_PYPROJECT)
    (project / "README.md").write_text("# tinyml\n\nA tiny model that doubles its input.\n")
    (project / "src" / "tinyml" / "__init__.py").write_text(_PACKAGE)
    return project
