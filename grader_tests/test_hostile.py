"""A hostile class: broken and malicious submissions graded together with honest ones.

Every submission of module 00 below is graded in one scratch class through ``grade_course``,
the code behind ``python -m course grade``. Each hostile one must get the score it deserves and
a reason in the report; the honest ones must score exactly what they score in a clean class;
and nothing a submission does may reach the solutions, the gradebook or another student.
"""

from __future__ import annotations

import re
import subprocess

import nbformat
import pytest
from nbformat.v4 import new_code_cell

from course.grading import grade_course
from course.isolation import bubblewrap_works
from course.layout import release_notebook, source_notebook, student_file
from course.notebooks import read_notebook, solved_copy
from course.scratch import make_scratch_course, partial_solution

MODULE = "00-orientation"
FULL = 20.0
LIMITS = {"cell_timeout": 5, "wall_seconds": 20, "max_processes": 64, "memory_mb": 1536}

pytestmark = pytest.mark.xdist_group(name="hostile")


def solved(course):
    release = read_notebook(release_notebook(MODULE, course))
    return solved_copy(release, read_notebook(source_notebook(MODULE, course)), solve=None)


def index_of(nb, grade_id):
    return next(
        i
        for i, c in enumerate(nb.cells)
        if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id
    )


def with_cell(code, after="format_student_id"):
    """A full solution with an extra cell of student code after the cell ``after``."""

    def make(course):
        nb = solved(course)
        nb.cells.insert(index_of(nb, after) + 1, new_code_cell(code))
        return nbformat.writes(nb)

    return make


def with_answer(prefix):
    """A full solution whose format_student_id starts with ``prefix`` (one indented line)."""

    def make(course):
        nb = solved(course)
        cell = nb.cells[index_of(nb, "format_student_id")]
        cell.source = cell.source.replace('"""\n', f'"""\n    {prefix}\n', 1)
        return nbformat.writes(nb)

    return make


def edited(change):
    def make(course):
        nb = solved(course)
        change(nb)
        return nbformat.writes(nb)

    return make


def set_source(grade_id, text):
    def change(nb):
        nb.cells[index_of(nb, grade_id)].source = text

    return change


def delete(grade_id):
    def change(nb):
        del nb.cells[index_of(nb, grade_id)]

    return change


def duplicate(grade_id):
    def change(nb):
        index = index_of(nb, grade_id)
        nb.cells.insert(index, nbformat.from_dict(dict(nb.cells[index])))

    return change


def rename(grade_id, new):
    def change(nb):
        nb.cells[index_of(nb, grade_id)].metadata["nbgrader"]["grade_id"] = new

    return change


def slow_cells(course):
    """Eight cells of four seconds each: each within the cell limit, all past the wall clock."""
    nb = solved(course)
    at = index_of(nb, "test_format_student_id") + 1
    for _ in range(8):
        nb.cells.insert(at, new_code_cell("import time\ntime.sleep(4)"))
    return nbformat.writes(nb)


def first_cell(code):
    """A full solution whose first cell is student code."""

    def make(course):
        nb = solved(course)
        nb.cells.insert(0, new_code_cell(code))
        return nbformat.writes(nb)

    return make


def unanswered_with_cell(code, after="format_student_id"):
    """The release notebook, no answer written, with one extra cell of student code."""

    def make(course):
        nb = read_notebook(release_notebook(MODULE, course))
        nb.cells.insert(index_of(nb, after) + 1, new_code_cell(code))
        return nbformat.writes(nb)

    return make


def unanswered_edited(change):
    def make(course):
        nb = read_notebook(release_notebook(MODULE, course))
        change(nb)
        return nbformat.writes(nb)

    return make


def honest(course):
    return nbformat.writes(solved(course))


def partial(course):
    release = read_notebook(release_notebook(MODULE, course))
    return partial_solution(release, read_notebook(source_notebook(MODULE, course)))


READ_SECRETS = """
import glob, os
found = []
for pattern in ["{repo}/source/**/*.ipynb", "{course}/source/**/*.ipynb", "{course}/gradebook.db",
                "../../source/*/*.ipynb", "/tmp/**/*.ipynb", "/tmp/course-gradebooks-*/*.db",
                "/dev/shm/course-gradebooks-*/*.db"]:
    for path in glob.glob(pattern, recursive=True):
        try:
            found.append(open(path, errors="replace").read())
        except OSError as error:
            print("blocked", path, error)
print("BEGIN HIDDEN" in "".join(found), len(found))
"""

