# Correct, written another way: table-driven tests with pytest.mark.parametrize.
import pytest


@pytest.mark.parametrize(("scores", "expected"), [
    ({"cat": 3, "dog": 1}, {"label": "cat", "confidence": 0.75}),
    ({"b": 2, "a": 2, "c": 2}, {"label": "a", "confidence": 0.333}),
    ({"owl": 1}, {"label": "owl", "confidence": 1.0}),
])
def test_answers(scores, expected):
    assert serve({"image_url": "http://example.org/x.jpg"}, lambda url: scores) == expected


@pytest.mark.parametrize("request_", [None, {}, {"url": "https://a.b"}, {"image_url": 1},
                                      {"image_url": "file:///tmp/x.jpg"}, ["https://a.b"],
                                      {"image_url": "ftp://example.org/x.jpg"}])
def test_bad_requests(request_):
    with pytest.raises(BadRequest):
        serve(request_, lambda url: {"cat": 1})


@pytest.mark.parametrize("scores", [{}, {"cat": 0}])
def test_useless_models(scores):
    with pytest.raises(ModelError):
        serve({"image_url": "https://example.org/x.jpg"}, lambda url: scores)


def test_the_model_sees_the_exact_url():
    urls = []
    serve({"image_url": "https://Example.org/A.jpg"}, lambda url: urls.append(url) or {"a": 1})
    assert urls == ["https://Example.org/A.jpg"]
