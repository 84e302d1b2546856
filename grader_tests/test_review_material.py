"""The code-review lesson's material: pull requests made with real git, and the diff view."""

import html
import re

import ipywidgets
from unidiff import PatchSet

from course.diffview import diff_view, render_diff
from course.review import SENSOR_CHANGES, pull_request_diff, sensor_pull_request


def rows_by_line(page):
    """Map (file, new line number or 0 for the file header) to the text of that table row."""
    rows, current = {}, None
    for row in re.findall(r"<tr.*?</tr>", page, flags=re.DOTALL):
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.DOTALL)
        if 'colspan="3"' in row:
            current = html.unescape(re.sub(r"<[^>]+>", "", cells[0])).split(" (")[0].strip()
            rows[(current, 0)] = row
        elif cells[1]:
            rows[(current, int(cells[1]))] = row
    return rows


def badges(row):
    return re.findall(r"<span[^>]*title=[^>]*>([^<]*)</span>", row)


def test_pull_request_diff_is_what_git_prints_for_each_kind_of_change():
    diff = pull_request_diff(
        {
            "keep.py": "a = 1\nb = 2\n",
            "gone.txt": "bye\n",
            "old/name.py": "x = 1\n" * 10,
            "logo.png": b"\x89PNG\x00\x01",
        },
        {
            "keep.py": "a = 1\nb = 3\n",
            "gone.txt": None,
            "new.md": "# hi\n",
            "logo.png": b"\x89PNG\x00\x02",
        },
        renames={"old/name.py": "new/place/name.py"},
    )
    files = {patched.path: patched for patched in PatchSet(diff)}
    assert set(files) == {"keep.py", "gone.txt", "new/place/name.py", "new.md", "logo.png"}
    assert (files["keep.py"].added, files["keep.py"].removed) == (1, 1)
    assert files["gone.txt"].is_removed_file and files["new.md"].is_added_file
    assert files["new/place/name.py"].is_rename
    assert files["logo.png"].is_binary_file
    assert "similarity index 100%" in diff and "rename from old/name.py" in diff


def test_pull_requests_are_reproducible():
    assert sensor_pull_request() == sensor_pull_request()
    assert pull_request_diff({"a.txt": "x\n"}, {"a.txt": "x\n"}) == ""


def test_the_lesson_pull_request_adds_the_new_module_whole():
    patched = {p.path: p for p in PatchSet(sensor_pull_request())}
    new_file = patched["src/sensors/prepare.py"]
    assert new_file.is_added_file
    added = "".join(line.value for hunk in new_file for line in hunk if line.is_added)
    assert added == SENSOR_CHANGES["src/sensors/prepare.py"]


def test_a_renamed_and_edited_file_shows_its_old_name_and_counts():
    body = "".join(f"line {n}\n" for n in range(20))
    diff = pull_request_diff(
        {"old.py": body},
        {"new.py": body.replace("line 3", "line three")},
        renames={"old.py": "new.py"},
    )
    rows = rows_by_line(render_diff(diff, [("new.py", 4, "off-by-one")]))
    assert "renamed from old.py, +1 −1" in rows[("new.py", 0)]
    assert badges(rows[("new.py", 4)]) == ["off-by-one"]


def test_a_missing_final_newline_is_a_marker_not_a_line():
    diff = pull_request_diff({"a.py": "x = 1"}, {"a.py": "x = 2"})
    page = render_diff(diff)
    assert "\\ No newline at end of file" in page
    assert set(rows_by_line(page)) == {("a.py", 0), ("a.py", 1)}


def test_findings_never_land_on_removed_lines():
    rows = rows_by_line(
        render_diff(sensor_pull_request(), [("src/sensors/load.py", -1, "leakage")])
    )
    assert [b for row in rows.values() for b in badges(row)] == []


