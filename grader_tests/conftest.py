"""Shared fixtures: one demo class, graded once per test session by real nbgrader."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from nbgrader.apps import NbGraderAPI

from course import pipeline
from course.demo import run_demo
from course.grading import Outcome
from course.layout import REPO_ROOT


def repo_state(root: Path = REPO_ROOT) -> dict[str, str]:
    """Fingerprint the repository folders that grading could write to."""
    state = {}
    for folder in ("submitted", "autograded", "feedback", "release"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file():
                state[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest()
    gradebook = root / "gradebook.db"
    state["gradebook.db"] = str(gradebook.stat().st_mtime_ns) if gradebook.exists() else "absent"
    return state


@dataclass
class DemoClass:
    """The demo course after grading: its folder, outcomes and nbgrader API."""

    root: Path
    outcomes: dict[tuple[str, str], Outcome]
    api: NbGraderAPI
    repo_unchanged: bool


@pytest.fixture(scope="session")
def demo_class(tmp_path_factory: pytest.TempPathFactory) -> DemoClass:
    before = repo_state()
    root = tmp_path_factory.mktemp("demo-class")
    outcomes = run_demo(root)
    return DemoClass(
        root=root,
        outcomes={(o.student, o.module): o for o in outcomes},
        api=pipeline.nbgrader_api(root),
        repo_unchanged=repo_state() == before,
    )
