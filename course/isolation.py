"""Run each submission in a sandbox with limits, inside nbgrader's own autograde pipeline.

nbgrader runs student code with the grader's permissions and no limits. Here its ``Execute``
step is replaced by :class:`SandboxedExecute`: nbgrader still sanitises the notebook (restoring
locked and test cells from the source) before it, and still scores and records the executed
notebook after it; only the execution moves. It happens in a scratch folder that holds nothing
but the notebook, through ``python -m course.runner``, wrapped in

- ``bwrap`` (bubblewrap), when it is installed and works: a read-only view of the machine with
  the course folder and the repository's ``source/`` hidden, a private ``/tmp``, no network, an
  unprivileged user (65534) and no capabilities;
- ``prlimit`` for the memory cap (address space), and a ``pids`` cgroup for the process cap when
  the machine lets the grader create one;
- a wall-clock limit on the whole notebook, on top of nbgrader's per-cell ``Execute.timeout``.

Every limit is a trait settable in ``nbgrader_config.py`` (``c.SandboxedExecute.memory_mb``...).
What was enforced, and anything that went wrong, is noted per submission in
:data:`GRADING_NOTES` for the grade report. Test cells that did not run (the kernel died, the
wall clock ran out) get an error output, so that nbgrader scores them zero: nothing scores by not
running.
"""

from __future__ import annotations

import ast
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import nbformat
from nbformat import NotebookNode
from nbgrader.preprocessors import Execute
from traitlets import Bool, Integer

from course.layout import REPO_ROOT
from course.pipeline import write_kernel_profile
from course.runner import read_reports

#: Notes for the report, per (student, module): limits that could not be enforced, tampering,
#: cells that did not run. Filled while nbgrader autogrades; read and cleared by the caller.
GRADING_NOTES: dict[tuple[str, str], list[str]] = {}

_PIDS_CGROUP_ROOTS = (Path("/sys/fs/cgroup/pids"), Path("/sys/fs/cgroup"))


@cache
def bubblewrap_works() -> bool:
    """Return True when ``bwrap`` is installed and can make the sandbox on this machine."""
    program = shutil.which("bwrap")
    if program is None:
        return False
    probe = [program, "--ro-bind", "/", "/", "--unshare-user", "--unshare-net", "true"]
    return subprocess.run(probe, capture_output=True, check=False, timeout=30).returncode == 0


@contextmanager
def pids_cgroup(limit: int) -> Iterator[Path | None]:
    """Yield a new ``pids`` cgroup allowing ``limit`` processes, or None where none can be made.

    Whatever is still in the cgroup at the end is killed, then the cgroup is removed.
    """
    folder = None
    for root in _PIDS_CGROUP_ROOTS:
        if not (root / "pids.max").exists() and not (root / "cgroup.procs").exists():
            continue
        candidate = root / f"course-grade-{uuid.uuid4().hex[:12]}"
        try:
            candidate.mkdir()
            (candidate / "pids.max").write_text(str(limit))
            folder = candidate
            break
        except OSError:
            if candidate.exists():
                candidate.rmdir()
    try:
        yield folder
    finally:
        if folder is not None:
            for pid in (folder / "cgroup.procs").read_text().split():
                try:
                    os.kill(int(pid), signal.SIGKILL)
                except ProcessLookupError:
                    pass
            for _ in range(50):
                try:
                    folder.rmdir()
                    break
                except OSError:  # busy until the killed processes are gone
                    time.sleep(0.05)


def _student_cells(nb: NotebookNode) -> Iterator[tuple[int, ast.Module]]:
    """Yield (index, parsed source) of the code cells a student wrote: not locked, not tests."""
    for index, cell in enumerate(nb.cells):
        info = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code" or info.get("locked") or info.get("grade"):
            continue
        try:
            yield index, ast.parse(cell.source)
        except SyntaxError:
            continue


