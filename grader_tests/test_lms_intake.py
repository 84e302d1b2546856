"""LMS bulk downloads come in through nbgrader's zip_collect; late work loses points by policy.

Everything runs real nbgrader on a scratch course of one small module.
"""

from __future__ import annotations

import csv
import hashlib
import shutil
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from conftest import run_module
from nbgrader.api import Gradebook

from course import pipeline
from course.deadlines import DeadlineError, LatePenalty, due_dates, parse_moment
from course.grading import grade_course
from course.intake import IntakeError, format_report, intake_zip, module_of, safe_student_id
from course.layout import release_notebook, source_notebook, student_file
from course.notebooks import read_notebook
from course.scratch import full_solution, make_scratch_course, partial_solution, untouched
from course.settings import COURSE_ID, gradebook_url

MODULE = "00-orientation"
NOTEBOOK = f"{MODULE}.ipynb"


@pytest.fixture(scope="module")
def graded_class(tmp_path_factory):
    """A scratch course of one module in which zoe's submission was taken in and graded."""
    root = tmp_path_factory.mktemp("lms") / "course"
    make_scratch_course(root, [MODULE])
    archive = write_zip(root.parent / "first.zip", {f"zoe_1_2_{NOTEBOOK}": sample(root, "full")})
    intake_zip(root, archive)
    grade_course(root, modules=[MODULE])
    return root


@pytest.fixture
def course(graded_class, tmp_path):
    """A copy of the graded class, for one test to change."""
    root = tmp_path / "course"
    shutil.copytree(graded_class, root)
    return root


def sample(root: Path, kind: str) -> str:
    """The text of a sample student's notebook: "full", "partial" or "untouched"."""
    make = {"full": full_solution, "partial": partial_solution, "untouched": untouched}[kind]
    release = read_notebook(release_notebook(MODULE, root))
    return make(release, read_notebook(source_notebook(MODULE, root)))


def write_zip(path: Path, members: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def tree(root: Path) -> dict[str, str]:
    """Every file under submitted/, with a hash of its bytes."""
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted((root / "submitted").rglob("*"))
        if path.is_file()
    }


def state(root: Path) -> tuple[dict[str, str], list[tuple]]:
    """Every file of the course folder (gradebook aside) and every row of its gradebook."""
    files = {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.name != "gradebook.db"
    }
    return files, pipeline.gradebook_rows(gradebook_url(root), [MODULE])


def configure(root: Path, *lines: str) -> None:
    """Write the course's nbgrader_config.py with these settings."""
    (root / "nbgrader_config.py").write_text("c = get_config()\n" + "\n".join(lines) + "\n")


def timestamp(root: Path, student: str) -> str | None:
    stamp = root / "submitted" / student / MODULE / "timestamp.txt"
    return stamp.read_text() if stamp.exists() else None


# --- the LMS presets --------------------------------------------------------------------------


def test_a_canvas_download(course):
    text = sample(course, "partial")
    archive = write_zip(
        course.parent / "canvas.zip",
        {
            f"smithbob_340934_208490284_{NOTEBOOK}": text,
            # late, and renamed "-1" by Canvas because the student uploaded it twice
            f"wellslane_LATE_334244_394803489_{MODULE}-1.ipynb": text,
            "wellslane_LATE_334244_394803489_notes.pdf": b"%PDF",
            "smithbob_340934_208490284_99-unknown.ipynb": text,
            f"__MACOSX/._smithbob_340934_208490284_{NOTEBOOK}": b"\0",
        },
    )
    report = intake_zip(course, archive, lms="canvas")
    found = {(c.student, c.module, c.submitted_at, c.marked_late) for c in report.collected}
    assert found == {("smithbob", MODULE, None, False), ("wellslane", MODULE, None, True)}
    for student in ("smithbob", "wellslane"):
        assert student_file(course, "submitted", student, MODULE).read_text() == text
        assert timestamp(course, student) is None  # Canvas gives no time: no timestamp.txt
    skipped = {s.file: s.reason for s in report.skipped}
    assert skipped == {
        "wellslane_LATE_334244_394803489_notes.pdf": "not a notebook",
        "smithbob_340934_208490284_99-unknown.ipynb": (
            "'99-unknown.ipynb' is not a module's notebook"
        ),
        f"__MACOSX/._smithbob_340934_208490284_{NOTEBOOK}": "a hidden or system file",
    }
    assert not (course / "downloaded").exists(), "the scratch unpacking was left behind"
    assert sorted(p.name for p in course.parent.iterdir()) == ["canvas.zip", "course"]


