"""Intake of an LMS bulk download: its notebooks into ``submitted/<student>/<module>/``.

An instructor downloads every submission of an assignment from the LMS as one zip. The intake
hands it to nbgrader's own ``zip_collect`` machinery (``ZipCollectApp``), with two plugins of
the course:

- :class:`SafeExtractor` checks the zip before nbgrader unpacks it (a damaged file, a zip bomb,
  members that would land outside the folder) and does not open archives inside it;
- :class:`LmsCollector` reads the student, the module and any submission time from each file
  name, with a preset for Canvas, Moodle or Blackboard names or with your own pattern.

The module comes from the notebook's own name (``00-orientation.ipynb``, or ``...-1.ipynb`` as
an LMS renames a re-upload), so one zip may hold one module or several. nbgrader writes each
submission's time, where the file name gives one, to ``timestamp.txt``; autograde compares it
with the module's due date (course/deadlines.py).

Settings, in ``nbgrader_config.py``: ``c.LmsCollector.lms = "moodle"`` (the preset; Canvas by
default), ``c.LmsCollector.named_regexp = r"..."`` (a pattern of your own, which wins over the
preset), ``c.LmsCollector.timezone = "Europe/Berlin"`` (the zone of times in file names, such as
Blackboard's), and the limits ``c.SafeExtractor.max_members`` and ``c.SafeExtractor.max_mb``.
"""

from __future__ import annotations

import copy
import io
import logging
import os
import re
import shutil
import stat
import tempfile
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from nbgrader.apps import ZipCollectApp
from nbgrader.coursedir import CourseDirectory
from nbgrader.plugins import ExtractorPlugin, FileNameCollectorPlugin
from nbgrader.utils import temp_attrs, unzip
from traitlets import Enum, Int, Set, Unicode
from traitlets.config import Config

from course import pipeline
from course.deadlines import parse_moment
from course.layout import module_ids

#: File-name patterns of the LMS bulk downloads (matched against the name, or the last parts
#: of its path inside the zip; see :meth:`LmsCollector.describe`).
LMS_PATTERNS = {
    # Canvas: login_[LATE_]userid_submissionid_filename, the login being the student's sortable
    # name run together ("smithbob"); a re-uploaded file gets "-1", "-2"... before its suffix.
    "canvas": r"(?P<student_id>[^_/]+)_(?:(?P<late>[Ll][Aa][Tt][Ee])_)?\d+_\d+_(?P<file_id>[^/]+)",
    # Moodle: "Full Name_participantid_assignsubmission_file_", then the file name, either as a
    # folder of its own ("Download submissions in folders") or run together with it.
    "moodle": r"(?P<student_id>[^/]+?)_\d+_assignsubmission_file_/?(?P<file_id>.+)",
    # Blackboard: Assignment_username_attempt_YYYY-MM-DD-HH-MM-SS_filename, one file per attempt
    # (the username must not hold "_", as in nbgrader's own example pattern).
    "blackboard": (
        r"[^/]+_(?P<student_id>[^_/]+)_attempt_"
        r"(?P<timestamp>\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d)_(?P<file_id>[^/]+)"
    ),
}

#: A notebook file named after a module, with a re-upload suffix that an LMS may add.
_REUPLOAD = re.compile(r"(?P<stem>.+?)(?:-\d+| ?\(\d+\))")
#: What a student id may hold once normalised: letters and digits of any script, ".", "_",
#: "@" and "-", starting with a letter or digit (so never "." or "..").
_SAFE_ID = re.compile(r"[^\W_][\w.@-]*")
MAX_ID_LENGTH = 128  # nbgrader's gradebook keeps student ids in a 128-character column


class IntakeError(Exception):
    """The intake refused the archive; the message says why in one line."""


@dataclass(frozen=True)
class Collected:
    """A notebook put into ``submitted/``, and the time the LMS says it was handed in."""

    student: str
    module: str
    submitted_at: datetime | None  # UTC; None when the file name gives no time
    marked_late: bool = False  # the LMS marked it late (Canvas) without saying when


@dataclass(frozen=True)
class Skipped:
    """A file of the archive that was not collected, and why."""

    file: str
    reason: str


