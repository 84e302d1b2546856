# Correct, written another way: five commits with explicit paths, and the notebook (nothing
# in it worth keeping) deleted rather than moved.
def commit_history(repo):
    """Turn the cleaned-up project folder into a git repository with a short history."""
    steps = [
        ("Ignore data, models, environments and caches", [".gitignore"]),
        ("Add the original training script", ["train_final_v2.py"]),
        ("Move the training code into a package", ["src"]),
        ("Test the split, training and evaluation", ["tests"]),
        ("Describe the project and pin its dependencies", ["pyproject.toml", "README.md"]),
    ]
    git(repo, "init", "--quiet", "--initial-branch=main")
    for message, paths in steps:
        if paths == ["src"]:
            git(repo, "rm", "--quiet", "train_final_v2.py")
        git(repo, "add", *paths)
        git(repo, "commit", "--quiet", "-m", message)
    for leftover in ["explore.ipynb", "notes.txt"]:
        (repo / leftover).unlink()
