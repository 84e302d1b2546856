# Wrong: always adds origin, which fails when the repository already has one.
def publish(repo, remote):
    git(repo, "remote", "add", "origin", str(remote))
    git(repo, "push", "--quiet", "--all", "origin")
    git(repo, "push", "--quiet", "--tags", "origin")
