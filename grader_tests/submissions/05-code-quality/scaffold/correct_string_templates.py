# Correct, written another way: a dict of string.Template texts keyed by path templates, a regex
# plus keyword.iskeyword for the name, hatchling as the build backend, and a .gitignore that
# ignores data/*/* (anything inside a data folder) with negations for the folders' READMEs.
import keyword
import re
from string import Template

PROJECT_FILES = {
    "README.md": "# $name\n\nWhat the project does and how to run it.\n",
    "pyproject.toml": (
        "[build-system]\n"
        'requires = ["hatchling"]\n'
        'build-backend = "hatchling.build"\n'
        "\n"
        "[project]\n"
        'name = "$name"\n'
        'version = "0.0.1"\n'
        'description = "The $name project."\n'
    ),
    ".gitignore": (
        "# data and models live outside git; the READMEs and .gitkeep files stay\n"
        "/data/*/*\n"
        "!/data/*/README.md\n"
        "/models/*\n"
        "!/models/.gitkeep\n"
        "\n"
        "# caches and environments\n"
        "__pycache__/\n"
        ".ipynb_checkpoints/\n"
        ".venv/\n"
    ),
    "src/$name/__init__.py": '"""The importable code of $name."""\n\n__version__ = "0.0.1"\n',
    "tests/test_$name.py": (
        'import $name\n\n\ndef test_version_is_set():\n    assert $name.__version__ == "0.0.1"\n'
    ),
    "data/raw/README.md": "# Raw data\n\nThe original files, read by code and never edited.\n",
    "data/processed/README.md": "# Processed data\n\nFiles the package derives from data/raw.\n",
    "notebooks/.gitkeep": "",
    "models/.gitkeep": "",
}


def scaffold(root, name):
    """Create a new ML project at ``root`` with the standard layout.

    Args:
        root: the folder to create (a ``str`` or ``Path``); it may exist if it is empty.
        name: the package name: a lower-case Python identifier that is not a keyword.

    Returns:
        The project's folder, as a ``Path``.

    Raises:
        ValueError: if ``name`` is not a valid package name; nothing is created.
        FileExistsError: if ``root`` exists and is not empty; nothing is changed.
    """
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", name) or keyword.iskeyword(name):
        raise ValueError(f"not a lower-case Python identifier: {name!r}")
    project = Path(root)
    if project.is_dir() and next(project.iterdir(), None) is not None:
        raise FileExistsError(f"{project} is not empty")
    for path_template, text_template in PROJECT_FILES.items():
        target = project / Template(path_template).substitute(name=name)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(Template(text_template).substitute(name=name), encoding="utf-8")
    return project
