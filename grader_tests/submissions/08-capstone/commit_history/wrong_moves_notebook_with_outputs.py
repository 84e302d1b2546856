# Wrong: the notebook is moved into notebooks/ as it is, with its outputs and run counts.
def commit_history(repo):
    """Turn the cleaned-up project folder into a git repository with a short history."""
    git(repo, "init", "--quiet", "--initial-branch=main")
    git(repo, "add", ".gitignore", "train_final_v2.py")
    git(repo, "commit", "--quiet", "-m", "Add the training script as Kim left it")
    git(repo, "rm", "--quiet", "train_final_v2.py")
    git(repo, "add", "src", "tests")
    git(repo, "commit", "--quiet", "-m", "Turn the script into a tested package")
    (repo / "notebooks").mkdir()
    (repo / "explore.ipynb").rename(repo / "notebooks" / "explore.ipynb")
    (repo / "notes.txt").unlink()
    git(repo, "add", "notebooks")
    git(repo, "commit", "--quiet", "-m", "Move the exploration notebook to notebooks/")
    git(repo, "add", "pyproject.toml", "README.md")
    git(repo, "commit", "--quiet", "-m", "Pin dependencies and document the set-up")
