# Wrong: the tests call the service but check nothing, so they pass on every faulty service.
def test_it_runs():
    serve({"image_url": "https://example.org/x.jpg"}, lambda url: {"cat": 3, "dog": 1})


def test_it_runs_again():
    serve({"image_url": "http://example.org/y.jpg"}, lambda url: {"a": 1, "b": 1})


def test_and_once_more():
    serve({"image_url": "https://example.org/z.jpg"}, lambda url: {"owl": 2})
