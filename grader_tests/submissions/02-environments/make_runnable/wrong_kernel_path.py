# Wrong: adds src to this kernel's sys.path, which neither the new environment nor anyone
# else sees, and leaks the project into the kernel.
import sys
import venv
from pathlib import Path


def make_runnable(project):
    venv.create(Path(project) / ".venv", with_pip=False)
    sys.path.append(str(Path(project) / "src"))
    return Path(project) / ".venv" / "bin" / "python"
