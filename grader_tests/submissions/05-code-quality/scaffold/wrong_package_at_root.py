# Wrong: puts the package at the project's root (<name>/__init__.py) instead of under src/.
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
    import keyword

    if not (name.isidentifier() and name.islower() and not keyword.iskeyword(name)):
        raise ValueError(f"{name!r} is not a lower-case Python identifier")
    root = Path(root)
    if root.exists() and any(root.iterdir()):
        raise FileExistsError(f"{root} exists and is not empty")
    files = {
        "README.md": f"# {name}\n\nWhat this project does, and how to run it.\n",
        "pyproject.toml": (
            '[build-system]\nrequires = ["setuptools>=68"]\n'
            'build-backend = "setuptools.build_meta"\n'
            f'\n[project]\nname = "{name}"\nversion = "0.1.0"\n'
        ),
        ".gitignore": (
            "__pycache__/\n.ipynb_checkpoints/\n.venv/\n"
            "data/raw/*\n!data/raw/README.md\ndata/processed/*\n!data/processed/README.md\n"
            "models/*\n!models/.gitkeep\n"
        ),
        f"{name}/__init__.py": f'"""The {name} package."""\n',
        f"tests/test_{name}.py": (
            f"import {name}\n\n\ndef test_package_imports():\n"
            f'    assert {name}.__name__ == "{name}"\n'
        ),
        "data/raw/README.md": "The original data, never edited by hand.\n",
        "data/processed/README.md": "Data derived from data/raw by the code in src/.\n",
        "notebooks/.gitkeep": "",
        "models/.gitkeep": "",
    }
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
