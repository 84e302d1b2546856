# Wrong: expects the confidence as a percentage, so the tests fail on the correct service.
import pytest


def test_best_label():
    assert serve({"image_url": "https://x.org/a.jpg"}, lambda url: {"cat": 3, "dog": 1}) == {
        "label": "cat", "confidence": 75}


def test_bad_url():
    with pytest.raises(BadRequest):
        serve({"image_url": "ftp://x.org/a.jpg"}, lambda url: {"cat": 1})


def test_empty_model():
    with pytest.raises(ModelError):
        serve({"image_url": "https://x.org/a.jpg"}, lambda url: {})
