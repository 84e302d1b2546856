# Wrong: adds the names it can see at the top level, so a deleted top-level file is never staged.
import os


def save_snapshot(repo, message):
    for name in os.listdir(repo):
        if name != ".git":
            git(repo, "add", name)
    if not git(repo, "diff", "--cached", "--name-only"):
        raise ValueError("nothing to commit")
    git(repo, "commit", "--quiet", "-m", message)
    return git(repo, "rev-parse", "HEAD")
