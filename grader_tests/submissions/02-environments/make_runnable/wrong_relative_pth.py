# Wrong: writes the .pth line relative to the current folder, which Python reads relative to
# site-packages instead, so the package is not found.
import venv
from pathlib import Path


def make_runnable(project):
    venv.create(Path(project) / ".venv", with_pip=False)
    (site_packages,) = (Path(project) / ".venv" / "lib").glob("python3*/site-packages")
    (site_packages / "project.pth").write_text("src\n")
    return Path(project) / ".venv" / "bin" / "python"
