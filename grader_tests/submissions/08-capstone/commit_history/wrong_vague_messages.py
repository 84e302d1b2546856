# Wrong: messages that say nothing about what changed ("Update files", "More changes").
def commit_history(repo):
    """Turn the cleaned-up project folder into a git repository with a short history."""
    import nbformat

    git(repo, "init", "--quiet", "--initial-branch=main")
    git(repo, "add", ".gitignore", "train_final_v2.py")
    git(repo, "commit", "--quiet", "-m", "Initial commit")
    git(repo, "rm", "--quiet", "train_final_v2.py")
    git(repo, "add", "src", "tests")
    git(repo, "commit", "--quiet", "-m", "Update files")
    notebook = nbformat.read(repo / "explore.ipynb", as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    (repo / "notebooks").mkdir()
    nbformat.write(notebook, repo / "notebooks" / "explore.ipynb")
    (repo / "explore.ipynb").unlink()
    (repo / "notes.txt").unlink()
    git(repo, "add", "notebooks")
    git(repo, "commit", "--quiet", "-m", "More changes")
    git(repo, "add", "pyproject.toml", "README.md")
    git(repo, "commit", "--quiet", "-m", "Final version")
