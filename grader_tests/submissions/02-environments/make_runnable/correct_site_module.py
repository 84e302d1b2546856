# Correct, written another way: venv on the command line, site-packages found with glob.
import subprocess
import sys
from pathlib import Path


def make_runnable(project):
    project = Path(project).resolve()
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(project / ".venv")],
                   check=True)
    (site_packages,) = (project / ".venv" / "lib").glob("python3*/site-packages")
    (site_packages / "_tinyml_editable.pth").write_text(f"{project / 'src'}\n")
    return project / ".venv" / "bin" / "python"
