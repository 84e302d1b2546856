"""The instructor CLI, run as instructors run it: ``python -m course VERB`` in a subprocess."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from conftest import run_module

from course.layout import REPO_ROOT
from course.scratch import make_scratch_course


def course(*args: str) -> subprocess.CompletedProcess:
    return run_module("course", *args, timeout=900)


def test_check_passes_on_a_module():
    # test_pipeline.py proves every module with the same functions; this proves the command
    result = course("check", "00-orientation")
    assert result.returncode == 0, result.stdout + result.stderr
    # 2 static and 3 graded findings for the module, plus one for the README
    assert "6 passed, 0 failed" in result.stdout


def test_demo_prints_the_table_of_the_sample_class():
    result = course("demo", "00-orientation")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("student"))
    rows = {line.split()[0]: line for line in lines[header + 1 : header + 5]}
    assert "20/20" in rows["ada-full"] and "to grade /4" in rows["ada-full"]
    assert "0/20" in rows["ben-untouched"]
    assert "12/20" in rows["cleo-partial"]
    assert "0/20" in rows["dev-broken-json"]
    assert "00-orientation.ipynb is not valid JSON (" in rows["dev-broken-json"]
    # then the class report's summary (grader_tests/test_report.py checks its numbers)
    assert "00-orientation: 4 submission(s) (1 not graded" in result.stdout
    assert any(line.startswith("report: ") and line.endswith("/report.html") for line in lines)


def test_check_fails_when_release_is_out_of_sync(tmp_path):
    for name in ("source", "release", "README.md", "pyproject.toml"):
        copy = shutil.copytree if (REPO_ROOT / name).is_dir() else shutil.copy
        copy(REPO_ROOT / name, tmp_path / name)
    stale = tmp_path / "release" / "00-orientation" / "00-orientation.ipynb"
    stale.write_text(stale.read_text().replace("Objectives", "Aims", 1))
    result = course("--course", str(tmp_path), "check", "00-orientation")
    assert result.returncode == 1
    assert "FAIL 00-orientation: release/ in sync with source/" in result.stdout


def test_grade_with_nothing_submitted_says_so(tmp_path):
    make_scratch_course(tmp_path, ["00-orientation"])
    result = course("--course", str(tmp_path), "grade")
    assert result.returncode == 0, result.stderr
    assert "nothing to grade" in result.stdout


def test_an_unknown_module_is_refused():
    result = course("check", "42-nonsense")
    assert result.returncode != 0
    assert "unknown module(s) 42-nonsense" in result.stderr


@pytest.mark.parametrize("verb", ["report", "export", "feedback"])
def test_reading_verbs_need_a_gradebook_and_say_so_in_one_line(verb, tmp_path):
    result = run_module("course", "--course", str(tmp_path), verb, timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"error: {tmp_path} has no gradebook.db: grade first (python -m course grade)"
    )
    assert list(tmp_path.iterdir()) == [], "no empty gradebook is left behind"


@pytest.mark.parametrize("verb", ["report", "export"])
def test_a_gradebook_url_that_cannot_be_opened_is_one_line(verb, tmp_path):
    url = f"sqlite:///{tmp_path}/missing/gradebook.db"
    result = run_module("course", "--course", str(tmp_path), verb, "--db", url, timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "error: the gradebook cannot be read: (sqlite3.OperationalError) unable to open "
        "database file"
    ]


def test_a_course_folder_that_does_not_exist_is_named(tmp_path):
    result = run_module("course", "--course", str(tmp_path / "nope"), "report", timeout=120)
    assert (result.returncode, result.stderr.strip()) == (
        1,
        f"error: no course folder {tmp_path / 'nope'}",
    )
