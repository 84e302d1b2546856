# Wrong: makes the folder but hands back the kernel's own interpreter, which is not isolated.
import sys
from pathlib import Path


def create_environment(path):
    Path(path).mkdir(parents=True)
    return Path(sys.executable)
