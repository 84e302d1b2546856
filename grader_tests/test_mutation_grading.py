"""The mutation-graded exercise of module 03 gives full, partial and zero marks as it should."""

from __future__ import annotations

from pathlib import Path

import pytest
from trials import SUBMISSIONS, run_trial

MODULE, EXERCISE = "03-planning", "service_tests"
CATCH, PASS = "test_service_tests_catch_faults", "test_service_tests_pass"


def grades(name: str, workdir: Path) -> dict[str, tuple[float, float]]:
    answer = (SUBMISSIONS / MODULE / EXERCISE / f"{name}.py").read_text()
    return run_trial(MODULE, EXERCISE, answer, workdir)


@pytest.mark.parametrize(
    ("name", "passing", "caught"),
    [
        ("correct_table_driven", 2.0, 4.0),  # catches every faulty service
        ("wrong_no_assertions", 2.0, 0.0),  # passes everywhere, so catches nothing
        ("wrong_expects_percent", 0.0, 0.0),  # fails on the correct service: no credit at all
    ],
)
def test_full_and_zero_marks(name, passing, caught, tmp_path):
    got = grades(name, tmp_path)
    assert (got[PASS][0], got[CATCH][0]) == (passing, caught)


def test_tests_that_catch_some_faults_get_part_of_the_points(tmp_path):
    got = grades("wrong_happy_path_only", tmp_path)
    assert got[PASS][0] == 2.0
    assert 0.0 < got[CATCH][0] < 4.0
