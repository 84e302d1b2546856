# Wrong: a link to the interpreter in a new folder is not an environment: there is no
# pyvenv.cfg, so its prefix and site-packages are still the original Python's.
import os
import sys
from pathlib import Path


def create_environment(path):
    (Path(path) / "bin").mkdir(parents=True)
    target = Path(path) / "bin" / "python"
    os.symlink(os.path.realpath(sys.executable), target)
    return target
