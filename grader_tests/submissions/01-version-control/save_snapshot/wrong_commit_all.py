# Wrong: `git commit -a` stages changed and deleted files but never new ones.
def save_snapshot(repo, message):
    if not git(repo, "status", "--porcelain"):
        raise ValueError("nothing to commit")
    git(repo, "commit", "--quiet", "-a", "-m", message)
    return git(repo, "rev-parse", "HEAD")
