# Wrong: pushes every branch but no tags.
def publish(repo, remote):
    if "origin" in git(repo, "remote").split():
        git(repo, "remote", "set-url", "origin", str(remote))
    else:
        git(repo, "remote", "add", "origin", str(remote))
    git(repo, "push", "--quiet", "--all", "origin")