@dataclass
class IntakeReport:
    """What an intake did."""

    archive: str
    collected: list[Collected] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def safe_student_id(raw: str) -> str:
    """Turn the student part of a file name into a student id that is a safe folder name.

    Normalised, always the same way: Unicode NFKC, lower case, every run of white space made
    one ``-``, apostrophes dropped (Moodle's ``"Seán O'Brien"`` becomes ``seán-obrien``).
    Rejected: anything else that is not a letter, a digit, ``.``, ``_``, ``@`` or ``-`` (slashes,
    control characters, ``+``, wildcards), an id that does not start with a letter or digit
    (``.``, ``..``, hidden folders) and one over 128 characters. Rejected ids are not
    repaired, since a repaired id could name another student.

    Raises:
        ValueError: with the reason, for an id that is rejected.
    """
    text = unicodedata.normalize("NFKC", raw).strip().lower()
    text = re.sub(r"[ \t]+", "-", text).replace("'", "").replace("\u2019", "")
    if not text:
        raise ValueError("no student id in the file name")
    if len(text) > MAX_ID_LENGTH:
        raise ValueError(f"student id over {MAX_ID_LENGTH} characters")
    if not _SAFE_ID.fullmatch(text):
        raise ValueError(f"student id {raw!r} is not a safe folder name")
    return text


def module_of(file_id: str, modules: list[str]) -> str | None:
    """Return the module whose notebook ``file_id`` is, or None.

    ``file_id`` is the notebook's file name as the student uploaded it; an LMS may have added
    ``-1`` (Canvas) or `` (1)`` to it.
    """
    name = PurePosixPath(file_id).name
    if not name.endswith(".ipynb"):
        return None
    stem = name.removesuffix(".ipynb")
    if stem in modules:
        return stem
    match = _REUPLOAD.fullmatch(stem)
    return match["stem"] if match and match["stem"] in modules else None


def check_archive(path: Path, max_members: int, max_bytes: int) -> None:
    """Make sure that a zip file can be unpacked safely, before anything is unpacked.

    Raises:
        IntakeError: the file is missing or not a zip, damaged or encrypted, holds more than
            ``max_members`` members or more than ``max_bytes`` bytes once unpacked (sizes read
            from its directory; Python's zipfile never unpacks more than a member declares),
            or holds a member with an absolute path, a ``..`` part or a link.
    """
    name = path.name
    if not path.is_file():
        raise IntakeError(f"{path} is not a file")
    if not zipfile.is_zipfile(path):
        raise IntakeError(f"{name} is not a zip file")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > max_members:
                raise IntakeError(
                    f"{name} holds {len(members)} files, over the limit of {max_members}"
                )
            total = sum(member.file_size for member in members)
            if total > max_bytes:
                raise IntakeError(
                    f"{name} would unpack to {total / 2**20:.0f} MB, over the limit of "
                    f"{max_bytes / 2**20:.0f} MB (c.SafeExtractor.max_mb)"
                )
            for member in members:
                parts = re.split(r"[/\\]", member.filename)
                if member.filename.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", parts[0]):
                    raise IntakeError(
                        f"{name} holds a member with an absolute path: {member.filename!r}"
                    )
                if ".." in parts:
                    raise IntakeError(
                        f"{name} holds a member outside its folder: {member.filename!r}"
                    )
                if stat.S_ISLNK(member.external_attr >> 16):
                    raise IntakeError(f"{name} holds a link: {member.filename!r}")
            damaged = archive.testzip()
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
        raise IntakeError(f"{name} is a damaged zip file ({error})") from None
    except (RuntimeError, NotImplementedError) as error:  # encrypted, or an unknown method
        raise IntakeError(f"{name} cannot be unpacked ({error})") from None
    if damaged is not None:
        raise IntakeError(f"{name} is a damaged zip file (bad data in {damaged!r})")


class SafeExtractor(ExtractorPlugin):
    """nbgrader's extractor, which first checks each archive with :func:`check_archive`.

    nbgrader's own extractor also unpacks archives found inside archives, which the size
    limits could not see in advance; this one unpacks the top-level archives only, and any
    archive inside is left as a file (which the collector skips: not a notebook).
    """

    max_members = Int(20_000, min=1, help="Most files an archive may hold.").tag(config=True)
    max_mb = Int(2048, min=1, help="Most MB an archive may unpack to.").tag(config=True)

    def extract(self, archive_path: str, extracted_path: str) -> None:
        """Check, then unpack every archive in ``archive_path`` into ``extracted_path``."""
        for archive in sorted(Path(archive_path).iterdir()):
            check_archive(archive, self.max_members, self.max_mb * 2**20)
            unzip(str(archive), extracted_path, zip_ext=[archive.suffix], create_own_folder=True)


