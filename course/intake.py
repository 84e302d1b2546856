"""Intake of an LMS bulk download: its notebooks into ``submitted/<student>/<module>/``.

An instructor downloads every submission of an assignment from the LMS as one zip. The intake
hands it to nbgrader's own ``zip_collect`` machinery (``ZipCollectApp``), with two plugins of
the course:

- :class:`SafeExtractor` checks the zip (a damaged file, a zip bomb, members that would land
  outside the folder) and unpacks it itself: not the archives inside it, and not a member whose
  name is too long to be a file here (skipped, rather than the whole zip refused);
- :class:`LmsCollector` reads the student, the module and any submission time from each file
  name, with a preset for Canvas, Moodle or Blackboard names or with your own pattern.

Two students whose names give one student id (two "John Smith"s in Moodle) are told apart by
the LMS's own ids in the file names: their files are skipped, with a pattern that takes them in
apart (:data:`ID_PATTERNS`).

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
from functools import cached_property
from pathlib import Path, PurePosixPath
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from nbgrader.apps import ZipCollectApp
from nbgrader.coursedir import CourseDirectory
from nbgrader.plugins import ExtractorPlugin, FileNameCollectorPlugin
from nbgrader.utils import temp_attrs
from traitlets import Enum, Int, List, Set, Unicode, observe
from traitlets.config import Config

from course import pipeline
from course.deadlines import parse_moment
from course.layout import module_ids

#: File-name patterns of the LMS bulk downloads (matched against the name, or the last parts
#: of its path inside the zip; see :meth:`LmsCollector.describe`).
LMS_PATTERNS = {
    # Canvas: login_[LATE_]userid_submissionid_filename, the login being the student's sortable
    # name run together ("smithbob"); a re-uploaded file gets "-1", "-2"... before its suffix.
    "canvas": (
        r"(?P<student_id>[^_/]+)_(?:(?P<late>[Ll][Aa][Tt][Ee])_)?(?P<lms_id>\d+)_\d+_"
        r"(?P<file_id>[^/]+)"
    ),
    # Moodle: "Full Name_participantid_assignsubmission_file_", then the file name, either as a
    # folder of its own ("Download submissions in folders") or run together with it.
    "moodle": r"(?P<student_id>[^/]+?)_(?P<lms_id>\d+)_assignsubmission_file_/?(?P<file_id>.+)",
    # Blackboard: Assignment_username_attempt_YYYY-MM-DD-HH-MM-SS_filename, one file per attempt
    # (the username must not hold "_", as in nbgrader's own example pattern). The first
    # "_<username>_attempt_<time>_" in the name is Blackboard's: the assignment name before it
    # is the instructor's (an assignment named "Quiz_x_attempt_2026-01-01-00-00-00_1" would be
    # misread: rename it), the file name after it the student's, who may put another student's
    # "_<username>_attempt_<time>_" into it.
    "blackboard": (
        r"[^/]+?_(?P<student_id>[^_/]+)_attempt_"
        r"(?P<timestamp>\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d)_(?P<file_id>[^/]+)"
    ),
}
#: The presets with the LMS's own id of each student in the student id, for a class in which two
#: students have one name (``smithjohn``; ``John Smith``): Canvas's user id alone, Moodle's
#: participant id after the name (``john-smith_1045``). Blackboard's usernames are unique.
ID_PATTERNS = {
    "canvas": r"[^_/]+_(?:(?P<late>[Ll][Aa][Tt][Ee])_)?(?P<student_id>\d+)_\d+_(?P<file_id>[^/]+)",
    "moodle": r"(?P<student_id>[^/]+?_\d+)_assignsubmission_file_/?(?P<file_id>.+)",
}

#: A notebook file named after a module, with a re-upload suffix that an LMS may add.
_REUPLOAD = re.compile(r"(?P<stem>.+?)(?:-\d+| ?\(\d+\))")
#: Runs of white space and of the punctuation that names hold ("Smith, John", "Jean (JJ) Doe")
#: become one "-" in a student id.
_SEPARATORS = re.compile(r"[ \t,;:!\"()\[\]{}<>&+-]+")
MAX_ID_LENGTH = 128  # nbgrader's gradebook keeps student ids in a 128-character column
NAME_MAX, PATH_MAX = 255, 4096  # bytes in a file name and in a path, on Linux


class IntakeError(Exception):
    """The intake refused the archive; the message says why in one line."""


@dataclass(frozen=True)
class Collected:
    """A notebook put into ``submitted/``, and the time the LMS says it was handed in."""

    student: str
    module: str
    submitted_at: datetime | None  # UTC; None when the file name gives no time
    marked_late: bool = False  # the LMS marked it late (Canvas) without saying when
    #: the time in the timestamp.txt of the submission that this one replaced, which went with
    #: it (this one has no time); None when there was none
    replaced_time: str | None = None


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

    Normalised, always the same way: Unicode NFKC, lower case, apostrophes dropped, every run of
    white space and of ``,;:!"()[]{}<>&+-`` made one ``-``, and ``-`` stripped from both ends
    (Moodle's ``"Seán O'Brien"`` becomes ``seán-obrien``, ``"Smith, John"`` ``smith-john``).
    Rejected: anything else that is not a letter, a mark (as in ``"İlker"`` or Devanagari) or a
    digit of any script, ``.``, ``_``, ``@`` or ``-`` (slashes, control characters, wildcards),
    an id that does not start with a letter or digit (``.``, ``..``, hidden folders), and one
    over 128 characters or 255 bytes. Rejected ids are not repaired, since a repaired id could
    name another student.

    Raises:
        ValueError: with the reason, for an id that is rejected.
    """
    text = unicodedata.normalize("NFKC", raw).lower().replace("'", "").replace("\u2019", "")
    text = _SEPARATORS.sub("-", text).strip("-")
    if not text:
        raise ValueError("no student id in the file name")
    if len(text) > MAX_ID_LENGTH:
        raise ValueError(f"student id over {MAX_ID_LENGTH} characters")
    if _category(text[0]) not in "LN" or not all(
        char in "._@-" or _category(char) in "LMN" for char in text
    ):
        raise ValueError(f"student id {raw!r} is not a safe folder name")
    if len(text.encode()) > NAME_MAX:
        raise ValueError(f"student id over {NAME_MAX} bytes")
    return text


