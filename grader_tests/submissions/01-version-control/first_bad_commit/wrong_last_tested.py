# Wrong: returns wherever bisect left HEAD (the last commit it tested), which is often not the
# first bad commit.
def first_bad_commit(repo, check):
    root = git(repo, "rev-list", "--max-parents=0", "HEAD")
    git(repo, "bisect", "start", "HEAD", root)
    git(repo, "bisect", "run", *check)
    found = git(repo, "rev-parse", "HEAD")
    git(repo, "bisect", "reset")
    return found