class LmsCollector(FileNameCollectorPlugin):
    """Read the student, the module and any time of submission from an LMS file name.

    The pattern is ``named_regexp`` when set, else the preset ``lms`` (see
    :data:`LMS_PATTERNS`). It names the groups ``student_id`` and ``file_id``, and may name
    ``timestamp`` (a time in the file name) and ``late`` (a late mark without a time, as
    Canvas gives). A time without a zone is read in ``timezone``.

    nbgrader's ``zip_collect`` collects one module at a time (its ``assignment_id``); this
    collector answers only for the files of that module.
    """

    lms = Enum(
        sorted(LMS_PATTERNS), default_value="canvas", help="Which LMS named the files."
    ).tag(config=True)
    timezone = Unicode("UTC", help="Time zone of times in file names without one.").tag(
        config=True
    )

    excluded = Set(help="Files that the intake decided not to collect (older attempts, say).")

    def pattern(self) -> re.Pattern[str]:
        """Return the compiled file-name pattern.

        Raises:
            IntakeError: it does not compile, or it lacks a ``student_id`` or ``file_id`` group.
        """
        text = self.named_regexp or LMS_PATTERNS[self.lms]
        try:
            compiled = re.compile(text)
        except re.error as error:
            raise IntakeError(
                f"the pattern {text!r} is not a regular expression ({error})"
            ) from None
        missing = {"student_id", "file_id"} - set(compiled.groupindex)
        if missing:
            groups = " and ".join(f"(?P<{g}>...)" for g in sorted(missing))
            raise IntakeError(f"the pattern {text!r} needs the group(s) {groups}")
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise IntakeError(
                f"c.LmsCollector.timezone: unknown time zone {self.timezone!r}"
            ) from None
        return compiled

    def _parts(self, submitted_file: str) -> tuple[str, ...]:
        """The parts of a file's path below nbgrader's extracted folder (all, elsewhere).

        nbgrader hands the collector absolute paths and matches its pattern against them with
        ``re.match``, so that a pattern must allow for the course's own folders (its examples
        begin with ``.+``) and can be fooled by them; this collector looks below the unpacked
        folder only.
        """
        path = Path(submitted_file)
        app = self.parent
        if isinstance(app, ZipCollectApp):
            try:
                return path.relative_to(app._format_collect_path(app.extracted_directory)).parts
            except ValueError:
                pass
        return path.parts

    def describe(self, submitted_file: str) -> dict | str:
        """Return what a file name says (nbgrader's collect fields and more), or why it is skipped.

        nbgrader matches the pattern from the start of the file's absolute path, so that its
        patterns must begin with ``.+``; here the pattern must match the whole of the file's
        name, or else of its last two, three... path parts inside the zip (Moodle's folders),
        the shortest first.

        Returns:
            ``student_id``, ``file_id`` (``<module>.ipynb``), ``timestamp`` (a naive UTC
            datetime or None), ``module`` and ``late``; or a one-line reason to skip the file.
        """
        parts = self._parts(submitted_file)
        if any(part.startswith(".") or part == "__MACOSX" for part in parts):
            return "a hidden or system file"
        if not parts[-1].endswith(".ipynb"):
            return "not a notebook"
        pattern = self.pattern()
        for start in range(len(parts) - 1, -1, -1):
            match = pattern.fullmatch("/".join(parts[start:]))
            if match:
                break
        else:
            how = "your pattern" if self.named_regexp else f"the {self.lms} file names"
            return f"the name does not match {how}"
        groups = match.groupdict()
        module = module_of(groups["file_id"] or "", module_ids(Path(self.coursedir.root)))
        if module is None:
            return f"{PurePosixPath(groups['file_id'] or '').name!r} is not a module's notebook"
        try:
            student = safe_student_id(groups["student_id"] or "")
        except ValueError as error:
            return str(error)
        timestamp = None
        if groups.get("timestamp"):
            try:
                timestamp = read_time(groups["timestamp"], self.timezone)
            except ValueError as error:
                return f"unreadable time in the name ({error})"
        return {
            "student_id": student,
            "file_id": f"{module}.ipynb",
            "timestamp": timestamp,
            "module": module,
            "late": bool(groups.get("late")),
        }

    def collect(self, submitted_file: str) -> dict | None:
        """Return nbgrader's collect fields of a file of the module being collected, else None."""
        if submitted_file in self.excluded:
            return None
        info = self.describe(submitted_file)
        if isinstance(info, str) or info["module"] != self.coursedir.assignment_id:
            return None
        return {key: info[key] for key in ("student_id", "file_id", "timestamp") if info[key]}

    @property
    def coursedir(self) -> CourseDirectory:
        """The course folder of the app that runs this collector."""
        return self.parent.coursedir