WRITE_OTHERS = """
import glob
targets = glob.glob("{course}/submitted/*/*/*.ipynb")
for path in targets + glob.glob("{course}/autograded/**", recursive=True):
    try:
        open(path, "w").write("overwritten")
        print("wrote", path)
    except OSError as error:
        print("blocked", type(error).__name__)
"""

# 500 processes that wait: bounded even where no process cap can be set (the pid namespace, or
# else the process group, ends them with the run)
FORK_BOMB = """
import os, time
for _ in range(500):
    if os.fork() == 0:
        time.sleep(120)
        os._exit(0)
"""

# name -> (make the notebook text (course -> str or bytes), highest score it deserves, reason)
CORPUS = {
    "a-honest": (honest, FULL, None),
    "b-partial": (partial, None, None),  # None: exactly as in a clean class
    "h01-infinite-loop": (with_answer("while True: pass"), 16.0, "timed out"),
    "h02-memory-bomb": (with_answer("_ = bytearray(8 * 2**30)"), 16.0, None),
    "h03-fork-bomb": (with_cell(FORK_BOMB), FULL, None),
    # the flood is cut; if it also kills the kernel or defeats the interrupt, the report says so
    "h04-output-flood": (with_cell('while True:\n    print("x" * 10_000)'), None, None),
    "h05-os-exit": (with_cell("import os\nos._exit(3)"), 0.0, "kernel died"),
    "h06-sys-exit": (with_cell("import sys\nsys.exit(0)"), FULL, None),
    "h07-segfault": (with_cell("import ctypes\nctypes.string_at(0)"), 0.0, "kernel died"),
    "h08-read-secrets": (with_cell(READ_SECRETS), FULL, None),
    "h09-write-others": (with_cell(WRITE_OTHERS), FULL, None),
    "h10-replace-helpers": (
        with_cell("import sys, types\nsys.modules['json'] = types.ModuleType('json')"),
        0.0,
        "refused",
    ),
    "h11-patch-test-tools": (
        with_cell("import json\njson.loads = lambda text: {}"),
        0.0,
        "refused",
    ),
    # the tests get the real len back before they run: the shadow changes nothing
    "h12-shadow-builtin": (
        with_cell("def len(value):\n    return -1", after="looks_like_notebook"),
        FULL,
        None,
    ),
    "h13-network": (
        with_cell("import urllib.request\nurllib.request.urlopen('http://1.1.1.1', timeout=3)"),
        FULL,
        None,
    ),
    "h14-edited-test": (unanswered_edited(set_source("test_count_cells", "pass")), 0.0, "edited"),
    "h15-deleted-test": (edited(delete("test_count_cells")), 18.0, "deleted"),
    "h16-duplicated-test": (edited(duplicate("test_fraction_kept")), FULL, "duplicated"),
    "h17-renamed-test": (edited(rename("test_fraction_kept", "test_bonus")), 18.0, "deleted"),
    "h18-wall-clock": (slow_cells, None, None),
    "h24-swallow-errors": (
        unanswered_with_cell(
            "get_ipython().set_custom_exc((BaseException,), lambda *a, **k: None)"
        ),
        0.0,
        "refused",
    ),
    "h25-hide-tracebacks": (
        unanswered_with_cell("ip = get_ipython()\nip._showtraceback = lambda *a, **k: None"),
        0.0,
        "refused",
    ),
    "h26-display-flood": (
        with_cell("handle = display('x', display_id=True)\nhandle.update('y' * 30_000_000)"),
        FULL,
        None,
    ),
    "h27-nested-patch": (
        unanswered_with_cell("import course.testing\ncourse.testing.expect_error = print"),
        0.0,
        "refused",
    ),
    # the kernel's parent is the runner: killed by the notebook's first cell, before any
    # cell was reported, it still reported its kernel up, so the failure is the submission's
    # (graded, with the reason), not the grader's (which would stop the class)
    "h28-kill-runner": (
        first_cell("import os, signal\nos.kill(os.getppid(), signal.SIGKILL)"),
        0.0,
        "the grading run failed",
    ),
    "h19-invalid-json": (lambda course: honest(course)[:500], 0.0, "not valid JSON"),
    "h20-empty-file": (lambda course: "", 0.0, "not valid JSON"),
    "h21-huge-file": (lambda course: " " * (21 * 2**20) + honest(course), 0.0, "MB limit"),
}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    course = tmp_path_factory.mktemp("hostile")
    make_scratch_course(course, [MODULE])
    made = {}
    for student, (make, _, _) in CORPUS.items():
        text = make(course).replace("{repo}", str(source_notebook(MODULE).parents[2]))
        text = text.replace("{course}", str(course))
        path = student_file(course, "submitted", student, MODULE)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        made[student] = text
    wrong = student_file(course, "submitted", "h22-wrong-name", MODULE)
    wrong.parent.mkdir(parents=True)
    (wrong.parent / "orientation.ipynb").write_text(made["a-honest"])
    other = student_file(course, "submitted", "h23-other-module", MODULE)
    other.parent.mkdir(parents=True)
    other.write_text(nbformat.writes(read_notebook(source_notebook("01-version-control"))))
    # two at a time, as `grade --jobs 2` does: the guarantees must hold in parallel too
    outcomes = grade_course(course, modules=[MODULE], limits=LIMITS, jobs=2)
    return course, {outcome.student: outcome for outcome in outcomes}


