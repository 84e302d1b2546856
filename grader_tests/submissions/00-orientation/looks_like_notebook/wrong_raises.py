# Wrong: does not catch the error, so broken text crashes instead of returning False.
import json


def looks_like_notebook(text):
    data = json.loads(text)
    return isinstance(data, dict) and isinstance(data.get("cells"), list) and data.get("nbformat") == 4