def test_a_moodle_download_in_folders_and_flat(course):
    text = sample(course, "untouched")
    archive = write_zip(
        course.parent / "moodle.zip",
        {
            f"Ada Lovelace_1045_assignsubmission_file_/{NOTEBOOK}": text,
            f"Seán O'Brien_1046_assignsubmission_file_{NOTEBOOK}": text,
            "Seán O'Brien_1046_assignsubmission_onlinetext_onlinetext.html": "<p>hi</p>",
        },
    )
    report = intake_zip(course, archive, lms="moodle")
    assert {c.student for c in report.collected} == {"ada-lovelace", "seán-obrien"}
    assert student_file(course, "submitted", "ada-lovelace", MODULE).read_text() == text
    assert student_file(course, "submitted", "seán-obrien", MODULE).read_text() == text
    assert [s.reason for s in report.skipped] == ["not a notebook"]


def test_a_blackboard_download_keeps_the_newest_attempt_with_its_time(course):
    old, new = sample(course, "untouched"), sample(course, "full")
    archive = write_zip(
        course.parent / "blackboard.zip",
        {
            f"Orientation_jdoe_attempt_2026-01-12-09-30-10_{NOTEBOOK}": new,
            f"Orientation_jdoe_attempt_2026-01-11-18-00-00_{NOTEBOOK}": old,
            "Orientation_jdoe_attempt_2026-01-12-09-30-10.txt": "Name: J Doe",
        },
    )
    report = intake_zip(course, archive, lms="blackboard")
    assert [(c.student, c.submitted_at) for c in report.collected] == [
        ("jdoe", datetime(2026, 1, 12, 9, 30, 10))  # nbgrader's parse_utc says 01:00 next day
    ]
    assert student_file(course, "submitted", "jdoe", MODULE).read_text() == new
    assert timestamp(course, "jdoe") == "2026-01-12 09:30:10"
    older = f"Orientation_jdoe_attempt_2026-01-11-18-00-00_{NOTEBOOK}"
    assert {s.file: s.reason for s in report.skipped}[older].startswith("an older attempt")


def test_the_preset_and_time_zone_are_set_in_nbgrader_config(course):
    configure(
        course, 'c.LmsCollector.lms = "blackboard"', 'c.LmsCollector.timezone = "Asia/Tokyo"'
    )
    name = f"Orientation_kim_attempt_2026-01-12-09-30-00_{NOTEBOOK}"
    archive = write_zip(course.parent / "bb.zip", {name: sample(course, "full")})
    (collected,) = intake_zip(course, archive).collected  # no lms given: the configured one
    assert collected.submitted_at == datetime(2026, 1, 12, 0, 30)  # 9:30 in Tokyo, in UTC
    assert timestamp(course, "kim") == "2026-01-12 00:30:00"


def test_a_pattern_of_your_own(course):
    text = sample(course, "partial")
    archive = write_zip(
        course.parent / "own.zip",
        {f"hand-ins/ana--{NOTEBOOK}": text, f"hand-ins/bo--{MODULE} (1).ipynb": text},
    )
    pattern = r"hand-ins/(?P<student_id>[a-z]+)--(?P<file_id>.+)"
    report = intake_zip(course, archive, pattern=pattern)
    assert sorted(c.student for c in report.collected) == ["ana", "bo"]
    assert student_file(course, "submitted", "bo", MODULE).read_text() == text
    # the Canvas preset does not read these names
    assert intake_zip(course, archive, lms="canvas").collected == []


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        (r"(?P<student_id>.+)_(?P<name>.+)", "needs the group(s) (?P<file_id>...)"),
        (r"(?P<student_id>.+", "is not a regular expression"),
    ],
)
def test_a_wrong_pattern_is_refused_before_anything_changes(course, pattern, message):
    archive = write_zip(course.parent / "a.zip", {f"ana_{NOTEBOOK}": "{}"})
    before = state(course)
    with pytest.raises(IntakeError, match=r"the pattern .*") as error:
        intake_zip(course, archive, pattern=pattern)
    assert message in str(error.value)
    assert state(course) == before


# --- hostile or broken input ------------------------------------------------------------------


def zip_bomb(path: Path) -> Path:
    """A zip of 3 MB of zeros that is a few KB on disk (the test course allows 1 MB)."""
    return write_zip(path, {f"bomb_1_2_{NOTEBOOK}": b"\0" * 3 * 2**20})


def many_files(path: Path) -> Path:
    return write_zip(path, {f"s{n}_1_2_{NOTEBOOK}": "{}" for n in range(6)})


def truncated(path: Path) -> Path:
    write_zip(path, {f"ana_1_2_{NOTEBOOK}": "x" * 5000})
    path.write_bytes(path.read_bytes()[:-60])  # the end of the central directory is lost
    return path


