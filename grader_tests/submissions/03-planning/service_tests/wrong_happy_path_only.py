# Wrong: tests only the happy path, so faults in the error handling go unnoticed.
def test_cat():
    assert serve({"image_url": "https://x.org/a.jpg"}, lambda url: {"cat": 3, "dog": 1}) == {
        "label": "cat", "confidence": 0.75}


def test_dog():
    assert serve({"image_url": "https://x.org/b.jpg"}, lambda url: {"cat": 1, "dog": 4}) == {
        "label": "dog", "confidence": 0.8}


def test_single():
    assert serve({"image_url": "http://x.org/c.jpg"}, lambda url: {"owl": 2})["label"] == "owl"
