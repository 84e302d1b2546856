"""The git sandbox: reproducible, isolated from the git config, fast for long histories."""

from __future__ import annotations

import subprocess

import pytest

from course.gitsandbox import (
    Branch,
    Commit,
    Merge,
    Switch,
    bare_repo,
    counting_check,
    current_branch,
    git,
    git_sandbox,
    history_with_a_bug,
    ignored_paths,
    status,
)

HISTORY = [
    Commit("Start", {"a.txt": "a\n", "sub/b.txt": "b\n"}),
    Branch("feature"),
    Commit("Feature", {"c.txt": "c\n", "sub/b.txt": None}),
    Switch("main"),
    Commit("Main", {"a.txt": "a2\n"}),
    Merge("feature"),
]


def test_the_same_script_gives_the_same_hashes():
    with git_sandbox(HISTORY) as first, git_sandbox(HISTORY) as second:
        assert git(first, "rev-parse", "HEAD") == git(second, "rev-parse", "HEAD")
        assert git(first, "log", "--format=%an <%ae> %ad", "-1") == (
            "Sam Sandbox <sam@example.org> Mon Jan 1 04:00:00 2024 +0000"
        )


def test_a_scripted_history_has_branches_merges_and_deletions():
    with git_sandbox(HISTORY) as repo:
        assert current_branch(repo) == "main" and status(repo) == ""
        assert len(git(repo, "log", "-1", "--format=%P").split()) == 2
        assert sorted(p.name for p in repo.iterdir()) == [".git", "a.txt", "c.txt"]
        assert git(repo, "ls-files") == "a.txt\nc.txt"


def test_fast_import_builds_the_same_commits_as_one_commit_at_a_time():
    steps = history_with_a_bug(commits=20, first_bad=7)
    with git_sandbox(steps) as slow, git_sandbox(steps, fast_import=True) as fast:
        assert git(slow, "rev-parse", "HEAD") == git(fast, "rev-parse", "HEAD")
        assert status(fast) == "" and (fast / "app.py").read_text() == "version = 20\nBUG\n"


def test_fast_import_refuses_branches():
    with pytest.raises(ValueError, match="only Commit steps"):
        with git_sandbox(HISTORY, fast_import=True):
            pass


def test_the_users_global_config_is_ignored(tmp_path, monkeypatch):
    config = tmp_path / "gitconfig"
    config.write_text("[user]\n\tname = Somebody Else\n[init]\n\tdefaultBranch = trunk\n")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    with git_sandbox([Commit("Start", {"a.txt": "a\n"})]) as repo:
        assert current_branch(repo) == "main"
        assert git(repo, "log", "-1", "--format=%an") == "Sam Sandbox"
        # a student's own subprocess call still commits as the sandbox's local identity
        (repo / "b.txt").write_text("b\n")
        subprocess.run(["git", "add", "b.txt"], cwd=repo, check=True)
        subprocess.run(["git", "commit", "-qm", "By hand"], cwd=repo, check=True)
        assert git(repo, "log", "-1", "--format=%an") == "Sam Sandbox"


def test_the_sandbox_is_deleted_afterwards():
    with git_sandbox([Commit("Start", {"a.txt": "a\n"})]) as repo:
        folder = repo.parent
    assert not folder.exists()


def test_history_with_a_bug_refuses_impossible_positions():
    for commits, first_bad in [(5, 1), (5, 6)]:
        with pytest.raises(ValueError):
            history_with_a_bug(commits, first_bad)


def test_counting_check_fails_on_the_bug_and_counts_runs():
    with git_sandbox(history_with_a_bug(3, 3), fast_import=True) as repo:
        check, runs = counting_check(repo.parent)
        assert subprocess.run(check, cwd=repo).returncode == 1
        git(repo, "checkout", "--quiet", "HEAD~1")
        assert subprocess.run(check, cwd=repo).returncode == 0
        assert runs.read_text().splitlines() == ["run", "run"]


def test_ignored_paths_asks_git(tmp_path):
    rules = "data/*\n!data/README.md\n*.pt\n"
    paths = ["data/x.csv", "data/README.md", "m.pt", "src/a.py", ".gitignore"]
    assert ignored_paths(rules, paths) == {"data/x.csv", "m.pt"}


def test_bare_repo_accepts_a_push(tmp_path):
    server = bare_repo(tmp_path / "server.git")
    with git_sandbox([Commit("Start", {"a.txt": "a\n"})]) as repo:
        git(repo, "push", "--quiet", str(server), "main")
        assert git(server, "rev-parse", "main") == git(repo, "rev-parse", "HEAD")


def test_ignored_paths_handles_spaces_and_folders():
    rules = "logs/\n*.tmp\n"
    paths = ["logs/", "logs/a.txt", "my notes.tmp", "keep me.txt"]
    assert ignored_paths(rules, paths) == {"logs/", "logs/a.txt", "my notes.tmp"}


def test_fast_import_of_no_commits_makes_an_empty_repository():
    with git_sandbox([], fast_import=True) as repo:
        assert git(repo, "rev-list", "--all") == ""
