"""The learning-curve explorer draws what the student's learning_curve returns, and caches it."""

import ipywidgets
import pytest

from course.curves import curve_explorer

SIZES = [10, 100, 1000]
CURVES = {"fast": [0.5, 0.7, 0.9], "slow": [0.3, 0.6, 0.95]}


def fake_learning_curve(calls):
    def learning_curve(make_model, features, labels, train_sizes, seed):
        name = make_model()
        calls.append((name, list(train_sizes), seed))
        return list(zip(train_sizes, CURVES[name], strict=True))

    return learning_curve


def explorer(calls, precompute=False):
    models = {"fast": lambda: "fast", "slow": lambda: "slow"}
    return curve_explorer(fake_learning_curve(calls), models, "X", "y", SIZES, 3, precompute)


def test_the_first_model_is_drawn_at_the_largest_size_on_a_log_axis():
    calls = []
    view = explorer(calls)
    assert isinstance(view, ipywidgets.VBox)
    assert calls == [("fast", SIZES, 3)]
    assert view.point == (1000, 0.9)
    axes = view.figure.axes[0]
    assert axes.get_xscale() == "log"
    assert [line.get_label() for line in axes.get_lines()][:1] == ["fast"]
    assert bytes(view.picture.value).startswith(b"\x89PNG")


def test_each_curve_is_computed_once_and_moving_the_slider_only_redraws():
    calls = []
    view = explorer(calls)
    first_picture = view.picture.value
    view.size.value = 100
    assert view.point == (100, 0.7) and len(calls) == 1
    assert view.picture.value != first_picture
    view.model.value = "slow"
    view.model.value = "fast"
    view.model.value = "slow"
    assert [name for name, _, _ in calls] == ["fast", "slow"]
    assert view.point == (100, 0.6)
    labels = [line.get_label() for line in view.figure.axes[0].get_lines()]
    assert {"fast", "slow"} <= set(labels)


def test_an_unwritten_or_failing_learning_curve_gives_a_message():
    def unwritten(*args):
        raise NotImplementedError

    def failing(*args):
        raise ValueError("training sizes must be from 1 to 5")

    view = curve_explorer(unwritten, {"m": object}, None, None, [1])
    assert "Write learning_curve in Exercise 3" in view.message.value and view.point is None
    view = curve_explorer(failing, {"m": object}, None, None, [1])
    assert "learning_curve raised ValueError: training sizes" in view.message.value


def test_no_models_or_sizes_is_an_error():
    with pytest.raises(ValueError, match="at least one model"):
        curve_explorer(fake_learning_curve([]), {}, None, None, SIZES)


def test_precomputed_curves_are_all_drawn_and_the_chosen_point_is_starred():
    calls = []
    view = explorer(calls, precompute=True)
    assert [name for name, _, _ in calls] == ["fast", "slow"]
    lines = view.figure.axes[0].get_lines()
    assert [line.get_label() for line in lines if line.get_marker() == "o"] == ["fast", "slow"]
    stars = [line for line in lines if line.get_marker() == "*"]
    assert len(stars) == 1 and list(stars[0].get_xydata()[0]) == [1000, 0.9]
    view.model.value = "slow"
    stars = [line for line in view.figure.axes[0].get_lines() if line.get_marker() == "*"]
    assert list(stars[0].get_xydata()[0]) == [1000, 0.95] and len(calls) == 2


def test_a_failing_function_is_reported_once_when_precomputing():
    calls = []

    def unwritten(*args):
        calls.append(args)
        raise NotImplementedError

    view = curve_explorer(unwritten, {"a": object, "b": object}, None, None, [1])
    assert "Write learning_curve" in view.message.value
    assert len(calls) == 2  # once when precomputing stopped at the first, once to draw it
