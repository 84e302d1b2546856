# Wrong: HEAD@{1} is only the previous position of HEAD; any later commit or reset moves it on.
from pathlib import Path


def recover(repo, path):
    text = git(repo, "show", f"HEAD@{{1}}:{path}", strip=False)
    Path(repo, path).parent.mkdir(parents=True, exist_ok=True)
    Path(repo, path).write_text(text)
    return text
