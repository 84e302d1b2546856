# Correct, written another way: names the good commit as the oldest in the branch's history
# and ends the bisection before returning.
import subprocess


def first_bad_commit(repo, check):
    def run(*args):
        return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True,
                              check=True).stdout.strip()

    oldest = run("rev-list", "--reverse", "HEAD").split()[0]
    run("bisect", "start")
    run("bisect", "bad", "HEAD")
    run("bisect", "good", oldest)
    run("bisect", "run", *check)
    culprit = run("rev-parse", "refs/bisect/bad")
    run("bisect", "reset")
    return culprit