def not_a_zip(path: Path) -> Path:
    path.write_bytes(b"PK, or so it says" * 10)
    return path


def bad_crc(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr(f"ana_1_2_{NOTEBOOK}", "a" * 200)
    data = path.read_bytes()
    at = data.index(b"a" * 200) + 100  # a byte of the member's data, stored as it is
    path.write_bytes(data[:at] + b"b" + data[at + 1 :])
    return path


def name_not_utf8(path: Path) -> Path:
    """A member whose name is flagged UTF-8 (bit 11) but holds bytes that are not."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(f"aaaa_1_2_{NOTEBOOK}", "{}")
    data = bytearray(path.read_bytes().replace(b"aaaa_1_2", b"a\xff\xfea_1_2"))
    for header, flags_at in ((b"PK\x03\x04", 7), (b"PK\x01\x02", 9)):
        data[data.index(header) + flags_at] |= 0x08
    path.write_bytes(bytes(data))
    return path


def with_member(name: str, link: bool = False):
    def make(path: Path) -> Path:
        info = zipfile.ZipInfo(name)
        if link:
            info.external_attr = 0o120777 << 16
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr(f"ana_1_2_{NOTEBOOK}", "{}")
            archive.writestr(info, "/etc/passwd" if link else "{}")
        return path

    return make


HOSTILE = {
    "not a zip": (not_a_zip, "is not a zip file"),
    "truncated": (truncated, "is not a zip file"),
    "damaged data": (bad_crc, f"is a damaged zip file (bad data in 'ana_1_2_{NOTEBOOK}')"),
    "zip bomb": (zip_bomb, "would unpack to 3 MB, over the limit of 1 MB"),
    "too many files": (many_files, "holds 6 files, over the limit of 5"),
    "parent path": (with_member(f"../evil_1_2_{NOTEBOOK}"), "a member outside its folder"),
    "deep parent path": (with_member("a/../../evil.ipynb"), "a member outside its folder"),
    "windows parent path": (with_member("..\\evil.ipynb"), "a member outside its folder"),
    "absolute path": (with_member(f"/tmp/evil_1_2_{NOTEBOOK}"), "a member with an absolute path"),
    "drive path": (with_member("C:/evil.ipynb"), "a member with an absolute path"),
    "link": (with_member(f"evil_1_2_{NOTEBOOK}", link=True), "holds a link"),
    "name not UTF-8": (name_not_utf8, "holds a file name that is not UTF-8 (invalid start byte)"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_zip_is_refused_and_changes_nothing(course, case, tmp_path):
    make, message = HOSTILE[case]
    configure(course, "c.SafeExtractor.max_mb = 1", "c.SafeExtractor.max_members = 5")
    archive = make(tmp_path / "hostile.zip")
    before = state(course)
    with pytest.raises(IntakeError) as error:
        intake_zip(course, archive)
    assert message in str(error.value) and "\n" not in str(error.value)
    assert state(course) == before, "the course changed (zoe's grades or files)"
    assert not [p for p in tmp_path.rglob("*evil*")], "something was unpacked"


def test_an_archive_inside_the_zip_is_not_opened(course, tmp_path):
    inner = write_zip(tmp_path / "inner.zip", {f"amy_1_2_{NOTEBOOK}": sample(course, "full")})
    archive = write_zip(tmp_path / "outer.zip", {"amy_1_2_work.zip": inner.read_bytes()})
    report = intake_zip(course, archive, lms="canvas")
    assert report.collected == []
    assert [(s.file, s.reason) for s in report.skipped] == [("amy_1_2_work.zip", "not a notebook")]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Ada Lovelace", "ada-lovelace"),
        ("  Ada\tLovelace ", "ada-lovelace"),
        ("Seán O’Brien", "seán-obrien"),
        ("jdoe", "jdoe"),
        ("ｊｄｏｅ", "jdoe"),  # full-width letters, NFKC
        ("j.doe@uni.edu", "j.doe@uni.edu"),
    ],
)
def test_student_ids_are_normalised_the_same_way_every_time(raw, expected):
    assert safe_student_id(raw) == expected


@pytest.mark.parametrize(
    "raw", ["", ".", "..", "../x", "a/b", "a\\b", "a\x07b", "a\nb", "x" * 129, "a*"]
)
def test_unsafe_student_ids_are_rejected(raw):
    with pytest.raises(ValueError, match="student id"):
        safe_student_id(raw)


def test_files_with_unsafe_student_ids_are_skipped_and_others_kept(course):
    zoe = tree(course)
    text = sample(course, "untouched")
    members = {f"bell\x07__{NOTEBOOK}": text, f"{'n' * 129}__{NOTEBOOK}": text}
    archive = write_zip(course.parent / "ids.zip", {**members, f"amy__{NOTEBOOK}": text})
    report = intake_zip(course, archive, pattern=r"(?P<student_id>.+)__(?P<file_id>[^/]+)")
    assert [c.student for c in report.collected] == ["amy"]
    assert {s.file: s.reason for s in report.skipped} == {
        f"bell\x07__{NOTEBOOK}": "student id 'bell\\x07' is not a safe folder name",
        f"{'n' * 129}__{NOTEBOOK}": "student id over 128 characters",
    }
    # an id that spans folders ("x/y") is refused too
    archive = write_zip(course.parent / "slash.zip", {f"x/y__{NOTEBOOK}": text})
    report = intake_zip(course, archive, pattern=r"(?P<student_id>.+/.+)__(?P<file_id>[^/]+)")
    assert [s.reason for s in report.skipped] == ["student id 'x/y' is not a safe folder name"]
    assert report.collected == []
    assert {k: v for k, v in tree(course).items() if "/amy/" not in k} == zoe


def test_notebook_names_give_the_module():
    modules = ["00-orientation", "07-tools-2"]
    assert module_of("00-orientation.ipynb", modules) == "00-orientation"
    assert module_of("sub/00-orientation-3.ipynb", modules) == "00-orientation"
    assert module_of("00-orientation (2).ipynb", modules) == "00-orientation"
    assert module_of("07-tools-2.ipynb", modules) == "07-tools-2"
    assert module_of("00-orientation.py", modules) is None
    assert module_of("00-orientationx.ipynb", modules) is None


# --- other students, attempts, a second intake ------------------------------------------------


def test_intake_keeps_other_students_and_a_second_intake_changes_nothing(course):
    zoe = tree(course)
    archive = write_zip(
        course.parent / "bb.zip",
        {
            f"O_amy_attempt_2026-01-12-09-30-00_{NOTEBOOK}": sample(course, "full"),
            f"O_bob_attempt_2026-01-12-09-31-00_{NOTEBOOK}": sample(course, "partial"),
        },
    )
    first = intake_zip(course, archive, lms="blackboard")
    after_first = tree(course)
    assert {k: v for k, v in after_first.items() if "/zoe/" in k} == zoe
    assert len(after_first) == len(zoe) + 4  # two notebooks, two timestamp.txt
    second = intake_zip(course, archive, lms="blackboard")
    assert tree(course) == after_first and second == first


def test_an_older_download_does_not_replace_a_newer_submission(course):
    newer = write_zip(
        course.parent / "newer.zip",
        {f"O_amy_attempt_2026-01-12-09-30-00_{NOTEBOOK}": sample(course, "full")},
    )
    older = write_zip(
        course.parent / "older.zip",
        {f"O_amy_attempt_2026-01-10-09-30-00_{NOTEBOOK}": sample(course, "untouched")},
    )
    intake_zip(course, newer, lms="blackboard")
    kept = tree(course)
    report = intake_zip(course, older, lms="blackboard")
    assert report.collected == []
    assert report.skipped[0].reason.startswith("older than the submission in submitted/")
    assert tree(course) == kept


def test_two_files_that_no_time_tells_apart_are_both_skipped(course):
    archive = write_zip(
        course.parent / "twice.zip",
        {
            f"amy_1_2_{NOTEBOOK}": sample(course, "full"),
            f"amy_1_2_{MODULE}-1.ipynb": sample(course, "untouched"),
        },
    )
    report = intake_zip(course, archive, lms="canvas")
    assert report.collected == []
    assert [s.reason for s in report.skipped] == [
        f"2 files of {MODULE} by amy and no time to tell the newest"
    ] * 2
    assert not (course / "submitted" / "amy").exists()


# --- due dates and late penalties -------------------------------------------------------------

DUE = "2026-01-12 12:00:00 UTC"


def late_class(course: Path, *config: str) -> dict[str, float | None]:
    """Take in an on-time and a late submission, grade them; return each one's late penalty."""
    configure(course, f'c.Deadlines.due = {{"{MODULE}": "{DUE}"}}', *config)
    archive = write_zip(
        course.parent / "late.zip",
        {
            f"O_early_attempt_2026-01-12-11-59-00_{NOTEBOOK}": sample(course, "full"),
            # 5 hours late: one started day
            f"O_late_attempt_2026-01-12-17-00-00_{NOTEBOOK}": sample(course, "full"),
        },
    )
    intake_zip(course, archive, lms="blackboard")
    outcomes = grade_course(course, modules=[MODULE], jobs=2)
    # the raw scores are the same: nbgrader keeps the penalty beside them
    assert {o.student: o.score for o in outcomes} == {"early": 20, "late": 20, "zoe": 20}
    with Gradebook(gradebook_url(course), COURSE_ID) as gradebook:
        assert gradebook.find_assignment(MODULE).duedate == datetime(2026, 1, 12, 12, 0)
        return {
            student: gradebook.find_submission_notebook(
                MODULE, MODULE, student
            ).late_submission_penalty
            for student in ("early", "late", "zoe")
        }


def test_a_late_submission_gets_the_course_penalty_and_an_on_time_one_none(course):
    assert late_class(course) == {"early": None, "late": 2.0, "zoe": None}  # 10 % of 20
    with (course / "grades.csv").open() as handle:
        grades = {row["student_id"]: float(row[MODULE]) for row in csv.DictReader(handle)}
    assert grades == {"early": 20, "late": 18, "zoe": 20}


def test_no_penalty_when_the_policy_is_none(course):
    penalties = late_class(course, 'c.LatePenalty.penalty_method = "none"')
    assert penalties == {"early": None, "late": None, "zoe": None}


def test_a_late_notebook_that_cannot_be_graded_keeps_its_hand_in_time(course):
    configure(course, f'c.Deadlines.due = {{"{MODULE}": "{DUE}"}}')
    text = sample(course, "full")
    archive = write_zip(
        course.parent / "broken.zip",
        {f"O_cut_attempt_2026-01-12-17-00-00_{NOTEBOOK}": text[: len(text) // 2]},
    )
    intake_zip(course, archive, lms="blackboard")
    outcome = next(o for o in grade_course(course, modules=[MODULE], jobs=2) if o.student == "cut")
    assert not outcome.graded and "not valid JSON" in outcome.problem
    with Gradebook(gradebook_url(course), COURSE_ID) as gradebook:
        submission = gradebook.find_submission(MODULE, "cut")
        assert submission.timestamp == datetime(2026, 1, 12, 17, 0)
        assert submission.total_seconds_late == 5 * 3600


def penalty(seconds: float, score: float = 20, **policy) -> float | None:
    return LatePenalty(**policy).late_submission_penalty("s", score, seconds)


HOUR, DAY = 3600, 86400


def test_the_default_policy():
    assert penalty(15 * 60) is None  # within the grace period
    assert penalty(15 * 60 + 1) == 2.0  # one started day: 10 %
    assert penalty(DAY) == 2.0
    assert penalty(DAY + 1) == 4.0
    assert penalty(7 * DAY) == 14.0
    assert penalty(7 * DAY + 1) == 20  # after 7 days: everything


def test_the_policy_is_configurable():
    assert penalty(HOUR, grace_minutes=0, percent_per_day=25) == 5.0
    assert penalty(30 * DAY, zero_after_days=None) == 20  # 300 % is capped at the score
    assert penalty(2 * DAY, zero_after_days=None, percent_per_day=5) == 2.0
    assert penalty(HOUR, penalty_method="zero") == 20
    assert penalty(30 * DAY, penalty_method="none") is None


def test_due_dates_need_a_time_zone_and_a_known_module(course):
    assert parse_moment("2027-02-01 23:59:00 UTC") == datetime(2027, 2, 1, 23, 59)
    assert parse_moment("2027-02-01 23:59 Europe/Berlin") == datetime(2027, 2, 1, 22, 59)
    assert parse_moment("2027-02-01T23:59:00-05:00") == datetime(2027, 2, 2, 4, 59)
    for text, reason in [
        ("2027-02-01 23:59:00", "has no time zone"),
        ("2027-02-01 23:59:00 Mars/Olympus", "unknown time zone"),
        ("1 February 2027", "is not a date and time"),
    ]:
        with pytest.raises(ValueError, match=reason):
            parse_moment(text)
    configure(course, 'c.Deadlines.due = {"99-nonsense": "2027-02-01 23:59:00 UTC"}')
    with pytest.raises(DeadlineError, match="unknown module"):
        due_dates(pipeline.nbgrader_api(course), [MODULE])
    configure(course, f'c.Deadlines.due = {{"{MODULE}": "tomorrow"}}')
    with pytest.raises(DeadlineError, match=MODULE):
        grade_course(course, modules=[MODULE])


# --- the demo class and the command line ------------------------------------------------------


@pytest.mark.xdist_group(name=f"demo-{MODULE}")
def test_the_demo_takes_its_class_in_from_a_zip_with_one_late_student(demo_class):
    demo = demo_class(MODULE)
    with Gradebook(demo.api.coursedir.db_url, COURSE_ID) as gradebook:
        penalties = {
            s.student.id: s.late_submission_penalty
            for s in gradebook.assignment_submissions(MODULE)
        }
        stamps = {s.student.id: s.timestamp for s in gradebook.assignment_submissions(MODULE)}
    # the times of the zip's file names, through timestamp.txt (an ungradable notebook scores 0
    # without nbgrader reading its time)
    assert stamps["cleo-partial"] == datetime(2026, 1, 12, 17, 0)
    assert stamps["ada-full"] == datetime(2026, 1, 12, 10, 0)
    assert penalties["cleo-partial"] == 1.2  # 10 % of 12 points, 5 hours late
    assert {s: p for s, p in penalties.items() if s != "cleo-partial"} == {
        "ada-full": 0,
        "ben-untouched": 0,
        "dev-broken-json": 0,
    }
    assert demo.outcomes[("cleo-partial", MODULE)].score == 12  # the raw score stays


def test_grade_zip_on_the_command_line(course):
    archive = write_zip(
        course.parent / "canvas.zip",
        {f"amy_11_22_{NOTEBOOK}": sample(course, "partial"), "amy_11_22_notes.txt": "hi"},
    )
    args = ("--course", str(course), "grade", "--zip", str(archive), "--jobs", "1")
    result = run_module("course", *args)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert (
        lines[0]
        == f"intake of canvas.zip: 1 notebook(s) of 1 student(s) into submitted/ ({MODULE})"
    )
    assert "  skipped 1 file(s) that are not notebooks: amy_11_22_notes.txt" in lines
    row = next(line for line in lines if line.startswith("amy "))
    assert "12/20" in row
    hostile = with_member("../evil.ipynb")(course.parent / "evil.zip")
    result = run_module("course", "--course", str(course), "grade", "--zip", str(hostile))
    assert result.returncode == 1
    assert (
        result.stderr.strip()
        == "error: evil.zip holds a member outside its folder: '../evil.ipynb'"
    )


# --- review: forged names, namesakes, odd names, re-intake, the terminal -----------------------


def test_a_blackboard_name_cannot_forge_another_students_id_and_time(course):
    ada, eve = sample(course, "partial"), sample(course, "full")
    # eve uploaded a file she named "Orientation_ada_attempt_2099-01-01-00-00-00_00-orientation"
    upload = f"Orientation_ada_attempt_2099-01-01-00-00-00_{NOTEBOOK}"
    forged = f"Orientation_eve_attempt_2026-01-12-09-05-00_{upload}"
    archive = write_zip(
        course.parent / "forged.zip",
        {f"Orientation_ada_attempt_2026-01-12-09-00-00_{NOTEBOOK}": ada, forged: eve},
    )
    report = intake_zip(course, archive, lms="blackboard")
    assert [(c.student, c.submitted_at) for c in report.collected] == [
        ("ada", datetime(2026, 1, 12, 9, 0))
    ]
    assert student_file(course, "submitted", "ada", MODULE).read_text() == ada
    assert timestamp(course, "ada") == "2026-01-12 09:00:00"
    # read as eve's, whose upload is not named as a module's notebook
    assert [(s.file, s.reason) for s in report.skipped] == [
        (forged, f"{upload!r} is not a module's notebook")
    ]
    # an assignment name with "_" and spaces still ends where "_<username>_attempt_" begins
    name = f"Module_1 Intro_jdoe_attempt_2026-01-12-09-30-10_{NOTEBOOK}"
    report = intake_zip(course, write_zip(course.parent / "m1.zip", {name: ada}), lms="blackboard")
    assert [c.student for c in report.collected] == ["jdoe"]


@pytest.mark.parametrize("ada_in_the_zip", [True, False], ids=["blocking", "replacing"])
def test_a_moodle_upload_named_like_another_students_entry_stays_the_uploaders(
    course, ada_in_the_zip
):
    ada, eve = sample(course, "partial"), sample(course, "full")
    real = {f"Ada Lovelace_1045_assignsubmission_file_/{NOTEBOOK}": ada}
    upload = f"Ada Lovelace_1045_assignsubmission_file_{NOTEBOOK}"
    forged = f"Eve Evil_1050_assignsubmission_file_/{upload}"
    if not ada_in_the_zip:  # ada's file came in with an earlier download
        intake_zip(course, write_zip(course.parent / "earlier.zip", real), lms="moodle")
    members = {**(real if ada_in_the_zip else {}), forged: eve}
    report = intake_zip(course, write_zip(course.parent / "m.zip", members), lms="moodle")
    assert student_file(course, "submitted", "ada-lovelace", MODULE).read_text() == ada
    assert [c.student for c in report.collected] == (["ada-lovelace"] if ada_in_the_zip else [])
    assert [(s.file, s.reason) for s in report.skipped] == [
        (forged, f"{upload!r} is not a module's notebook")
    ]


@pytest.mark.parametrize(
    ("lms", "first", "second", "told_apart"),
    [
        (
            "canvas",
            f"smithjohn_101_7_{NOTEBOOK}",
            f"smithjohn_LATE_102_8_{NOTEBOOK}",
            ["101", "102"],
        ),
        (
            "moodle",
            f"John Smith_1045_assignsubmission_file_{NOTEBOOK}",
            f"John  Smith_1046_assignsubmission_file_/{NOTEBOOK}",
            ["john-smith_1045", "john-smith_1046"],
        ),
    ],
)
def test_two_students_of_one_name_are_not_made_one(course, lms, first, second, told_apart):
    archive = write_zip(
        course.parent / "namesakes.zip",
        {first: sample(course, "full"), second: sample(course, "untouched")},
    )
    report = intake_zip(course, archive, lms=lms)
    assert report.collected == []
    reasons = {s.file: s.reason for s in report.skipped}
    assert set(reasons) == {first, second}
    ids = [told_apart[0].rsplit("_")[-1], told_apart[1].rsplit("_")[-1]]
    assert all(f"LMS ids {ids[0]} and {ids[1]})" in reason for reason in reasons.values())
    assert not [p for p in (course / "submitted").iterdir() if "smith" in p.name]
    # the pattern that the reason gives tells them apart
    from course.intake import ID_PATTERNS

    assert all(f"--pattern '{ID_PATTERNS[lms]}'" in reason for reason in reasons.values())
    report = intake_zip(course, archive, pattern=ID_PATTERNS[lms])
    assert sorted(c.student for c in report.collected) == told_apart


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("İlker Yılmaz", "i\u0307lker-yılmaz"),  # "İ" in lower case holds a combining dot
        ("अनिल कुमार", "अनिल-कुमार"),  # Devanagari vowel signs are marks, not letters
        ("Smith, John", "smith-john"),
        ("Jean (JJ) Doe", "jean-jj-doe"),
        ("Ana [TA]; Bo & Cy + Di {x}", "ana-ta-bo-cy-di-x"),
        ("Anne-Marie  -  Dupont", "anne-marie-dupont"),
        ("-x", "x"),
        ("a+b", "a-b"),
    ],
)
def test_ordinary_names_become_student_ids(raw, expected):
    assert safe_student_id(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "a\x00b",
        "a\u202eb",  # right-to-left override: a format character
        "\u0301a",  # a combining mark cannot begin an id
        "_x",
        ".hidden",
        "a|b",
        "a?b",
        "()",
        "अ" * 100,  # 100 characters, but 300 bytes: over what a folder name may take
    ],
)
def test_still_unsafe_student_ids(raw):
    with pytest.raises(ValueError, match="student id"):
        safe_student_id(raw)


