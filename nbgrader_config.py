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

# Due dates, with their time zone; `python -m course grade` records them in the gradebook.
# The course sets none; for example:
# c.Deadlines.due = {"01-version-control": "2027-02-01 23:59:00 UTC"}
# Late work (course/deadlines.py): by default it loses 10 % of the notebook's score per started
# day late, after 15 minutes' grace, and all of it after 7 days; "none" turns penalties off.
# c.LatePenalty.penalty_method = "per_day"  # or "none", or "zero"
# c.LatePenalty.percent_per_day = 10
# c.LatePenalty.grace_minutes = 15
# c.LatePenalty.zero_after_days = 7  # None: never
# `grade --zip FILE`: how the LMS names the files in its bulk download (course/intake.py).
# c.LmsCollector.lms = "canvas"  # or "moodle", "blackboard"
# c.LmsCollector.named_regexp = r"(?P<student_id>[^_]+)_(?P<file_id>.+)"  # your own pattern
# c.LmsCollector.timezone = "UTC"  # the zone of times in file names (Blackboard's)
