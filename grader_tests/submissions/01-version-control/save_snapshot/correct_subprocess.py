# Correct, written another way: plain subprocess, and git's own "anything staged?" test.
import subprocess


def save_snapshot(repo, message):
    subprocess.run(["git", "add", "-A", "."], cwd=repo, check=True)
    staged = subprocess.run(["git", "diff", "--cached", "--quiet"], cwd=repo)
    if staged.returncode == 0:
        raise ValueError("no changes to save")
    subprocess.run(["git", "commit", "-q", "-m", message], cwd=repo, check=True)
    done = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True)
    return done.stdout.strip()