def test_findings_appear_beside_the_line_they_name_and_nowhere_else():
    diff = sensor_pull_request()
    findings = [
        ("src/sensors/prepare.py", 17, "leakage"),
        ("src/sensors/prepare.py", 0, "missing-test"),
        ("src/sensors/load.py", 6, "mutable-default"),
        ("src/sensors/load.py", 6, "off-by-one"),
    ]
    rows = rows_by_line(render_diff(diff, findings))
    assert badges(rows[("src/sensors/prepare.py", 17)]) == ["leakage"]
    assert "scaler.fit(np.vstack" in rows[("src/sensors/prepare.py", 17)]
    assert badges(rows[("src/sensors/prepare.py", 0)]) == ["missing-test"]
    assert badges(rows[("src/sensors/load.py", 6)]) == ["mutable-default", "off-by-one"]
    placed = [b for row in rows.values() for b in badges(row)]
    assert sorted(placed) == ["leakage", "missing-test", "mutable-default", "off-by-one"]


def test_added_and_removed_lines_are_coloured_and_numbered_by_version():
    rows = rows_by_line(render_diff(sensor_pull_request()))
    assert "#e6ffec" in rows[("src/sensors/load.py", 6)]  # added: def read_rows(lines, skip=[])
    assert "#e6ffec" not in rows[("src/sensors/load.py", 3)]  # context: import numpy as np
    page = render_diff(sensor_pull_request())
    removed = [r for r in re.findall(r"<tr.*?</tr>", page, re.DOTALL) if "#ffebe9" in r]
    assert len(removed) == 3 and "def read_rows(lines):" in removed[0]


def test_findings_on_lines_the_diff_does_not_show_are_listed_not_lost():
    page = render_diff(sensor_pull_request(), [("src/sensors/load.py", 99, "leakage")])
    assert "lines this diff does not show" in page
    assert "src/sensors/load.py line 99" in page


def test_unknown_categories_are_marked_and_code_is_escaped():
    diff = pull_request_diff({}, {"a.py": "if x < 1 and y > 2:\n    pass\n"})
    page = render_diff(diff, [("a.py", 1, "typo")])
    assert "if x &lt; 1 and y &gt; 2:" in page
    assert "not one of course.review.CATEGORIES" in rows_by_line(page)[("a.py", 1)]


def test_the_view_runs_the_students_review_and_explains_what_went_wrong():
    diff = sensor_pull_request()

    def unfinished(diff_text):
        raise NotImplementedError

    def crashing(diff_text):
        return 1 / 0

    def two_findings(diff_text):
        assert diff_text == diff
        return [["src/sensors/load.py", 6, "mutable-default"], ("src/sensors/load.py", 17)]

    def not_a_list(diff_text):
        return 42

    def strings(diff_text):
        return ["abc", ("src/sensors/load.py", "6", "leakage")]

    assert isinstance(diff_view(diff), ipywidgets.VBox)
    assert "Write review() in the exercise" in diff_view(diff, unfinished).note.value
    assert "review() raised ZeroDivisionError" in diff_view(diff, crashing).note.value
    assert "must return a list of findings, not int" in diff_view(diff, not_a_list).note.value
    view = diff_view(diff, two_findings)
    assert "1 findings from your review. 1 could not be shown" in view.note.value
    assert "must be (file, line, category)" in view.note.value
    assert badges(rows_by_line(view.body.value)[("src/sensors/load.py", 6)]) == ["mutable-default"]
    assert (
        "0 findings from your review. 2 could not be shown" in diff_view(diff, strings).note.value
    )


def test_the_file_menu_shows_one_file_or_all():
    view = diff_view(sensor_pull_request())
    assert [label for label, _ in view.files.options] == [
        "all files",
        "src/sensors/load.py",
        "src/sensors/prepare.py",
    ]
    assert view.files.label == "all files", "the menu names what it shows from the start"
    view.files.value = "src/sensors/prepare.py"
    assert {file for file, _ in rows_by_line(view.body.value)} == {"src/sensors/prepare.py"}
    view.files.value = ""
    assert {file for file, _ in rows_by_line(view.body.value)} == {
        "src/sensors/load.py",
        "src/sensors/prepare.py",
    }


def test_text_that_is_not_a_diff_gets_a_message():
    assert "not a unified diff" in render_diff("@@ -1,2 +1,5 @@\n+only\n")
