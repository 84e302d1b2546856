# Wrong: never calls the resolver; it commits the files as git left them, markers and all.
def merge_resolving(repo, branch, resolve):
    try:
        git(repo, "merge", "--no-edit", branch)
    except Exception:
        git(repo, "add", "--all")
        git(repo, "commit", "--quiet", "--no-edit")
    return git(repo, "rev-parse", "HEAD")
