# Correct, written another way: reads `git reflog` and tries each entry with `git show`.
import subprocess
from pathlib import Path


def recover(repo, path):
    entries = subprocess.run(["git", "reflog", "--format=%H"], cwd=repo, capture_output=True,
                             text=True, check=True).stdout.split()
    for commit in entries:
        shown = subprocess.run(["git", "show", f"{commit}:{path}"], cwd=repo, capture_output=True,
                               text=True)
        if shown.returncode == 0:
            target = Path(repo, path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(shown.stdout)
            return shown.stdout
    raise FileNotFoundError(path)