def test_a_member_name_too_long_for_a_file_is_skipped_and_the_rest_collected(course):
    text = sample(course, "partial")
    long_name = "Eve Evil_1050_assignsubmission_file_" + "a" * 240 + ".ipynb"
    deep_name = "/".join(["d" * 250] * 17) + f"/Bo Li_1051_assignsubmission_file_{NOTEBOOK}"
    archive = write_zip(
        course.parent / "long.zip",
        {
            long_name: text,
            deep_name: text,
            f"Ada Lovelace_1045_assignsubmission_file_{NOTEBOOK}": text,
        },
    )
    report = intake_zip(course, archive, lms="moodle")
    assert [c.student for c in report.collected] == ["ada-lovelace"]
    assert {s.file: s.reason for s in report.skipped} == {
        long_name: "a part of its name is 282 bytes long, over the 255 a file name may have",
        deep_name: "its path here would be over the 4096 bytes that a path may have",
    }


def test_a_second_intake_keeps_the_timestamp_that_the_instructor_wrote(course):
    text = sample(course, "partial")
    archive = write_zip(course.parent / "c.zip", {f"amy_LATE_1_2_{NOTEBOOK}": text})
    intake_zip(course, archive, lms="canvas")
    stamp = course / "submitted" / "amy" / MODULE / "timestamp.txt"
    stamp.write_text("2026-01-13 10:00:00")  # as the README says for a LATE file
    kept = tree(course)
    report = intake_zip(course, archive, lms="canvas")
    assert report.collected == []
    assert [(s.file, s.reason) for s in report.skipped] == [
        (f"amy_LATE_1_2_{NOTEBOOK}", "unchanged since the last intake")
    ]
    assert (
        f"  skipped 1 file(s) unchanged since the last intake: amy_LATE_1_2_{NOTEBOOK}"
        in format_report(report).splitlines()
    )
    assert tree(course) == kept
    # a changed notebook replaces it, and the report says that the time went with it
    changed = write_zip(
        course.parent / "c2.zip", {f"amy_LATE_1_3_{NOTEBOOK}": sample(course, "full")}
    )
    report = intake_zip(course, changed, lms="canvas")
    assert [c.replaced_time for c in report.collected] == ["2026-01-13 10:00:00"]
    assert not stamp.exists()
    assert (
        "  amy 00-orientation: replaced a submission whose timestamp.txt said "
        "2026-01-13 10:00:00; the new file has no time: write one into timestamp.txt again to "
        "apply a late penalty"
    ) in format_report(report).splitlines()


