"""The README's module table, made from source/ and the one ``github_repo`` setting."""

from __future__ import annotations

import re
from pathlib import Path

from course.layout import REPO_ROOT, module_ids, project_setting, source_notebook
from course.notebooks import read_notebook

TABLE_START = "<!-- module table: made by `python -m course release`; do not edit by hand -->"
TABLE_END = "<!-- end of module table -->"
BINDER_BADGE = "https://mybinder.org/badge_logo.svg"


def binder_url(repo: str, notebook: str) -> str:
    """Return the Binder link that opens ``notebook`` (a path in the repo) in JupyterLab."""
    return f"https://mybinder.org/v2/gh/{repo}/HEAD?urlpath=lab/tree/{notebook}"


def module_title(module: str, root: Path = REPO_ROOT) -> str:
    """Return the first heading of a module's notebook without its ``# NN ·`` prefix."""
    for cell in read_notebook(source_notebook(module, root)).cells:
        if cell.cell_type == "markdown" and cell.source.startswith("# "):
            heading = cell.source.splitlines()[0][2:].strip()
            return re.sub(r"^\d\d\s*·\s*", "", heading)
    return module


def module_table(root: Path = REPO_ROOT) -> str:
    """Return the Markdown table of modules, one row each with its Binder badge."""
    repo = project_setting("github_repo", root)
    rows = ["| module | what you learn | open it |", "| --- | --- | --- |"]
    for module in module_ids(root):
        notebook = f"release/{module}/{module}.ipynb"
        badge = f"[![Binder]({BINDER_BADGE})]({binder_url(repo, notebook)})"
        rows.append(f"| [{module}]({notebook}) | {module_title(module, root)} | {badge} |")
    return "\n".join([TABLE_START, *rows, TABLE_END])


def readme_with_table(text: str, table: str) -> str:
    """Return the README text with the part between the table markers replaced by ``table``."""
    start, end = text.find(TABLE_START), text.find(TABLE_END)
    if start < 0 or end < start:
        raise ValueError("README.md has no module table markers")
    return text[:start] + table + text[end + len(TABLE_END) :]


def update_readme(root: Path = REPO_ROOT) -> bool:
    """Rewrite the README's module table; return whether anything changed."""
    path = root / "README.md"
    text = path.read_text(encoding="utf-8")
    new = readme_with_table(text, module_table(root))
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text
