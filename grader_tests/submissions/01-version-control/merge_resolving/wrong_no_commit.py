# Wrong: resolves and stages the files but forgets to commit, so the merge is left unfinished.
from pathlib import Path


def merge_resolving(repo, branch, resolve):
    try:
        git(repo, "merge", "--no-edit", branch)
    except Exception:
        for path in git(repo, "diff", "--name-only", "--diff-filter=U").splitlines():
            ours = git(repo, "show", f":2:{path}", strip=False)
            theirs = git(repo, "show", f":3:{path}", strip=False)
            Path(repo, path).write_text(resolve(path, ours, theirs))
            git(repo, "add", path)
    return git(repo, "rev-parse", "HEAD")
