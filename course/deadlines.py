"""Due dates per module and the late-work policy, both set in ``nbgrader_config.py``.

Due dates: ``c.Deadlines.due = {"01-version-control": "2027-02-01 23:59:00 UTC"}``. ``python -m
course grade`` records them into the gradebook's assignment rows before it grades, where
nbgrader's autograde compares them with each submission's ``timestamp.txt``.

Penalties: nbgrader's ``AssignLatePenalties`` step asks :class:`LatePenalty` (set as its
``plugin_class`` in course/settings.py) how many points a late notebook loses. nbgrader keeps
the penalty beside the raw score (``late_submission_penalty``), so the raw score never changes;
the exported grades subtract it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from nbgrader.api import Gradebook
from nbgrader.apps import NbGraderAPI
from nbgrader.plugins import LateSubmissionPlugin
from traitlets import Dict, Enum, Float, Int, Unicode
from traitlets.config import Configurable

_ZONE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_+\-/]*")


class DeadlineError(ValueError):
    """A due date in the configuration is wrong; the message says which and why."""


def parse_moment(text: str, default_zone: str | None = None) -> datetime:
    """Read a date and time with its time zone and return it as nbgrader stores times.

    Accepted: ISO 8601 with an offset (``2027-02-01T23:59:00+01:00``, ``...Z``), or a date and
    time followed by a zone name (``2027-02-01 23:59:00 UTC``, ``... Europe/Berlin``).

    Args:
        text: the date and time.
        default_zone: the zone of a time written without one; without it, such a time is an
            error (an hour's difference decides whether work is late).

    Returns:
        the moment in UTC without a tzinfo, as nbgrader's gradebook and ``timestamp.txt`` hold
        it.

    Raises:
        ValueError: with a one-line reason, for text that is not such a moment.
    """
    text = text.strip()
    zone = None
    head, _, last = text.rpartition(" ")
    if head and _ZONE_NAME.fullmatch(last):
        try:
            zone = ZoneInfo(last)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"{text!r}: unknown time zone {last!r}") from None
        text = head.strip()
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a date and time such as 2027-02-01 23:59:00") from None
    if zone is not None:
        if moment.tzinfo is not None:
            raise ValueError(f"{text!r} gives both an offset and the zone {zone.key}")
        moment = moment.replace(tzinfo=zone)
    elif moment.tzinfo is None:
        if default_zone is None:
            raise ValueError(f"{text!r} has no time zone: write it as '{text} UTC', say")
        moment = moment.replace(tzinfo=ZoneInfo(default_zone))
    return moment.astimezone(UTC).replace(tzinfo=None)


class Deadlines(Configurable):
    """The due date of each module (``c.Deadlines.due`` in nbgrader_config.py)."""

    due = Dict(
        value_trait=Unicode(),
        key_trait=Unicode(),
        help="Due date and time of each module, with its time zone: "
        '{"01-version-control": "2027-02-01 23:59:00 UTC"}. A module not named keeps the '
        "due date the gradebook has (none unless set with nbgrader).",
    ).tag(config=True)


def due_dates(api: NbGraderAPI, modules: Iterable[str]) -> dict[str, datetime]:
    """Return the configured due date of each module of ``modules`` that has one (UTC, naive).

    Raises:
        DeadlineError: a due date that cannot be read, or one set for a module that
            ``modules`` lacks, with a one-line reason.
    """
    modules = list(modules)
    configured = Deadlines(parent=api).due
    unknown = sorted(set(configured) - set(modules))
    if unknown:
        raise DeadlineError(f"c.Deadlines.due names unknown module(s): {', '.join(unknown)}")
    dates = {}
    for module, text in configured.items():
        try:
            dates[module] = parse_moment(text)
        except ValueError as error:
            raise DeadlineError(f"c.Deadlines.due[{module!r}]: {error}") from None
    return dates


def record_due_dates(api: NbGraderAPI, modules: list[str], known: Iterable[str]) -> None:
    """Write the configured due dates of ``modules`` into the gradebook's assignment rows.

    Args:
        api: nbgrader's API for the course; its configuration holds ``Deadlines.due``.
        modules: the modules about to be graded.
        known: every module of the course (a due date for another one is a mistake).

    Raises:
        DeadlineError: see :func:`due_dates`.
    """
    dates = due_dates(api, known)
    if not any(module in dates for module in modules):
        return
    with Gradebook(api.coursedir.db_url, api.coursedir.course_id) as gradebook:
        for module in modules:
            if module in dates:
                gradebook.update_or_create_assignment(module, duedate=dates[module])


class LatePenalty(LateSubmissionPlugin):
    """The course's late-work policy, applied by nbgrader to each late notebook.

    With the default ``per_day`` method, a notebook handed in after its module's due date
    loses ``percent_per_day`` percent of its score for every started day (24 hours) of
    lateness, counted from the due date; work no more than ``grace_minutes`` late is on time;
    work more than ``zero_after_days`` days late loses its whole score. The defaults: 10 % per
    started day, 15 minutes' grace, nothing after 7 days. ``none`` gives no penalty and
    ``zero`` (nbgrader's) takes the whole score of any late notebook.

    The score is the one nbgrader has when it autogrades (written answers graded by hand later
    do not change the penalty); the penalty never exceeds it.
    """

    penalty_method = Enum(
        ("per_day", "none", "zero"),
        default_value="per_day",
        help="'per_day': the course policy above; 'none': no penalty; 'zero': the whole score.",
    ).tag(config=True)
    percent_per_day = Float(
        10.0, min=0.0, max=100.0, help="Percent of the notebook's score lost per started day."
    ).tag(config=True)
    grace_minutes = Float(
        15.0, min=0.0, help="Work at most this many minutes late counts as on time."
    ).tag(config=True)
    zero_after_days = Int(
        7,
        allow_none=True,
        min=0,
        help="Work more than this many days late scores zero (None: never).",
    ).tag(config=True)

    def late_submission_penalty(
        self, student_id: str, score: float, total_seconds_late: float
    ) -> float | None:
        """Return the points a notebook loses for being ``total_seconds_late`` late, or None."""
        if self.penalty_method == "none" or total_seconds_late <= self.grace_minutes * 60:
            return None
        if self.penalty_method == "zero":
            return score
        days = math.ceil(total_seconds_late / 86400)
        if self.zero_after_days is not None and total_seconds_late > self.zero_after_days * 86400:
            return score
        return round(score * min(1.0, self.percent_per_day * days / 100), 4)


@dataclass(frozen=True)
class Late:
    """A late submission and what it lost."""

    student: str
    module: str
    seconds_late: float
    penalty: float


def late_submissions(api: NbGraderAPI, modules: list[str]) -> list[Late]:
    """Return every submission of ``modules`` handed in after its due date, by student."""
    found = []
    with Gradebook(api.coursedir.db_url, api.coursedir.course_id) as gradebook:
        for module in modules:
            for submission in gradebook.assignment_submissions(module):
                if submission.total_seconds_late > 0:
                    found.append(
                        Late(
                            submission.student.id,
                            module,
                            submission.total_seconds_late,
                            float(submission.late_submission_penalty or 0),
                        )
                    )
    return sorted(found, key=lambda late: (late.student, late.module))


def describe_late(late: Late) -> str:
    """Say in one line how late a submission was and what it lost."""
    hours = late.seconds_late / 3600
    when = f"{hours / 24:.1f} days" if hours >= 48 else f"{hours:.1f} h"
    lost = f"-{late.penalty:g} point(s)" if late.penalty else "no penalty"
    return f"late: {late.student} {late.module} handed in {when} after the due date: {lost}"
