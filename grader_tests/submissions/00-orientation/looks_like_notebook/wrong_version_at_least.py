# Wrong: accepts any version from 4 up, and a missing version raises KeyError.
import json


def looks_like_notebook(text):
    try:
        data = json.loads(text)
    except ValueError:
        return False
    return isinstance(data, dict) and isinstance(data["cells"], list) and data["nbformat"] >= 4