def module_patches(nb: NotebookNode) -> list[str]:
    """Return the places where a student's code replaces parts of modules or of Python itself.

    Tests rely on the functions of the modules they use (``np.allclose``, ``math.isclose``,
    ``course.shell``...) and on builtins. A student cell that assigns to an attribute of an
    imported module (``math.isclose = ...``, or ``setattr`` on it), to ``builtins`` or
    ``__builtins__``, or into ``sys.modules`` could make any test pass, so the grader refuses it.
    """
    modules = {"builtins", "__builtins__"}  # names bound to modules, in any cell
    for cell in nb.cells:
        try:
            tree = ast.parse(cell.source) if cell.cell_type == "code" else None
        except SyntaxError:
            tree = None
        for node in ast.walk(tree) if tree else []:
            if isinstance(node, ast.Import):
                modules |= {(a.asname or a.name).split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom):
                modules |= {a.asname or a.name for a in node.names}
    findings = []
    for index, tree in _student_cells(nb):
        for node in ast.walk(tree):
            targets: list[ast.expr] = []
            if isinstance(node, ast.Assign):
                targets = node.targets
            elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
                targets = [node.target]
            elif isinstance(node, ast.Delete):
                targets = node.targets
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in {"setattr", "delattr"}
                and node.args
            ):
                targets = [ast.Attribute(value=node.args[0], attr="...", ctx=ast.Store())]
            for target in targets:
                replaces_attribute = (
                    isinstance(target, ast.Attribute)
                    and isinstance(target.value, ast.Name)
                    and target.value.id in modules
                )
                fills_sys_modules = (
                    isinstance(target, ast.Subscript)
                    and isinstance(target.value, ast.Attribute)
                    and target.value.attr == "modules"
                    and isinstance(target.value.value, ast.Name)
                    and target.value.value.id == "sys"
                )
                if replaces_attribute or fills_sys_modules:
                    findings.append(f"cell {index + 1} changes {ast.unparse(target)}")
    return findings


