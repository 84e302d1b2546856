# Wrong: returns the short hash that `git log --oneline` shows, not the full one.
def save_snapshot(repo, message):
    git(repo, "add", "--all")
    if not git(repo, "status", "--porcelain"):
        raise ValueError("nothing to commit")
    git(repo, "commit", "--quiet", "-m", message)
    return git(repo, "rev-parse", "--short", "HEAD")
