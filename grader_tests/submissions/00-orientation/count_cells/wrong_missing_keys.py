# Wrong: a Counter only has the types that occur, so unused types are missing instead of 0.
import json
from collections import Counter


def count_cells(path):
    with open(path) as handle:
        notebook = json.load(handle)
    return dict(Counter(cell["cell_type"] for cell in notebook["cells"]))
