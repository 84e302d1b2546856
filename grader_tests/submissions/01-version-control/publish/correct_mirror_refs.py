# Correct, written another way: removes any old origin, then pushes all branch and tag refs
# with explicit refspecs in one push.
def publish(repo, remote):
    if "origin" in git(repo, "remote").splitlines():
        git(repo, "remote", "remove", "origin")
    git(repo, "remote", "add", "origin", str(remote))
    git(repo, "push", "--quiet", "origin", "refs/heads/*:refs/heads/*", "refs/tags/*:refs/tags/*")
