"""Real Bash for the tools lesson: a fixed environment, arguments kept whole, a time limit."""

import os
import shutil
import time

import pytest

from course.sandbox import throwaway_folder
from course.shell import flaky_command, make_files, run_bash, run_script, shellcheck_findings


def test_commands_run_in_the_folder_with_the_c_locale_and_home_there():
    with throwaway_folder() as folder:
        make_files(folder, {"b.txt": "", "a b.txt": "", "sub/c.txt": "x"})
        run = run_bash('ls; echo "$LC_ALL $HOME"', folder)
    assert run.stdout.splitlines() == ["a b.txt", "b.txt", "sub", f"C {folder}"]
    assert (run.stderr, run.returncode) == ("", 0)


def test_arguments_reach_the_command_unsplit_and_failures_keep_their_status():
    with throwaway_folder() as folder:
        run = run_bash('printf "<%s>" "$@"; echo oops >&2; exit 7', folder, ["a  b", "*", ""])
    assert (run.stdout, run.stderr, run.returncode) == ("<a  b><*><>", "oops\n", 7)


def test_a_run_past_its_time_is_killed_with_everything_it_started():
    with throwaway_folder() as folder:
        started = time.monotonic()
        with pytest.raises(TimeoutError, match="within 1 seconds"):
            run_bash("sleep 30 & sleep 30; wait", folder, timeout=1)
        assert time.monotonic() - started < 10


def test_scripts_are_written_to_the_folder_and_run_with_bash():
    with throwaway_folder() as folder:
        run = run_script('echo "$0 $#"', folder, ["x", "y"], name="count.sh")
        assert (folder / "count.sh").read_text() == 'echo "$0 $#"'
    assert run.stdout == "count.sh 2\n"


def test_the_flaky_command_fails_on_the_chosen_run_with_its_message_and_status():
    with throwaway_folder() as folder:
        command = flaky_command(folder, 3, "it's 'bad'", status=4, noisy=True)
        runs = [run_bash('"$@"', folder, command) for _ in range(3)]
    assert [r.returncode for r in runs] == [0, 0, 4]
    assert [r.stdout for r in runs] == ["run 1\n", "run 2\n", "run 3\n"]
    assert [r.stderr for r in runs] == ["warning: run 1\n", "warning: run 2\n", "it's 'bad'\n"]


@pytest.mark.skipif(shutil.which("shellcheck") is None, reason="ShellCheck is not installed")
def test_shellcheck_findings_name_line_code_and_message():
    findings = shellcheck_findings('#!/usr/bin/env bash\nfor f in $(ls); do echo "$f"; done\n')
    assert findings == ["line 2: SC2045 (error) Iterating over ls output is fragile. Use globs."]
    assert shellcheck_findings('#!/usr/bin/env bash\necho "$1"\n') == []


def test_shellcheck_findings_is_none_without_shellcheck(monkeypatch):
    monkeypatch.setenv("PATH", os.devnull)
    assert shellcheck_findings("echo hi\n") is None


def test_shellcheck_is_installed_where_the_course_requires_it():
    if os.environ.get("COURSE_REQUIRE_SHELLCHECK") != "1":
        pytest.skip("only CI (.ci/run) requires ShellCheck")
    assert shutil.which("shellcheck"), ".ci/run installs ShellCheck: module 07 grades with it"