def read_time(text: str, zone: str) -> datetime:
    """Read a time from a file name (Blackboard's ``2016-01-30-15-00-00`` or ISO 8601), in UTC.

    Not with nbgrader's ``parse_utc``: it reads ``2016-01-30-15-30-10`` as 01:00 the next day
    (the ``-10`` taken for a UTC offset).
    """
    try:
        moment = datetime.strptime(text, "%Y-%m-%d-%H-%M-%S")
    except ValueError:
        return parse_moment(text, default_zone=zone)
    return parse_moment(moment.isoformat(" "), default_zone=zone)


def _files(folder: Path) -> Iterator[Path]:
    for base, _, names in os.walk(folder):
        for name in sorted(names):
            yield Path(base, name)


def intake_zip(
    root: Path,
    archive: Path,
    modules: list[str] | None = None,
    lms: str | None = None,
    pattern: str | None = None,
) -> IntakeReport:
    """Put the notebooks of an LMS bulk download into ``root/submitted`` with nbgrader.

    For each student and module, the newest attempt is kept (by the time in its file name, as
    nbgrader's zip_collect does); that student's folder of that module is replaced with it,
    and nothing else in ``submitted/`` changes. Intake of the same zip again gives the same
    files. An attempt older than the submission already in ``submitted/`` (both with times) is
    skipped, and so are several attempts that no time tells apart.

    The zip is unpacked into a scratch folder under ``root/downloaded`` (nbgrader's place for
    it), removed afterwards; nothing is written outside ``root``.

    Args:
        root: the course folder.
        archive: the zip file downloaded from the LMS.
        modules: the modules to collect; files of other modules are skipped. Default: all.
        lms: the preset of file names (``canvas``, ``moodle``, ``blackboard``); default: the
            configured ``c.LmsCollector.lms``.
        pattern: a file-name pattern of your own (see :class:`LmsCollector`); it wins over
            the preset.

    Raises:
        IntakeError: the zip is refused (see :func:`check_archive`), the pattern or time zone
            is wrong, or nbgrader failed; nothing in ``submitted/`` was changed before that,
            except for an nbgrader failure midway.
    """
    root = root.resolve()
    archive = Path(archive).resolve()
    if "{" in str(root) or "}" in str(root):  # nbgrader formats the path as a template
        raise IntakeError(f"nbgrader's zip_collect cannot work in a folder with braces: {root}")
    known = module_ids(root)
    api = pipeline.nbgrader_api(root)
    app = ZipCollectApp(config=_config(api.config, lms, pattern), coursedir=api.coursedir)
    log = io.StringIO()
    handler = logging.StreamHandler(log)
    app.log.addHandler(handler)
    app.log.setLevel(logging.ERROR)  # nbgrader warns of every folder it makes
    try:
        app.init_plugins()
        extractor, collector = app.extractor_plugin_inst, app.collector_plugin_inst
        collector.pattern()  # a wrong pattern or zone fails before anything is written
        check_archive(archive, extractor.max_members, extractor.max_mb * 2**20)
        with _staging(root) as staging:
            app.downloaded_directory = str(staging.relative_to(root))
            shutil.copyfile(archive, staging / "archive" / "lms.zip")
            app.extract_archive_files()
            wanted = [m for m in (modules or known) if m in known]
            report = _plan(collector, staging / "extracted" / "lms", wanted, archive.name)
            for module in sorted({c.module for c in report.collected}):
                with temp_attrs(app.coursedir, assignment_id=module):
                    app.process_extracted_files()
    except SystemExit:  # nbgrader's apps exit on failure, after logging why
        raise IntakeError(
            f"nbgrader's zip_collect failed: {pipeline.last_line(log.getvalue())}"
        ) from None
    except OSError as error:  # a member that cannot be written, a full disk...
        raise IntakeError(f"the intake of {archive.name} failed: {error}") from None
    finally:
        app.log.removeHandler(handler)
    return report


def _config(course: Config, lms: str | None, pattern: str | None) -> Config:
    """The course's configuration, with zip_collect set to use the course's plugins."""
    config = copy.deepcopy(course)
    config.ZipCollectApp.extractor_plugin = SafeExtractor
    config.ZipCollectApp.collector_plugin = LmsCollector
    config.ZipCollectApp.force = True  # replace a student's earlier submission of the module
    structure = os.path.join("{downloaded}", "{collect_step}")  # all modules share one unpacking
    config.ZipCollectApp.collect_directory_structure = structure
    if lms is not None:
        config.LmsCollector.lms = lms
        if pattern is None:
            config.LmsCollector.named_regexp = ""
    if pattern is not None:
        config.LmsCollector.named_regexp = pattern
    return config


