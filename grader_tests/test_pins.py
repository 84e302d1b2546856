"""environment.yml (Binder, conda) and pyproject.toml (pip) install the same pinned versions."""

from __future__ import annotations

import tomllib

import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

from course.layout import REPO_ROOT


def pip_pins() -> dict[str, str]:
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]
    pins = {}
    for line in project["dependencies"]:
        requirement = Requirement(line)
        (spec,) = requirement.specifier
        assert spec.operator == "==", f"{line}: pin with =="
        pins[canonicalize_name(requirement.name)] = spec.version
    return pins


def conda_pins() -> tuple[dict[str, str], str]:
    environment = yaml.safe_load((REPO_ROOT / "environment.yml").read_text())
    pins, python = {}, ""
    for entry in environment["dependencies"]:
        if isinstance(entry, dict):  # the pip section, for what conda-forge does not package
            assert set(entry) == {"pip"}, f"unexpected section {entry}"
            for line in entry["pip"]:
                (spec,) = Requirement(line).specifier
                assert spec.operator == "==", f"{line}: pin with =="
                pins[canonicalize_name(Requirement(line).name)] = spec.version
            continue
        name, _, version = entry.partition("=")
        if name == "python":
            python = version
        elif name != "pip":
            pins[canonicalize_name(name)] = version
    return pins, python


def test_every_pip_dependency_is_pinned_exactly_once():
    assert len(pip_pins()) == len(
        tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    )


def test_environment_yml_pins_the_same_versions_as_pyproject():
    conda, _ = conda_pins()
    assert conda == pip_pins()


def test_environment_yml_python_fits_requires_python():
    _, python = conda_pins()
    assert python, "environment.yml must name the Python version"
    requires = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"][
        "requires-python"
    ]
    assert f"{python}.0" in SpecifierSet(requires)


def test_the_product_card_packages_are_pinned():
    assert {"jupyterlab", "nbgrader", "nbconvert", "ipywidgets", "pytest"} <= set(pip_pins())