def test_the_report_escapes_control_characters_in_names():
    from course.intake import IntakeReport, Skipped

    report = IntakeReport(
        "class\x1b[2J.zip",
        skipped=[
            Skipped("evil\n  skipped nothing: fine.pdf", "not a notebook"),
            Skipped("red\x1b[31m.ipynb", "student id 'x\\x1b' is not a safe folder name\r"),
            Skipped("rtl\u202egpj.ipynb", "the name does not match the canvas file names"),
        ],
    )
    lines = format_report(report).split("\n")
    assert len(lines) == 4
    assert not [line for line in lines if any(c in line for c in "\x1b\r\u202e")]
    assert lines[0].startswith("intake of class\\x1b[2J.zip: ")
    assert "evil\\n  skipped nothing: fine.pdf" in lines[1]
    assert lines[2] == (
        "  skipped red\\x1b[31m.ipynb: student id 'x\\x1b' is not a safe folder name\\r"
    )
    assert lines[3].startswith("  skipped rtl\\u202egpj.ipynb: ")


def test_a_wrong_due_date_stops_grade_zip_before_the_intake(course):
    configure(course, f'c.Deadlines.due = {{"{MODULE}": "tomorrow"}}')
    archive = write_zip(course.parent / "c.zip", {f"amy_1_2_{NOTEBOOK}": sample(course, "full")})
    before = state(course)
    result = run_module("course", "--course", str(course), "grade", "--zip", str(archive))
    assert result.returncode == 1
    assert result.stderr.startswith(f"error: c.Deadlines.due['{MODULE}']: ")
    assert result.stdout == ""  # no intake report: nothing was taken in
    assert state(course) == before


