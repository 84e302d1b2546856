# Wrong: only asks whether "cells" is in the data, so version 3, a string and a dict with
# a non-list "cells" all pass.
import json


def looks_like_notebook(text):
    try:
        data = json.loads(text)
    except ValueError:
        return False
    return "cells" in data
