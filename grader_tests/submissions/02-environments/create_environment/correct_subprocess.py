# Correct, written another way: runs `python -m venv --without-pip` as a command.
import subprocess
import sys
from pathlib import Path


def create_environment(path):
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(path)], check=True)
    return Path(path, "bin", "python")
