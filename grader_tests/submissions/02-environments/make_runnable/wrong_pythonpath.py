# Wrong: sets PYTHONPATH in this kernel's environment; it works only for programs started
# from this kernel, not for anyone who runs the environment's python later.
import os
import venv
from pathlib import Path


def make_runnable(project):
    venv.create(Path(project) / ".venv", with_pip=False)
    os.environ["PYTHONPATH"] = str(Path(project) / "src")
    return Path(project) / ".venv" / "bin" / "python"
