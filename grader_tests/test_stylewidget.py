"""The code-quality playground shows what the student's checker and formatter return."""

import ipywidgets

from course.stylewidget import style_view

CODE = "x=1\nif x == None :\n    pass\n"


def fake_problems(source):
    return [(1, "E225"), (2, "E203"), (2, "E711")] if "x=1" in source else []


def fake_format(source):
    if "(" in source and ")" not in source:
        raise ValueError("Failed to parse at 1:5")
    return source.replace("x=1", "x = 1")


def unfinished(source):
    raise NotImplementedError


def test_the_view_shows_each_problem_with_its_line_and_the_formatted_code():
    view = style_view(fake_problems, fake_format, CODE)
    assert isinstance(view, ipywidgets.VBox) and view.code.value == CODE
    shown = view.problems.value
    assert shown.count("<tr>") == 3
    assert "<b>E711</b>" in shown and "if x == None :" in shown
    assert "x = 1" in view.formatted.value and "if x == None :" in view.formatted.value


def test_editing_the_code_refreshes_both_views():
    view = style_view(fake_problems, fake_format, CODE)
    view.code.value = "y = 2\n"
    assert view.problems.value == "<p>No problems reported.</p>"
    assert "y = 2" in view.formatted.value
    view.code.value = "print(\n"
    assert "The formatter refused: Failed to parse at 1:5" in view.formatted.value


def test_unwritten_or_broken_functions_get_a_message_not_a_traceback():
    view = style_view(unfinished, unfinished, CODE)
    assert "Write <code>style_problems</code> in Exercise 2" in view.problems.value
    assert "Write <code>format_code</code> in Exercise 3" in view.formatted.value
    view = style_view(lambda source: [1 / 0], lambda source: None.upper(), CODE)
    assert "style_problems raised ZeroDivisionError" in view.problems.value
    assert "format_code raised AttributeError" in view.formatted.value
    view = style_view(lambda source: [(1, "E225"), "E501"], fake_format, CODE)
    assert "not (line, code): &#x27;E501&#x27;" in view.problems.value


def test_code_is_escaped():
    view = style_view(lambda source: [(1, "E225")], lambda source: source, "a<b\n")
    assert "a&lt;b" in view.problems.value and "a&lt;b" in view.formatted.value
