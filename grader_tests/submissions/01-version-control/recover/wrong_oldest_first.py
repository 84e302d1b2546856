# Wrong: walks the reflog from its oldest entry, so it brings back the first version, not the last.
import subprocess
from pathlib import Path


def recover(repo, path):
    for commit in reversed(git(repo, "log", "--walk-reflogs", "--format=%H").split()):
        shown = subprocess.run(["git", "show", f"{commit}:{path}"], cwd=repo, capture_output=True,
                               text=True)
        if shown.returncode == 0:
            Path(repo, path).parent.mkdir(parents=True, exist_ok=True)
            Path(repo, path).write_text(shown.stdout)
            return shown.stdout
    raise FileNotFoundError(path)