def _category(char: str) -> str:
    """The Unicode category of ``char``, in one letter: L (letter), M (mark), N (number)..."""
    return unicodedata.category(char)[0]


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


def check_archive(path: Path, max_members: int, max_bytes: int) -> list[zipfile.ZipInfo]:
    """Make sure that a zip file can be unpacked safely, before anything is unpacked.

    Everything here is read from the zip's directory; damaged data shows as it is unpacked
    (:class:`SafeExtractor`), so that the zip is decompressed once.

    Returns:
        the zip's members.

    Raises:
        IntakeError: the file is missing or not a zip, damaged, holds more than
            ``max_members`` members or more than ``max_bytes`` bytes once unpacked (sizes read
            from its directory; Python's zipfile never unpacks more than a member declares),
            or holds a member with an absolute path, a ``..`` part, a link or encryption.
    """
    name = path.name
    if not path.is_file():
        raise IntakeError(f"{path} is not a file")
    if not zipfile.is_zipfile(path):
        raise IntakeError(f"{name} is not a zip file")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
        raise IntakeError(f"{name} is a damaged zip file ({error})") from None
    except UnicodeDecodeError as error:  # a name flagged UTF-8 that is not
        raise IntakeError(f"{name} holds a file name that is not UTF-8 ({error.reason})") from None
    if len(members) > max_members:
        raise IntakeError(f"{name} holds {len(members)} files, over the limit of {max_members}")
    total = sum(member.file_size for member in members)
    if total > max_bytes:
        raise IntakeError(
            f"{name} would unpack to {total / 2**20:.0f} MB, over the limit of "
            f"{max_bytes / 2**20:.0f} MB (c.SafeExtractor.max_mb)"
        )
    for member in members:
        _check_member(name, member)
    return members


def _check_member(name: str, member: zipfile.ZipInfo) -> None:
    """Refuse a member of the zip ``name``: outside its folder, a link, or encrypted.

    Raises:
        IntakeError: why.
    """
    parts = re.split(r"[/\\]", member.filename)
    if member.filename.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", parts[0]):
        raise IntakeError(f"{name} holds a member with an absolute path: {member.filename!r}")
    if ".." in parts:
        raise IntakeError(f"{name} holds a member outside its folder: {member.filename!r}")
    if stat.S_ISLNK(member.external_attr >> 16):
        raise IntakeError(f"{name} holds a link: {member.filename!r}")
    if member.flag_bits & 0x1:
        raise IntakeError(f"{name} holds an encrypted file: {member.filename!r}")


