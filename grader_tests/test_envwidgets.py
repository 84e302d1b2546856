import re

import ipywidgets
import pytest

from course.envwidgets import clash_rows, clash_summary, clash_view, result_problem


def shown(widget):
    """The HTML the widget displays under its two text boxes."""
    return widget.children[1].value


A = ["numpy>=1.26,<2", "Scikit_Learn~=1.4", "pandas[excel]>=2; python_version >= '3.9'"]
B = ["numpy>=2", "scikit-learn>=1.3", "requests"]
AVAILABLE = {
    "numpy": ["1.26.4", "2.0.0", "2.1.0"],
    "scikit-learn": ["1.3.2", "1.4.2", "1.5.0"],
    "pandas": ["2.2.0"],
    "requests": ["2.32.0"],
}
KNOWN = {"numpy": (["1.26.4"], ["2.0.0", "2.1.0"])}


def fake_find_clashes(requirements_a, requirements_b, available):
    assert (requirements_a, requirements_b, available) == (A, B, AVAILABLE)
    return KNOWN


def clash_cells(widget):
    return re.findall(r'<td class="clash"[^>]*>(.*?)</td>', shown(widget))


def test_the_view_is_a_widget():
    widget = clash_view(A, B, AVAILABLE, fake_find_clashes)
    assert isinstance(widget, ipywidgets.Widget)
    assert isinstance(widget.children[1], ipywidgets.HTML)


def test_rows_highlight_exactly_the_clashing_packages_with_each_sides_versions():
    rows = clash_rows(A, B, KNOWN)
    assert [(row["side"], row["name"]) for row in rows] == [
        (0, "numpy"),
        (0, "scikit-learn"),
        (0, "pandas"),
        (1, "numpy"),
        (1, "scikit-learn"),
        (1, "requests"),
    ]
    assert [row["clash"] for row in rows] == [True, False, False, True, False, False]
    assert rows[0]["versions"] == ["1.26.4"]
    assert rows[3]["versions"] == ["2.0.0", "2.1.0"]
    assert rows[1]["versions"] is None
    assert rows[1]["specifier"] == "~=1.4"
    assert rows[2]["extras"] == ["excel"]
    assert "python_version" in rows[2]["marker"]


def test_the_widget_highlights_and_lists_versions_only_for_clashes():
    widget = clash_view(A, B, AVAILABLE, fake_find_clashes, names=("alpha", "beta"))
    cells = clash_cells(widget)
    assert len(cells) == 2
    assert all("numpy" in cell for cell in cells)
    assert "satisfied by: 1.26.4" in cells[0] or "satisfied by: 1.26.4" in cells[1]
    assert any("satisfied by: 2.0.0, 2.1.0" in cell for cell in cells)
    assert shown(widget).count("satisfied by:") == 2
    assert shown(widget).count("background-color") == 2
    assert "scikit-learn~=1.4" in shown(widget)
    assert "alpha" in shown(widget) and "beta" in shown(widget)
    assert "1 clash: numpy" in shown(widget)


def test_a_clash_with_no_satisfying_version_says_so():
    def find(requirements_a, requirements_b, available):
        return {"numpy": ([], ["2.0.0"]), "scikit-learn": (["1.4.2"], ["1.4.2"])}

    widget = clash_view(A, B, AVAILABLE, find)
    assert "no available version" in shown(widget)
    assert "2 clashes: numpy, scikit-learn" in shown(widget)
    assert len(clash_cells(widget)) == 4


def test_an_unanswered_function_gives_a_friendly_message():
    def find(requirements_a, requirements_b, available):
        raise NotImplementedError("write find_clashes first")

    widget = clash_view(A, B, AVAILABLE, find)
    assert isinstance(widget, ipywidgets.Widget)
    assert "NotImplementedError" in shown(widget)
    assert "write find_clashes first" in shown(widget)
    assert "Traceback" not in shown(widget)
    assert "<table" not in shown(widget)


@pytest.mark.parametrize(
    "bad",
    [
        ["numpy"],
        {"numpy": ["1.26.4"]},
        {"numpy": (["1.26.4"], "2.0.0")},
        {"numpy": ([1], [2])},
        {"NumPy": (["1.26.4"], ["2.0.0"])},
        None,
    ],
)
def test_a_wrong_shape_gives_a_clear_message(bad):
    widget = clash_view(A, B, AVAILABLE, lambda a, b, available: bad)
    assert "expected a dict mapping" in shown(widget)
    assert "<table" not in shown(widget)
    assert result_problem(bad) is not None


def test_a_well_shaped_result_has_no_problem():
    assert result_problem(KNOWN) is None
    assert result_problem({}) is None


def test_html_special_characters_are_escaped():
    evil_a = ["numpy<2; python_version < '3.12' and sys_platform != \"<script>\""]
    evil_b = ["<b>not a requirement</b>"]
    widget = clash_view(evil_a, evil_b, {}, lambda a, b, available: {})
    assert "<script>" not in shown(widget)
    assert "<b>not" not in shown(widget)
    assert "&lt;2" in shown(widget)
    assert "&lt;b&gt;not a requirement&lt;/b&gt;" in shown(widget)

    def raising(a, b, available):
        raise ValueError("<img src=x>")

    assert "<img" not in shown(clash_view(evil_a, evil_b, {}, raising))


def test_no_clashes_summary():
    assert clash_summary({}) == "No clashes: one environment can serve both projects."
    widget = clash_view(A, B, AVAILABLE, lambda a, b, available: {})
    assert "No clashes: one environment can serve both projects." in shown(widget)
    assert not clash_cells(widget)
    assert "satisfied by" not in shown(widget)


def test_editing_a_text_box_asks_find_clashes_again():
    calls = []

    def find(a, b, available):
        calls.append((a, b))
        return {"numpy": (["1.26.4"], ["2.0.1"])} if "numpy>=2" in b else {}

    widget = clash_view(["numpy<2"], ["numpy>=1"], AVAILABLE, find)
    assert "No clashes" in shown(widget)
    box_b = widget.children[0].children[1]
    assert isinstance(box_b, ipywidgets.Textarea)
    box_b.value = "numpy>=2\n\n"
    assert calls[-1] == (["numpy<2"], ["numpy>=2"])
    assert "1 clash: numpy" in shown(widget)
