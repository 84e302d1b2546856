# Wrong: ORIG_HEAD is only the commit before the last reset, so a second reset loses the trail.
from pathlib import Path


def recover(repo, path):
    text = git(repo, "show", f"ORIG_HEAD:{path}", strip=False)
    Path(repo, path).parent.mkdir(parents=True, exist_ok=True)
    Path(repo, path).write_text(text)
    return text
