# Wrong: finds the commit but never runs `git bisect reset`, leaving a detached HEAD.
def first_bad_commit(repo, check):
    root = git(repo, "rev-list", "--max-parents=0", "HEAD")
    git(repo, "bisect", "start", "HEAD", root)
    git(repo, "bisect", "run", *check)
    return git(repo, "rev-parse", "refs/bisect/bad")