def _too_long(parts: list[str], target: Path) -> str | None:
    """Why a member cannot be unpacked to ``target`` (its name's ``parts`` too long), or None."""
    longest = max(len(os.fsencode(part)) for part in parts)
    if longest > NAME_MAX:
        return (
            f"a part of its name is {longest} bytes long, over the {NAME_MAX} a file name may have"
        )
    if len(os.fsencode(target)) >= PATH_MAX:
        return f"its path here would be over the {PATH_MAX} bytes that a path may have"
    return None


class SafeExtractor(ExtractorPlugin):
    """nbgrader's extractor step, done safely: :func:`check_archive`, then Python's zipfile.

    nbgrader's own extractor also unpacks archives found inside archives, which the size
    limits could not see in advance; this one unpacks the top-level archives only, and any
    archive inside is left as a file (which the collector skips: not a notebook). A member whose
    name is too long to be a file here is left packed and listed in :attr:`skipped`, rather than
    the whole class's zip refused. Each archive goes into a folder of its own name.
    """

    max_members = Int(20_000, min=1, help="Most files an archive may hold.").tag(config=True)
    max_mb = Int(2048, min=1, help="Most MB an archive may unpack to.").tag(config=True)

    skipped = List(help="Members left packed, each a Skipped with the reason.")

    def extract(self, archive_path: str, extracted_path: str) -> None:
        """Check, then unpack every archive in ``archive_path`` into ``extracted_path``."""
        for archive in sorted(Path(archive_path).iterdir()):
            members = check_archive(archive, self.max_members, self.max_mb * 2**20)
            self._unpack(archive, members, Path(extracted_path) / archive.name)

    def _unpack(self, archive: Path, members: list[zipfile.ZipInfo], folder: Path) -> None:
        """Unpack the (checked) ``members`` of ``archive`` into ``folder``, but names too long.

        Raises:
            IntakeError: a member's data is damaged, or packed in a way zipfile cannot unpack.
        """
        with zipfile.ZipFile(archive) as opened:
            for member in members:
                parts = [part for part in member.filename.split("/") if part not in ("", ".")]
                if member.is_dir() or not parts:
                    continue  # folders are made as their files need them
                target = folder.joinpath(*parts)
                reason = _too_long(parts, target)
                if reason is not None:
                    self.skipped.append(Skipped(member.filename, reason))
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                try:
                    with opened.open(member) as source, target.open("wb") as sink:
                        shutil.copyfileobj(source, sink)
                except (zipfile.BadZipFile, zlib.error, EOFError):
                    raise IntakeError(
                        f"{archive.name} is a damaged zip file (bad data in {member.filename!r})"
                    ) from None
                except (RuntimeError, NotImplementedError) as error:  # an unknown method
                    raise IntakeError(f"{archive.name} cannot be unpacked ({error})") from None


