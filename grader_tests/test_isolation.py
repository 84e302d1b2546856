"""The grading sandbox's parts: refusals, signed reports, the process cap, the fallback."""

from __future__ import annotations

import os
import subprocess

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from course import isolation
from course.grading import grade_course
from course.layout import source_notebook
from course.runner import read_reports, report
from course.scratch import SAMPLE_STUDENTS, make_scratch_course, submit_samples

pytestmark = pytest.mark.xdist_group(name="isolation")


def notebook(*cells, locked=(), graded=()):
    nb = new_notebook(cells=[new_code_cell(source) for source in cells])
    for index in locked:
        nb.cells[index].metadata["nbgrader"] = {"locked": True, "grade_id": f"setup{index}"}
    for index in graded:
        nb.cells[index].metadata["nbgrader"] = {"grade": True, "locked": True, "grade_id": "t"}
    return nb


def test_patching_modules_or_rebinding_what_tests_use_is_found_in_student_cells_only():
    nb = notebook(
        "import numpy as np\nfrom helpers import folder",
        "import numpy as np\nimport math\nmath.isclose = None\nnp.random.seed(1)",
        "import sys\nsys.modules['json'] = None\nsetattr(math, 'pi', 3)",
        "def len(x):\n    return 0\nfolder = 1\nresult = sorted([2, 1])",
        "assert len(folder) and np.allclose(1, 1)",
        locked=[0],
        graded=[4],
    )
    assert isolation.module_patches(nb) == [
        "cell 2 changes math.isclose",
        "cell 3 changes sys.modules['json']",
        "cell 3 changes math....",
    ]
    assert isolation.rebound_test_names(nb) == ["cell 4 rebinds folder, len"]
    for module in ["00-orientation", "04-code-review", "07-tools"]:
        solution = nbformat.read(str(source_notebook(module)), as_version=4)
        assert isolation.module_patches(solution) == isolation.rebound_test_names(solution) == []


def test_only_reports_signed_with_the_key_count():
    lines = []

    class Channel:
        write = lines.append

        def flush(self):
            pass

    first, second = new_notebook(cells=[new_code_cell("1")]), new_notebook()
    report(Channel(), b"key", first, None)
    report(Channel(), b"key", second, "finished")
    forged = lines[-1].replace("finished", "all passed")
    assert read_reports(lines, b"key") == (second, "finished")
    assert read_reports([*lines, forged, "garbage\n"], b"key") == (second, "finished")
    assert read_reports(lines[:1] + [lines[1][:-20]], b"key") == (first, None), "cut line"
    assert read_reports(lines, b"other key") == (None, None)


def test_the_process_cap_holds_where_a_pids_cgroup_can_be_made():
    with isolation.pids_cgroup(20) as cgroup:
        if cgroup is None:
            pytest.skip("no pids cgroup can be made on this machine")
        run = subprocess.run(
            ["sh", "-c", 'echo $$ > "$1/cgroup.procs"; for i in $(seq 60); do sleep 5 & done; '
             "wait", "sh", str(cgroup)],
            capture_output=True, text=True, timeout=30,
        )  # fmt: skip
        assert "fork" in run.stderr or "Resource temporarily unavailable" in run.stderr
    assert not cgroup.exists(), "the cgroup is removed, and what ran in it killed"


def test_without_bubblewrap_grading_keeps_the_limits_and_says_there_is_no_sandbox(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(isolation, "bubblewrap_works", lambda: False)
    make_scratch_course(tmp_path, ["00-orientation"])
    submit_samples(tmp_path, ["00-orientation"], {"ada-full": SAMPLE_STUDENTS["ada-full"]})
    (outcome,) = grade_course(tmp_path, modules=["00-orientation"])
    assert outcome.score == 20
    assert "no sandbox (bubblewrap missing)" in outcome.problem


def test_ci_grades_in_the_sandbox():
    if os.environ.get("COURSE_REQUIRE_SANDBOX") != "1":
        pytest.skip("only CI (.ci/run) requires the sandbox")
    assert isolation.bubblewrap_works(), ".ci/run installs bubblewrap; it must work there"
