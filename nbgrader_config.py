"""nbgrader's configuration for this course folder; the settings live in course/settings.py."""

from pathlib import Path

from course.settings import nbgrader_config

c = get_config()  # noqa: F821 (nbgrader provides get_config when it loads this file)
c.merge(nbgrader_config(Path(__file__).resolve().parent))
