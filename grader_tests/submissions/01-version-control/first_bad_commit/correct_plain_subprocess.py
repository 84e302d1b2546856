# Correct, written another way: plain subprocess calls that let git print as it likes
# (bisect reset reports on stderr); only the hash is read back.
import subprocess


def first_bad_commit(repo, check):
    root = subprocess.run(["git", "rev-list", "--max-parents=0", "HEAD"], cwd=repo,
                          capture_output=True, text=True, check=True).stdout.strip()
    subprocess.run(["git", "bisect", "start", "HEAD", root], cwd=repo, check=True)
    subprocess.run(["git", "bisect", "run", *check], cwd=repo, check=True)
    bad = subprocess.run(["git", "rev-parse", "refs/bisect/bad"], cwd=repo, capture_output=True,
                         text=True, check=True).stdout.strip()
    subprocess.run(["git", "bisect", "reset"], cwd=repo, check=True)
    return bad
