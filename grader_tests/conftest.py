"""Shared fixtures: one demo class, graded once per test session by real nbgrader."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
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


def free_port() -> int:
    """Return a TCP port on the loopback address that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class JupyterServer:
    """A Jupyter server (``jupyter-server`` or ``jupyter-lab``) on a loopback port with a token.

    It serves ``root``, logs into ``log``, and answers :meth:`request` once :meth:`wait`
    returns; :meth:`stop` ends it.
    """

    def __init__(self, app: str, root: Path, log: Path, *options: str) -> None:
        """Start ``app`` from this environment for ``root``, with extra command-line options."""
        self.app, self.root = app, root
        self.token = secrets.token_hex(16)
        self.url = f"http://127.0.0.1:{free_port()}"
        self.log = log.open("w")
        self.process = subprocess.Popen(
            [
                str(Path(sys.executable).parent / app),
                "--no-browser",
                "--allow-root",  # harmless when not root; CI machines run tests as root
                "--ip=127.0.0.1",
                f"--port={self.url.rsplit(':', 1)[1]}",
                f"--IdentityProvider.token={self.token}",
                f"--ServerApp.root_dir={root}",
                *options,
            ],
            cwd=root,  # formgrader reads the nbgrader_config.py of the folder it starts in
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def request(self, path: str, body: dict | None = None, method: str = "") -> bytes:
        """Send a GET (a PUT when there is a JSON body) with the token; return the response."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            self.url + path,
            data=data,
            method=method or ("GET" if body is None else "PUT"),
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.read()

    def wait(self, seconds: float = 90) -> None:
        """Return once the server answers; raise if it exits or stays silent."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.app} exited; see {self.log.name}")
            try:
                self.request("/api/status")
                return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.3)
        raise TimeoutError(f"{self.app} did not answer in {seconds} s; see {self.log.name}")

    def stop(self) -> None:
        """Stop the server (it shuts its kernels down) and close its log."""
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()
