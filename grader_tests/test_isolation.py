"""The grading sandbox's parts: refusals, signed reports, the process cap, the fallback."""

from __future__ import annotations

import os
import shutil
import subprocess

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from course import isolation
from course.grading import grade_course
from course.layout import source_notebook
from course.pipeline import nbgrader_api, read_score
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


def patches_in_student_cell(code):
    """What the tripwire finds in ``code`` as the student cell between set-up and a test."""
    nb = notebook("import numpy as np", code, "assert np.allclose(1, 1)", locked=[0], graded=[2])
    return isolation.module_patches(nb)


def test_code_that_could_change_what_tests_see_is_found_in_student_cells_only():
    attacks = [
        "import math\nmath.isclose = None",
        "import course.testing\ncourse.testing.expect_error = print",
        "import math\nmath.__dict__['isclose'] = None",
        "import math\nvars(math).update(isclose=None)",
        "exec('import math; math.isclose = None')",
        "import sys as s\ns.modules['math'] = None",
        "import sys\nsys.modules.update(math=None)",
        "get_ipython().set_custom_exc((BaseException,), lambda *a, **k: None)",
        "import sys\nsys.settrace(None)",
        "import importlib, json\nimportlib.reload(json)",
        "import json\nsetattr(json, 'loads', None)",
    ]
    for attack in attacks:
        assert patches_in_student_cell(attack), f"not caught: {attack}"
    honest = [
        "import sys\nsys.argv = ['prog', '--verbose']",
        "str = 'oops'\ndel str",
        "import os\nos.environ['MPLBACKEND'] = 'Agg'",
        "import importlib.util\nimportlib.util.find_spec('numpy')",
        "import numpy as np\nX = np.ones(3)\nX /= 2\nlen = 3",
        "import re\npattern = re.compile('a+')",
    ]
    for code in honest:
        assert patches_in_student_cell(code) == [], f"refused an honest cell: {code}"
    locked_and_tests = notebook(
        "exec('x = 1')", "import math\nmath.pi = 3", locked=[0], graded=[1]
    )
    assert isolation.module_patches(locked_and_tests) == [], (
        "the course's own cells are not checked"
    )
    for module in ["00-orientation", "02-environments", "04-code-review", "07-tools"]:
        solution = nbformat.read(str(source_notebook(module)), as_version=4)
        assert isolation.module_patches(solution) == []


def test_test_cells_get_back_builtins_and_set_up_imports_they_use():
    nb = notebook(
        "from helpers import folder, other",
        "len = lambda x: 3\nfolder = None",
        "assert len(folder) == 1 and sorted([1]) == [1]",
        locked=[0],
        graded=[2],
    )
    prefix = isolation.restore_prefix(nb, nb.cells[2])
    assert prefix.splitlines() == [
        "from builtins import len, sorted  # restored by the grader",
        "from helpers import folder, other  # restored by the grader",
    ]


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
    assert read_reports(lines, b"key") == (second, "finished", "kernel")
    assert read_reports([*lines, forged, "garbage\n"], b"key") == (second, "finished", "kernel")
    cut = lines[:1] + [lines[1][:-20]]
    assert read_reports(cut, b"key") == (first, None, "kernel"), "cut line"
    assert read_reports(lines, b"other key") == (None, None, None)


def test_the_process_cap_holds_where_a_pids_cgroup_can_be_made():
    with isolation.limit_cgroup("pids", 20) as cgroup:
        if cgroup is None:
            pytest.skip("no pids cgroup can be made on this machine")
        run = subprocess.run(
            ["sh", "-c", 'echo $$ > "$1/cgroup.procs"; for i in $(seq 60); do sleep 5 & done; '
             "wait", "sh", str(cgroup)],
            capture_output=True, text=True, timeout=30,
        )  # fmt: skip
        assert "fork" in run.stderr or "Resource temporarily unavailable" in run.stderr
    assert not cgroup.exists(), "the cgroup is removed, and what ran in it killed"


def test_without_a_sandbox_grading_stops_or_keeps_the_limits(tmp_path, monkeypatch):
    monkeypatch.setattr(isolation, "sandbox_problem", lambda: "no bwrap (a test)")
    make_scratch_course(tmp_path, ["00-orientation"])
    submit_samples(tmp_path, ["00-orientation"], {"ada-full": SAMPLE_STUDENTS["ada-full"]})
    with pytest.raises(isolation.GraderError, match="no sandbox: no bwrap \\(a test\\)"):
        grade_course(tmp_path, modules=["00-orientation"], limits={"require_sandbox": True})
    api = nbgrader_api(tmp_path)
    assert read_score(api, "00-orientation", "ada-full") is None, "no zero was recorded"
    assert not (tmp_path / "grades.csv").exists()
    (outcome,) = grade_course(
        tmp_path, modules=["00-orientation"], limits={"require_sandbox": False}
    )
    assert outcome.score == 20 and "no sandbox (no bwrap (a test))" in outcome.problem
    if os.geteuid() == 0:
        with pytest.raises(isolation.GraderError, match="as root, the default"):
            grade_course(tmp_path, modules=["00-orientation"])


def test_ci_grades_in_the_sandbox():
    if os.environ.get("COURSE_REQUIRE_SANDBOX") != "1":
        pytest.skip("only CI (.ci/run) requires the sandbox")
    assert isolation.bubblewrap_works(), ".ci/run installs bubblewrap; it must work there"
    assert isolation.bwrap_program() == shutil.which("bwrap"), "the system's bwrap is preferred"