def _imports(tree: ast.Module) -> set[tuple[str, str]]:
    """Return (name bound, what it names) for a cell's top-level imports: ("np", "numpy")."""
    bound = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            bound |= {(a.asname or a.name.split(".")[0], a.name) for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            origin = "." * node.level + (node.module or "")
            bound |= {(a.asname or a.name, f"{origin}.{a.name}") for a in node.names}
    return bound


def _bound_names(tree: ast.Module) -> set[str]:
    """Return the names a cell's top-level statements bind, imports aside (see _imports)."""
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            continue
        else:
            targets = []
            if isinstance(node, ast.Assign):
                targets = node.targets
            elif isinstance(node, (ast.AugAssign, ast.AnnAssign, ast.For, ast.With)):
                targets = [getattr(node, "target", None)] + [
                    item.optional_vars for item in getattr(node, "items", [])
                ]
            for target in targets:
                for inner in ast.walk(target) if target is not None else []:
                    if isinstance(inner, ast.Name):
                        names.add(inner.id)
    return names


def rebound_test_names(nb: NotebookNode) -> list[str]:
    """Return where student cells rebind a name that the tests take from Python or the set-up.

    Tests call builtins (``len``, ``sorted``) and what the locked set-up cells define
    (``throwaway_folder``...). A student cell that rebinds one of those names after the set-up
    would change what the tests check, so the grader refuses it. The exercises' own names are
    the student's to define.
    """
    import builtins

    def parsed(cell: NotebookNode) -> ast.Module | None:
        try:
            return ast.parse(cell.source)
        except SyntaxError:
            return None

    meta = [cell.metadata.get("nbgrader", {}) for cell in nb.cells]
    used: set[str] = set()
    provided = set(dir(builtins))
    imported: set[tuple[str, str]] = set()
    for cell, info in zip(nb.cells, meta, strict=True):
        tree = parsed(cell) if cell.cell_type == "code" else None
        if tree is None:
            continue
        if info.get("grade"):
            used |= {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        elif info.get("locked"):
            imported |= _imports(tree)
            provided |= _bound_names(tree) | {name for name, _ in imported}
    protected = used & provided
    findings = []
    for index, tree in _student_cells(nb):
        # importing again what the set-up imported is fine; importing something else under
        # that name is not
        rebound = _bound_names(tree) | {name for name, _ in _imports(tree) - imported}
        clashes = sorted(rebound & protected)
        if clashes:
            findings.append(f"cell {index + 1} rebinds {', '.join(clashes)}")
    return findings


def _error(reason: str) -> NotebookNode:
    return nbformat.v4.new_output(
        "error", ename="NotGraded", evalue=reason, traceback=[f"NotGraded: {reason}"]
    )


def _timeouts(nb: NotebookNode) -> list[str]:
    """Name the test cells that were interrupted because they ran past the cell time limit."""
    stopped = [
        cell.metadata.get("nbgrader", {}).get("grade_id", "?")
        for cell in nb.cells
        if cell.cell_type == "code"
        and cell.metadata.get("nbgrader", {}).get("grade")
        and any(
            output.get("ename") in {"CellTimeoutError", "KeyboardInterrupt"}
            for output in cell.get("outputs", [])
        )
    ]
    return [f"timed out: {', '.join(stopped)}"] if stopped else []


class SandboxedExecute(Execute):
    """nbgrader's Execute step, run in a sandbox with limits (see the module's documentation)."""

    wall_seconds = Integer(600, help="Seconds the whole notebook may run.").tag(config=True)
    memory_mb = Integer(2048, help="Address space of each process, in MiB.").tag(config=True)
    max_processes = Integer(256, help="Processes and threads at once.").tag(config=True)
    max_output_bytes = Integer(1_000_000, help="Output kept per cell.").tag(config=True)
    allow_network = Bool(False, help="Let submissions reach the network.").tag(config=True)
    require_sandbox = Bool(
        False, help="Refuse to grade where bubblewrap is missing, instead of limits only."
    ).tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        """Execute ``nb`` in the sandbox and return it executed, as nbgrader's Execute does."""
        key = (resources["nbgrader"]["student"], resources["nbgrader"]["assignment"])
        notes = GRADING_NOTES.setdefault(key, [])
        patches = module_patches(nb) + rebound_test_names(nb)
        if patches:
            reason = "refused: the notebook changes what the tests rely on: "
            notes.append(reason + "; ".join(patches))
            return self._refused(nb, reason + patches[0]), resources
        sandboxed = bubblewrap_works()
        if not sandboxed:
            if self.require_sandbox:
                notes.append("not graded: bubblewrap is missing and require_sandbox is set")
                return self._refused(nb, "the grader has no sandbox"), resources
            notes.append("no sandbox (bubblewrap missing): limits only, no isolation")
        with tempfile.TemporaryDirectory(prefix="course-sandbox-") as scratch:
            executed, status = self._run(nb, Path(scratch), sandboxed, notes)
        if status != "finished":
            notes.append(status)
        notes += _timeouts(executed)
        return self._mark_unrun(executed, status), resources

    def _refused(self, nb: NotebookNode, reason: str) -> NotebookNode:
        for cell in nb.cells:
            if cell.cell_type == "code" and cell.metadata.get("nbgrader", {}).get("grade"):
                cell.outputs = [_error(reason)]
        return nb

    def _mark_unrun(self, nb: NotebookNode, status: str) -> NotebookNode:
        for cell in nb.cells:
            grade = cell.metadata.get("nbgrader", {}).get("grade")
            if cell.cell_type == "code" and grade and cell.get("execution_count") is None:
                cell.outputs = [_error(f"this cell did not run: {status}")]
        return nb

    def _command(self, work: Path, scratch: Path, sandboxed: bool, report_fd: int) -> list[str]:
        run = [
            sys.executable, "-m", "course.runner", str(work / "submission.ipynb"),
            f"--report-fd={report_fd}", f"--timeout={int(self.timeout or 60)}",
            f"--max-output={self.max_output_bytes}",
        ]  # fmt: skip
        limited = ["prlimit", f"--as={self.memory_mb * 1024 * 1024}", "--", *run]
        if not sandboxed:
            return limited
        hidden = {REPO_ROOT, Path(self.config.CourseDirectory.root or REPO_ROOT).resolve()}
        shown = [Path(sys.prefix).resolve(), REPO_ROOT / "course"]
        wrap = ["bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc"]
        wrap += ["--tmpfs", "/tmp"]
        for folder in sorted(hidden):
            wrap += ["--tmpfs", str(folder)]
        for folder in shown:
            if folder.exists():
                wrap += ["--ro-bind", str(folder), str(folder)]
        wrap += ["--bind", str(scratch), str(scratch), "--chdir", str(work)]
        wrap += ["--unshare-user", "--uid", "65534", "--gid", "65534", "--cap-drop", "ALL"]
        # a pid namespace: when the run ends, everything it started ends with it
        wrap += ["--die-with-parent", "--new-session", "--unshare-pid"]
        if not self.allow_network:
            wrap += ["--unshare-net"]
        return [*wrap, *limited]

    def _run(
        self, nb: NotebookNode, scratch: Path, sandboxed: bool, notes: list[str]
    ) -> tuple[NotebookNode, str]:
        work = scratch / "work"
        work.mkdir()
        nbformat.write(nb, str(work / "submission.ipynb"))
        environment = {
            "PATH": os.pathsep.join([str(Path(sys.executable).parent), "/usr/bin", "/bin"]),
            "HOME": str(work),
            "IPYTHONDIR": str(write_kernel_profile(scratch / "ipython")),
            "NBGRADER_EXECUTION": "autograde",
            "LC_ALL": "C.UTF-8",
            "MPLBACKEND": "Agg",
            "PYTHONBREAKPOINT": "0",
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        key = secrets.token_hex(32)
        reading, writing = os.pipe()
        command = self._command(work, scratch, sandboxed, writing)
        received: list[str] = []
        reader = threading.Thread(target=_collect, args=(reading, received), daemon=True)
        reader.start()
        with pids_cgroup(self.max_processes) as cgroup:
            if cgroup is None:
                notes.append("no process cap (no pids cgroup can be made here)")
            else:
                enter = 'echo $$ > "$1/cgroup.procs" && shift && exec "$@"'
                command = ["sh", "-c", enter, "sh", str(cgroup), *command]
            with open(work.parent / "runner.log", "wb") as log:
                process = subprocess.Popen(
                    command, cwd=work, env=environment, stdin=subprocess.PIPE, stdout=log,
                    stderr=log, start_new_session=True, pass_fds=(writing,),
                )  # fmt: skip
                os.close(writing)
                status = None
                try:
                    process.stdin.write(f"{key}\n".encode())  # type: ignore[union-attr]
                    process.stdin.close()  # type: ignore[union-attr]
                    process.wait(timeout=self.wall_seconds)
                except BrokenPipeError:
                    process.wait(timeout=self.wall_seconds)
                except subprocess.TimeoutExpired:
                    status = f"the notebook ran longer than {self.wall_seconds} s and was stopped"
                finally:
                    try:
                        os.killpg(process.pid, signal.SIGKILL)
                    except ProcessLookupError:
                        pass
                    process.wait()
        reader.join(timeout=10)
        executed, reported = read_reports(received, key.encode())
        if status is None:
            status = reported or f"the grading run failed (exit status {process.returncode})"
        return (nbformat.from_dict(executed) if executed else nb), status


def _collect(fd: int, received: list[str]) -> None:
    """Read the runner's report lines until every writer has gone, keeping the last two."""
    with os.fdopen(fd, encoding="utf-8", errors="replace") as reports:
        for line in reports:
            received.append(line)
            del received[:-2]
