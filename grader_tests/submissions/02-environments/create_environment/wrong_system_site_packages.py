# Wrong: an environment that also sees the base Python's packages is not isolated.
import venv
from pathlib import Path


def create_environment(path):
    venv.create(path, with_pip=False, system_site_packages=True)
    return Path(path) / "bin" / "python"
