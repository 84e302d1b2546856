# Wrong: looks only for "UU" (both modified) in git status, so a file both branches added
# ("AA") is never resolved and the merge cannot be committed.
from pathlib import Path


def merge_resolving(repo, branch, resolve):
    try:
        git(repo, "merge", "--no-edit", branch)
    except Exception:
        for line in git(repo, "status", "--porcelain").splitlines():
            if line.startswith("UU "):
                path = line[3:]
                ours = git(repo, "show", f":2:{path}", strip=False)
                theirs = git(repo, "show", f":3:{path}", strip=False)
                Path(repo, path).write_text(resolve(path, ours, theirs))
                git(repo, "add", path)
        git(repo, "commit", "--quiet", "--no-edit")
    return git(repo, "rev-parse", "HEAD")
