# Wrong: every subject ends with a full stop.
def commit_history(repo):
    """Turn the cleaned-up project folder into a git repository with a short history."""
    import nbformat

    git(repo, "init", "--quiet", "--initial-branch=main")
    git(repo, "add", ".gitignore", "train_final_v2.py")
    git(repo, "commit", "--quiet", "-m", "Add the training script as Kim left it.")
    git(repo, "rm", "--quiet", "train_final_v2.py")
    git(repo, "add", "src", "tests")
    git(repo, "commit", "--quiet", "-m", "Turn the script into a tested package.")
    notebook = nbformat.read(repo / "explore.ipynb", as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    (repo / "notebooks").mkdir()
    nbformat.write(notebook, repo / "notebooks" / "explore.ipynb")
    (repo / "explore.ipynb").unlink()
    (repo / "notes.txt").unlink()
    git(repo, "add", "notebooks")
    git(repo, "commit", "--quiet", "-m", "Keep the notebook without outputs.")
    git(repo, "add", "pyproject.toml", "README.md")
    git(repo, "commit", "--quiet", "-m", "Pin dependencies and document the set-up.")