class LmsCollector(FileNameCollectorPlugin):
    """Read the student, the module and any time of submission from an LMS file name.

    The pattern is ``named_regexp`` when set, else the preset ``lms`` (see
    :data:`LMS_PATTERNS`). It names the groups ``student_id`` and ``file_id``, and may name
    ``timestamp`` (a time in the file name) and ``late`` (a late mark without a time, as
    Canvas gives). A time without a zone is read in ``timezone``. It may name ``lms_id``, the
    LMS's own id of the student, which tells apart two students whose names give one student id
    (see :data:`ID_PATTERNS`).

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

    _compiled: re.Pattern[str] | None = None  # the pattern, once compiled and checked

    @observe("lms", "named_regexp", "timezone")
    def _forget_pattern(self, change: dict) -> None:
        """A changed setting gives another pattern: compile and check it again."""
        self._compiled = None

    def pattern(self) -> re.Pattern[str]:
        """Return the compiled file-name pattern (compiled once, for every file).

        Raises:
            IntakeError: it does not compile, or it lacks a ``student_id`` or ``file_id`` group,
                or the time zone is unknown.
        """
        if self._compiled is None:
            self._compiled = self._compile()
        return self._compiled

    def _compile(self) -> re.Pattern[str]:
        """Compile and check the file-name pattern; see :meth:`pattern`."""
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

    @cached_property
    def modules(self) -> list[str]:
        """The course's modules (read once, for every file)."""
        return module_ids(Path(self.coursedir.root))

    def _parts(self, submitted_file: str) -> tuple[str, ...]:
        """The parts of a file's path inside its archive (all of them, elsewhere).

        nbgrader hands the collector absolute paths and matches its pattern against them with
        ``re.match``, so that a pattern must allow for the course's own folders (its examples
        begin with ``.+``) and can be fooled by them; this collector looks inside the folder
        that the archive was unpacked into (nbgrader's extracted folder, then one per archive).
        """
        path = Path(submitted_file)
        app = self.parent
        if isinstance(app, ZipCollectApp):
            try:
                parts = path.relative_to(app._format_collect_path(app.extracted_directory)).parts
            except ValueError:
                return path.parts
            return parts[1:] if len(parts) > 1 else parts
        return path.parts

    def _match(self, parts: tuple[str, ...]) -> re.Match[str] | None:
        """Match the pattern against the whole path, else against its last parts, longest first.

        The outer parts are the ones that the LMS made (Moodle's folder of each student), the
        inner ones the student's: a file that a student named like another student's flat
        entry stays the uploader's.
        """
        pattern = self.pattern()
        for start in range(len(parts)):
            match = pattern.fullmatch("/".join(parts[start:]))
            if match:
                return match
        return None

    def describe(self, submitted_file: str) -> dict | str:
        """Return what a file name says (nbgrader's collect fields and more), or why it is skipped.

        nbgrader matches the pattern from the start of the file's absolute path, so that its
        patterns must begin with ``.+``; here the pattern must match the whole of the file's
        path inside the zip, or else of its last parts (Moodle's folders), the longest first.

        Returns:
            ``student_id``, ``file_id`` (``<module>.ipynb``), ``timestamp`` (a naive UTC
            datetime or None), ``module``, ``late`` and ``lms_id`` (or None); or a one-line
            reason to skip the file.
        """
        parts = self._parts(submitted_file)
        if any(part.startswith(".") or part == "__MACOSX" for part in parts):
            return "a hidden or system file"
        if not parts[-1].endswith(".ipynb"):
            return "not a notebook"
        match = self._match(parts)
        if match is None:
            how = "your pattern" if self.named_regexp else f"the {self.lms} file names"
            return f"the name does not match {how}"
        groups = match.groupdict()
        module = module_of(groups["file_id"] or "", self.modules)
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
            "lms_id": groups.get("lms_id"),
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
    skipped, and so are several attempts that no time tells apart, an attempt without a time
    whose notebook is the one in ``submitted/`` (so that a timestamp.txt written by hand stays),
    and the files of two students whose names give one student id.

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
    if not archive.is_file():
        raise IntakeError(f"{archive} is not a file")
    known = module_ids(root)
    api = pipeline.nbgrader_api(root)
    app = ZipCollectApp(config=_config(api.config, lms, pattern), coursedir=api.coursedir)
    log = io.StringIO()
    handler = logging.StreamHandler(log)
    app.log.addHandler(handler)
    app.log.setLevel(logging.ERROR)  # nbgrader warns of every folder it makes
    try:
        app.init_plugins()
        app.collector_plugin_inst.pattern()  # a wrong pattern or zone: refused before any write
        with _staging(root) as staging:
            app.downloaded_directory = str(staging.relative_to(root))
            report = _collect(app, staging, archive, [m for m in (modules or known) if m in known])
    except SystemExit:  # nbgrader's apps exit on failure, after logging why
        raise IntakeError(
            f"nbgrader's zip_collect failed: {pipeline.last_line(log.getvalue())}"
        ) from None
    except OSError as error:  # a member that cannot be written, a full disk...
        raise IntakeError(f"the intake of {archive.name} failed: {error}") from None
    finally:
        app.log.removeHandler(handler)
    return report


def _collect(app: ZipCollectApp, staging: Path, archive: Path, wanted: list[str]) -> IntakeReport:
    """Unpack ``archive`` in ``staging`` with nbgrader, decide what to collect, and collect it.

    Raises:
        IntakeError: the zip is refused (see :func:`check_archive`); nothing was collected.
    """
    shutil.copyfile(archive, staging / "archive" / archive.name)
    app.extract_archive_files()  # SafeExtractor: checked, into extracted/<archive name>
    report = IntakeReport(archive.name, skipped=list(app.extractor_plugin_inst.skipped))
    _plan(app.collector_plugin_inst, staging / "extracted" / archive.name, wanted, report)
    for module in sorted({c.module for c in report.collected}):
        with temp_attrs(app.coursedir, assignment_id=module):
            app.process_extracted_files()
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


