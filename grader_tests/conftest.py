"""Shared fixtures: one demo class, graded once per test session by real nbgrader."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import pytest
from nbgrader.apps import NbGraderAPI

from course import pipeline
from course.demo import run_demo
from course.grading import Outcome
from course.layout import REPO_ROOT


def run_module(module: str, *args: str, timeout: float = 900) -> subprocess.CompletedProcess:
    """Run ``python -m <module> <args>`` in the repository, as a person at a terminal would."""
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


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


def build_once(shared: Path, module: str) -> DemoClass:
    """Grade the demo class of one module once per test run, whichever xdist worker asks first.

    The first worker to ask builds it under a lock in the folder that all workers share; the
    others wait for it and read its results. Different modules build in parallel.
    """
    root, results = shared / f"demo-{module}", shared / f"demo-{module}.json"
    with (shared / f"demo-{module}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not results.exists():
            before = repo_state()
            # nbgrader's kernels inherit the environment; without PYTEST_CURRENT_TEST they
            # behave as they do when an instructor grades (see test_grading_kernels.py)
            current_test = os.environ.pop("PYTEST_CURRENT_TEST", None)
            try:
                outcomes = run_demo(root, [module])
            finally:
                if current_test is not None:
                    os.environ["PYTEST_CURRENT_TEST"] = current_test
            saved = {
                "outcomes": [asdict(o) for o in outcomes],
                "repo_unchanged": repo_state() == before,
            }
            results.write_text(json.dumps(saved))
        saved = json.loads(results.read_text())
    return DemoClass(
        root=root,
        outcomes={(o["student"], o["module"]): Outcome(**o) for o in saved["outcomes"]},
        api=pipeline.nbgrader_api(root),
        repo_unchanged=saved["repo_unchanged"],
    )


@pytest.fixture(scope="session")
def demo_class(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], DemoClass]:
    """Return a function that gives the graded demo class of a module (see build_once)."""
    base = tmp_path_factory.getbasetemp()
    # under xdist each worker's base folder sits in the run's own folder, which they share;
    # without xdist the base folder is the run's own (its parent outlives the run)
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    built: dict[str, DemoClass] = {}

    def get(module: str) -> DemoClass:
        if module not in built:
            built[module] = build_once(shared, module)
        return built[module]

    return get
