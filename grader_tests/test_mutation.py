"""Mutation grading: a student's tests run with real pytest against correct and faulty code."""

from __future__ import annotations

import runpy

from course.mutation import HEADER, build_test_module, mutation_report, run_pytest, student_tests

CORRECT = "def double(x):\n    return 2 * x\n"
FAULTY = [
    "def double(x):\n    return 3 * x\n",
    "def double(x):\n    return 2 * x if x >= 0 else 0\n",
    "def double(x):\n    return 2 * x + (1 if x == 10 else 0)\n",
]
STRONG = (
    "def test_two():\n    assert double(2) == 4\n\n"
    "def test_minus():\n    assert double(-3) == -6\n"
)
CALL_NEEDS_ARGUMENT = "def test_needs_x():\n    with pytest.raises(TypeError):\n        double()\n"
WEAK = "def test_type():\n    assert isinstance(double(2), int)\n"
WRONG = "def test_wrong():\n    assert double(2) == 5\n"


def module(*parts):
    return HEADER + "\n\n" + "\n\n".join(parts)


def test_the_test_module_keeps_the_whole_cell_around_the_tests(tmp_path):
    # a "cell" with an import, a constant, a helper and two tests, loaded as Python loads one
    cell = tmp_path / "cell.py"
    cell.write_text(
        "from math import isclose\n\nDOUBLE_OF_TWO = 4\n\n\n"
        "def doubled(x):\n    return double(x)\n\n\n"
        "def test_two():\n    assert isclose(doubled(2), DOUBLE_OF_TWO)\n\n\n"
        "def test_zero():\n    assert doubled(0) == 0\n"
    )
    namespace = runpy.run_path(str(cell), init_globals={"double": None})
    found = student_tests(namespace)
    assert [f.__name__ for f in found] == ["test_two", "test_zero"]
    text = build_test_module(found)
    assert text.startswith(HEADER) and "DOUBLE_OF_TWO = 4" in text and "def doubled" in text
    run = run_pytest(text, CORRECT)
    assert run.all_passed and run.tests == 2, run.output


def test_tests_that_change_from_run_to_run_fail_on_the_correct_code(tmp_path):
    counter = tmp_path / "runs"
    flaky = (
        "def test_sneaky():\n"
        f"    path = {str(counter)!r}\n"
        "    import os\n"
        "    runs = int(open(path).read()) + 1 if os.path.exists(path) else 1\n"
        "    open(path, 'w').write(str(runs))\n"
        "    assert runs <= 1 or double(2) != 4\n"
    )
    report = mutation_report(module(flaky), CORRECT, FAULTY)
    assert not report.on_correct.all_passed and report.score == 0.0


def test_tests_that_catch_every_fault_score_one():
    report = mutation_report(module(STRONG, CALL_NEEDS_ARGUMENT), CORRECT, FAULTY[:2])
    assert report.on_correct.all_passed and report.on_correct.tests == 3
    assert report.caught == (True, True) and report.score == 1.0


def test_tests_that_assert_nothing_useful_score_zero():
    report = mutation_report(module(WEAK), CORRECT, FAULTY)
    assert report.on_correct.all_passed
    assert report.caught == (False, False, False) and report.score == 0.0


def test_tests_that_catch_some_faults_get_part_of_the_score():
    report = mutation_report(module(STRONG), CORRECT, FAULTY)
    assert report.caught == (True, True, False)
    assert abs(report.score - 2 / 3) < 1e-9


def test_tests_that_fail_on_the_correct_code_score_zero():
    report = mutation_report(module(STRONG, WRONG), CORRECT, FAULTY)
    assert not report.on_correct.all_passed and report.on_correct.failures == 1
    assert report.score == 0.0


def test_no_tests_at_all_do_not_count_as_passing():
    assert not run_pytest(module(), CORRECT).all_passed


def test_an_implementation_that_hangs_counts_as_caught():
    hanging = "def double(x):\n    while True:\n        pass\n"
    assert not run_pytest(module(STRONG), hanging, timeout=5).all_passed
