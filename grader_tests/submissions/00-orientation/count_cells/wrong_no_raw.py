# Wrong: forgets raw cells, so a notebook with one raises KeyError.
import json


def count_cells(path):
    with open(path) as handle:
        notebook = json.load(handle)
    counts = {"code": 0, "markdown": 0}
    for cell in notebook["cells"]:
        counts[cell["cell_type"]] += 1
    counts["raw"] = 0
    return counts