@dataclass(frozen=True)
class _Attempt:
    """A notebook of the unpacked zip, and what its name says (see LmsCollector.describe)."""

    path: str  # as nbgrader's collector sees it
    shown: str  # inside the zip, as the report shows it
    info: dict


def _plan(
    collector: LmsCollector, unpacked: Path, wanted: list[str], report: IntakeReport
) -> None:
    """Decide which file of each student and module is collected; tell the collector.

    Fills ``report`` with what will be collected, and with what is skipped and why.
    """
    attempts = _read_names(collector, unpacked, report)
    namesakes = _namesakes(attempts, collector)
    chosen: set[str] = set()
    for (student, module), found in sorted(attempts.items()):
        not_wanted = f"{module} is not being collected" if module not in wanted else None
        reason = not_wanted or namesakes.get(student)
        if reason is not None:
            report.skipped += [Skipped(attempt.shown, reason) for attempt in found]
        elif (kept := _choose(collector, found, report)) is not None:
            chosen.add(kept.path)
    collector.excluded = {str(path) for path in _files(unpacked)} - chosen
    report.skipped.sort(key=lambda skipped: skipped.file)


def _read_names(
    collector: LmsCollector, unpacked: Path, report: IntakeReport
) -> dict[tuple[str, str], list[_Attempt]]:
    """Return the notebooks under ``unpacked`` by student and module; report the other files."""
    attempts: dict[tuple[str, str], list[_Attempt]] = {}
    for path in _files(unpacked):
        shown = path.relative_to(unpacked).as_posix()
        info = collector.describe(str(path))
        if isinstance(info, str):
            report.skipped.append(Skipped(shown, info))
        else:
            key = (info["student_id"], info["module"])
            attempts.setdefault(key, []).append(_Attempt(str(path), shown, info))
    return attempts


def _namesakes(
    attempts: dict[tuple[str, str], list[_Attempt]], collector: LmsCollector
) -> dict[str, str]:
    """Return the student ids that several LMS ids share, each with the reason to skip its files.

    Canvas's logins and Moodle's full names are not unique; one folder must not mix the work of
    two students, so neither is taken in until a pattern tells them apart.
    """
    lms_ids: dict[str, set[str]] = {}
    for (student, _), found in attempts.items():
        lms_ids.setdefault(student, set()).update(
            a.info["lms_id"] for a in found if a.info["lms_id"]
        )
    preset = None if collector.named_regexp else ID_PATTERNS.get(collector.lms)
    how = f"--pattern '{preset}'" if preset else "a --pattern that puts the LMS id into student_id"
    reasons = {}
    for student, ids in lms_ids.items():
        if len(ids) > 1:
            *others, last = sorted(ids, key=lambda lms_id: (len(lms_id), lms_id))
            reasons[student] = (
                f"{len(ids)} students have the student id {student!r} (LMS ids "
                f"{', '.join(others)} and {last}), and one folder would mix their work: tell "
                f"them apart with {how}"
            )
    return reasons


def _choose(
    collector: LmsCollector, found: list[_Attempt], report: IntakeReport
) -> _Attempt | None:
    """Return the attempt of one student at one module to collect, or None; report the others."""
    newest = _newest(found, report)
    if newest is None:
        return None
    collected = _against_submitted(collector, newest)
    if isinstance(collected, str):
        report.skipped.append(Skipped(newest.shown, collected))
        return None
    report.collected.append(collected)
    return newest


