"""nbgrader's configuration for this course folder; the settings live in course/settings.py.

``python -m course grade`` reads this file too, so a limit changed here applies to every way of
grading. The lines below restate the defaults of the limits on each graded notebook (see
course/isolation.py); change a value to change the limit.
"""

from pathlib import Path

from course.settings import nbgrader_config

c = get_config()  # noqa: F821 (nbgrader provides get_config when it loads this file)
c.merge(nbgrader_config(Path(__file__).resolve().parent))

c.Execute.timeout = 60  # seconds one cell may run before it is interrupted
c.SandboxedExecute.wall_seconds = 600  # seconds the whole notebook may run
c.SandboxedExecute.memory_mb = 2048  # address space of each process, in MiB
c.SandboxedExecute.max_processes = 256  # processes and threads at once (needs a pids cgroup)
c.SandboxedExecute.max_output_bytes = 1_000_000  # output kept per cell
c.SandboxedExecute.max_file_mb = 100  # the largest file a submission may write
c.SandboxedExecute.allow_network = False  # submissions run without a network
# Without bubblewrap: True refuses to grade, False grades with limits only, None refuses only
# when grading runs as root (where an unsandboxed submission could read anything).
c.SandboxedExecute.require_sandbox = None
c.LimitOutput.max_lines = 500  # lines of output kept per cell in feedback
