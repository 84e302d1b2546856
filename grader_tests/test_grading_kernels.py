"""Grading kernels do not score an answer zero because a program it ran wrote to stderr.

nbgrader scores a test cell with any stderr output as zero, and ``git push`` reports its progress
on stderr. By default ipykernel copies what child processes write to the real stderr into the
cell; the grading kernels' profile turns that off. ipykernel never copies it while pytest runs a
test (it looks for PYTEST_CURRENT_TEST), so the kernels here start without that variable, as
they do when an instructor grades.
"""

from __future__ import annotations

import os

import nbformat
from nbclient import NotebookClient

from course.pipeline import write_kernel_profile

CELL = """import subprocess
subprocess.run(["sh", "-c", "echo progress >&2"])
subprocess.run(["sleep", "0.5"])
"""


def stderr_in_cell(ipython_dir) -> list[str]:
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(CELL)])
    env = {key: value for key, value in os.environ.items() if key != "PYTEST_CURRENT_TEST"}
    NotebookClient(notebook, timeout=60).execute(env={**env, "IPYTHONDIR": str(ipython_dir)})
    return [o.text for o in notebook.cells[0].outputs if o.get("name") == "stderr"]


def test_a_default_kernel_copies_a_programs_stderr_into_the_cell(tmp_path):
    assert stderr_in_cell(tmp_path) == ["progress\n"]


def test_a_grading_kernel_does_not(tmp_path):
    assert stderr_in_cell(write_kernel_profile(tmp_path)) == []