@contextmanager
def _staging(root: Path) -> Iterator[Path]:
    """Yield a scratch folder under ``root/downloaded`` for nbgrader's archive/extracted steps."""
    downloaded = root / "downloaded"
    made = not downloaded.exists()
    downloaded.mkdir(exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=".intake-", dir=downloaded))
    try:
        (folder / "archive").mkdir()
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        if made and not any(downloaded.iterdir()):
            downloaded.rmdir()


def _existing_time(collector: LmsCollector, student: str, module: str) -> datetime | None:
    """The time of the submission already in ``submitted/``, if it has one."""
    folder = collector.coursedir.format_path(
        collector.coursedir.submitted_directory, student, module
    )
    try:
        return collector.coursedir.get_existing_timestamp(folder)
    except Exception:  # noqa: BLE001 - an unreadable timestamp.txt says nothing
        return None


def _plan(collector: LmsCollector, unpacked: Path, wanted: list[str], name: str) -> IntakeReport:
    """Decide which file of each student and module is collected; tell the collector.

    Returns:
        the report of the intake to come: what will be collected, what is skipped and why.
    """
    report = IntakeReport(name)
    attempts: dict[tuple[str, str], list[tuple[str, dict]]] = {}
    excluded: set[str] = set()
    for path in _files(unpacked):
        shown = path.relative_to(unpacked).as_posix()
        info = collector.describe(str(path))
        if isinstance(info, dict) and info["module"] not in wanted:
            info = f"{info['module']} is not being collected"
        if isinstance(info, str):
            report.skipped.append(Skipped(shown, info))
            excluded.add(str(path))
        else:
            attempts.setdefault((info["student_id"], info["module"]), []).append((str(path), info))
    for (student, module), found in sorted(attempts.items()):
        if len(found) > 1 and any(info["timestamp"] is None for _, info in found):
            for path, _ in found:
                reason = (
                    f"{len(found)} files of {module} by {student} and no time to tell the newest"
                )
                report.skipped.append(Skipped(Path(path).relative_to(unpacked).as_posix(), reason))
                excluded.add(path)
            continue
        newest = found[0]
        for attempt in found[1:]:  # the last of equal times wins, as in nbgrader
            if attempt[1]["timestamp"] >= newest[1]["timestamp"]:
                newest = attempt
        kept = newest[1]["timestamp"]
        for path, _ in found:
            if path != newest[0]:
                reason = f"an older attempt (the one of {kept:%Y-%m-%d %H:%M:%S} UTC is kept)"
                report.skipped.append(Skipped(Path(path).relative_to(unpacked).as_posix(), reason))
                excluded.add(path)
        existing = _existing_time(collector, student, module)
        if kept is not None and existing is not None and kept < existing:
            reason = f"older than the submission in submitted/ ({existing:%Y-%m-%d %H:%M:%S} UTC)"
            report.skipped.append(
                Skipped(Path(newest[0]).relative_to(unpacked).as_posix(), reason)
            )
            excluded.add(newest[0])
            continue
        report.collected.append(Collected(student, module, kept, newest[1]["late"]))
    collector.excluded = excluded
    report.skipped.sort(key=lambda skipped: skipped.file)
    return report


def format_report(report: IntakeReport) -> str:
    """Return the report as lines for the instructor, printed before grading."""
    students = {c.student for c in report.collected}
    modules = sorted({c.module for c in report.collected})
    lines = [
        f"intake of {report.archive}: {len(report.collected)} notebook(s) of "
        f"{len(students)} student(s) into submitted/"
        + (f" ({', '.join(modules)})" if modules else "")
    ]
    for item in report.collected:
        if item.marked_late and item.submitted_at is None:
            lines.append(
                f"  {item.student} {item.module}: marked late by the LMS without a time, so "
                "no late penalty; write the time into its timestamp.txt to apply one"
            )
    not_notebooks = [s for s in report.skipped if s.reason == "not a notebook"]
    if not_notebooks:
        shown = ", ".join(s.file for s in not_notebooks[:3])
        more = f" and {len(not_notebooks) - 3} more" if len(not_notebooks) > 3 else ""
        lines.append(
            f"  skipped {len(not_notebooks)} file(s) that are not notebooks: {shown}{more}"
        )
    lines += [f"  skipped {s.file}: {s.reason}" for s in report.skipped if s not in not_notebooks]
    return "\n".join(lines)
