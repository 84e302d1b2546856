# Correct, written another way: explicit checks after catching the decoding error by its name.
import json


def looks_like_notebook(text):
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return False
    if type(data) is not dict:
        return False
    if data.get("nbformat") != 4:
        return False
    return type(data.get("cells")) is list