def test_every_submission_is_graded_and_the_honest_ones_score_as_in_a_clean_class(graded):
    course, outcomes = graded
    assert set(outcomes) == set(CORPUS) | {"h22-wrong-name", "h23-other-module"}
    assert outcomes["a-honest"].score == FULL and outcomes["a-honest"].problem is None
    assert outcomes["b-partial"].score == 12.0 and outcomes["b-partial"].problem is None


@pytest.mark.parametrize("student", [s for s, (_, most, _) in CORPUS.items() if s.startswith("h")])
def test_each_hostile_submission_gets_what_it_deserves_and_a_reason(graded, student):
    _, outcomes = graded
    _, most, reason = CORPUS[student]
    outcome = outcomes[student]
    if most is not None:
        assert outcome.score <= most, f"{student} scored {outcome.score}: {outcome.problem}"
    if most in (0.0, FULL) and reason is None:
        assert outcome.score == most, f"{student}: {outcome.score} ({outcome.problem})"
    if reason is not None:
        assert reason in (outcome.problem or ""), f"{student}: {outcome.problem!r}"


def test_misnamed_and_foreign_notebooks_get_zero_and_say_why(graded):
    _, outcomes = graded
    assert outcomes["h22-wrong-name"].score == 0
    assert "it holds orientation.ipynb" in outcomes["h22-wrong-name"].problem
    assert outcomes["h23-other-module"].score == 0
    assert "another module's notebook" in outcomes["h23-other-module"].problem


def probe_output(course, student):
    """What the student's extra cell printed, from the graded notebook."""
    nb = nbformat.read(str(student_file(course, "autograded", student, MODULE)), as_version=4)
    cell = next(c for c in nb.cells if "glob" in c.source and "nbgrader" not in c.metadata)
    return "".join(o.get("text", "") for o in cell.outputs)


def test_nothing_reached_the_solutions_the_gradebook_or_other_students(graded):
    course, outcomes = graded
    assert re.fullmatch(r"False \d+\n", probe_output(course, "h08-read-secrets")), (
        "the probe ran and found no hidden tests anywhere it could look"
    )
    assert "wrote" not in probe_output(course, "h09-write-others")
    network = student_file(course, "autograded", "h13-network", MODULE).read_text()
    assert "Network is unreachable" in network or "URLError" in network, "no network inside"
    leftovers = subprocess.run(
        ["pgrep", "-f", "time.sleep\\(120\\)|sleep 120"], capture_output=True
    )
    assert leftovers.stdout == b"", "the fork bomb's processes ended with its run"
    assert outcomes["a-honest"].score == FULL, "another student's work is untouched"
    assert student_file(course, "submitted", "a-honest", MODULE).read_text().startswith("{")


def test_floods_are_cut_and_a_wall_clock_stops_a_slow_notebook(graded):
    course, outcomes = graded
    for student in ["h04-output-flood", "h26-display-flood"]:
        flood = student_file(course, "autograded", student, MODULE)
        assert flood.stat().st_size < 3_000_000, f"{student}'s output was cut"
    flooded = outcomes["h04-output-flood"]
    assert flooded.score == FULL or flooded.problem, f"a lower score needs a reason: {flooded}"
    slow = outcomes["h18-wall-clock"]
    assert "ran longer than 20 s" in slow.problem and slow.score < FULL


@pytest.mark.skipif(not bubblewrap_works(), reason="bubblewrap is missing: no isolation here")
def test_the_sandbox_is_in_use(graded):
    _, outcomes = graded
    assert not any("no sandbox" in (o.problem or "") for o in outcomes.values())