def test_the_zip_is_checked_and_unpacked_once_and_names_read_with_one_pattern(course, monkeypatch):
    import re

    from course import intake

    calls = {"check": 0, "modules": 0, "compile": 0}
    opened: list[str] = []
    spied = {
        "check_archive": ("check", intake.check_archive),
        "module_ids": ("modules", intake.module_ids),
    }
    for name, (key, real) in spied.items():

        def spy(*args, _key=key, _real=real, **kwargs):
            calls[_key] += 1
            return _real(*args, **kwargs)

        monkeypatch.setattr(intake, name, spy)
    real_compile, real_open = re.compile, zipfile.ZipFile.open

    def compile_spy(text, *args, **kwargs):
        calls["compile"] += text == intake.LMS_PATTERNS["canvas"]
        return real_compile(text, *args, **kwargs)

    def open_spy(self, name, *args, **kwargs):
        opened.append(getattr(name, "filename", name))
        return real_open(self, name, *args, **kwargs)

    members = [f"s{n}_{n}_2_{NOTEBOOK}" for n in range(6)]
    archive = write_zip(course.parent / "c.zip", dict.fromkeys(members, sample(course, "full")))
    monkeypatch.setattr(intake.re, "compile", compile_spy)
    monkeypatch.setattr(zipfile.ZipFile, "open", open_spy)
    assert len(intake_zip(course, archive, lms="canvas").collected) == 6
    assert calls == {"check": 1, "modules": 2, "compile": 1}  # module_ids: intake's, collector's
    assert sorted(opened) == members  # each member decompressed once


def test_an_encrypted_member_is_refused(course, tmp_path):
    archive = tmp_path / "locked.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as writer:
        writer.writestr(f"ana_1_2_{NOTEBOOK}", "{}")
    data = bytearray(archive.read_bytes())
    for signature, flags_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # local, central
        at = data.index(signature) + flags_at
        data[at] |= 0x1  # "encrypted"
    archive.write_bytes(bytes(data))
    before = state(course)
    with pytest.raises(IntakeError, match="encrypted"):
        intake_zip(course, archive)
    assert state(course) == before
