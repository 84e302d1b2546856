# Wrong: walks the history from the oldest commit and runs the check on each: right answer,
# but up to n runs instead of about log2(n).
import subprocess


def first_bad_commit(repo, check):
    branch = git(repo, "branch", "--show-current")
    try:
        for commit in git(repo, "rev-list", "--reverse", "HEAD").split():
            git(repo, "checkout", "--quiet", commit)
            if subprocess.run(check, cwd=repo).returncode != 0:
                return commit
    finally:
        git(repo, "checkout", "--quiet", branch)