def _newest(found: list[_Attempt], report: IntakeReport) -> _Attempt | None:
    """Return the newest of one student's attempts at one module; report the others as skipped.

    The last of equal times wins, as in nbgrader; several attempts that no time tells apart are
    all skipped (None).
    """
    if len(found) > 1 and any(attempt.info["timestamp"] is None for attempt in found):
        info = found[0].info
        reason = (
            f"{len(found)} files of {info['module']} by {info['student_id']} and no time to "
            "tell the newest"
        )
        report.skipped += [Skipped(attempt.shown, reason) for attempt in found]
        return None
    newest = found[0]
    for attempt in found[1:]:
        if attempt.info["timestamp"] >= newest.info["timestamp"]:
            newest = attempt
    for attempt in found:
        if attempt is not newest:
            kept = newest.info["timestamp"]
            reason = f"an older attempt (the one of {kept:%Y-%m-%d %H:%M:%S} UTC is kept)"
            report.skipped.append(Skipped(attempt.shown, reason))
    return newest


def _against_submitted(collector: LmsCollector, attempt: _Attempt) -> Collected | str:
    """Weigh an attempt against the submission in ``submitted/``: collect it, or why not.

    Skipped: an attempt older than that submission (both with times), and one without a time
    whose notebook is that submission's (a timestamp.txt that the instructor wrote stays). An
    attempt without a time that replaces a submission with a timestamp.txt says so.
    """
    info = attempt.info
    coursedir = collector.coursedir
    folder = Path(
        coursedir.format_path(coursedir.submitted_directory, info["student_id"], info["module"])
    )
    existing = _existing_time(coursedir, folder)
    if info["timestamp"] is not None and existing is not None and info["timestamp"] < existing:
        return f"older than the submission in submitted/ ({existing:%Y-%m-%d %H:%M:%S} UTC)"
    replaced_time = None
    if info["timestamp"] is None:
        notebook, stamp = folder / info["file_id"], folder / "timestamp.txt"
        if notebook.is_file() and notebook.read_bytes() == Path(attempt.path).read_bytes():
            return "unchanged since the last intake"
        if stamp.is_file():
            replaced_time = stamp.read_text(errors="replace").strip()
    return Collected(
        info["student_id"], info["module"], info["timestamp"], info["late"], replaced_time
    )


def _existing_time(coursedir: CourseDirectory, folder: Path) -> datetime | None:
    """The time of the submission in ``folder`` of ``submitted/``, if it has one."""
    try:
        return coursedir.get_existing_timestamp(str(folder))
    except Exception:  # noqa: BLE001 - an unreadable timestamp.txt says nothing
        return None


#: Reasons to skip a file that the report counts, rather than list a line per file.
_COUNTED = {
    "not a notebook": "that are not notebooks",
    "unchanged since the last intake": "unchanged since the last intake",
}


def format_report(report: IntakeReport) -> str:
    r"""Return the report as lines for the instructor, printed before grading.

    Names come from the students' files: control characters in them are shown escaped
    (as ``\x1b``), so that a name cannot forge lines or colours on the terminal.
    """
    students = {c.student for c in report.collected}
    modules = sorted({c.module for c in report.collected})
    lines = [
        f"intake of {report.archive}: {len(report.collected)} notebook(s) of "
        f"{len(students)} student(s) into submitted/"
        + (f" ({', '.join(modules)})" if modules else "")
    ]
    lines += [f"  {c.student} {c.module}: {note}" for c in report.collected for note in _notes(c)]
    for reason, said in _COUNTED.items():  # reasons common enough to count
        files = [s.file for s in report.skipped if s.reason == reason]
        if files:
            more = f" and {len(files) - 3} more" if len(files) > 3 else ""
            lines.append(f"  skipped {len(files)} file(s) {said}: {', '.join(files[:3])}{more}")
    lines += [
        f"  skipped {s.file}: {s.reason}" for s in report.skipped if s.reason not in _COUNTED
    ]
    return "\n".join(_printable(line) for line in lines)


def _notes(item: Collected) -> list[str]:
    """What the instructor should know about a collected notebook's time."""
    notes = []
    if item.replaced_time is not None:
        notes.append(
            f"replaced a submission whose timestamp.txt said {item.replaced_time}; the new "
            "file has no time: write one into timestamp.txt again to apply a late penalty"
        )
    if item.marked_late and item.submitted_at is None:
        notes.append(
            "marked late by the LMS without a time, so no late penalty; write the time into "
            "its timestamp.txt to apply one"
        )
    return notes


def _printable(text: str) -> str:
    r"""``text`` with control, format and line-break characters escaped (as ``\x1b``)."""
    return "".join(
        char.encode("unicode_escape").decode("ascii")
        if _category(char) == "C" or unicodedata.category(char) in ("Zl", "Zp")
        else char
        for char in text
    )
