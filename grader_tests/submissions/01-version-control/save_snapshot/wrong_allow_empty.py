# Wrong: makes an empty commit instead of refusing when nothing changed.
def save_snapshot(repo, message):
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "--allow-empty", "-m", message)
    return git(repo, "rev-parse", "HEAD")
