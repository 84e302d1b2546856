# Wrong: the first commit is the folder as found, data, model and notebook outputs included
# (forced past the .gitignore); a later commit removes them, but they stay in the history.
def commit_history(repo):
    """Turn the cleaned-up project folder into a git repository with a short history."""
    git(repo, "init", "--quiet", "--initial-branch=main")
    git(repo, "add", "--force", "train_final_v2.py", "data", "model.pkl", "explore.ipynb",
        "notes.txt")
    git(repo, "commit", "--quiet", "-m", "Add Kim's project as she left it")
    git(repo, "rm", "-r", "--cached", "--quiet", "data", "model.pkl")
    git(repo, "rm", "--quiet", "notes.txt")
    git(repo, "add", ".gitignore")
    git(repo, "commit", "--quiet", "-m", "Stop tracking the data and the model")
    git(repo, "rm", "--quiet", "train_final_v2.py")
    git(repo, "add", "src", "tests")
    git(repo, "commit", "--quiet", "-m", "Replace the script with a tested package")
    git(repo, "rm", "--quiet", "explore.ipynb")
    git(repo, "add", "pyproject.toml", "README.md")
    git(repo, "commit", "--quiet", "-m", "Pin dependencies and document the set-up")
