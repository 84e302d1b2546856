# Correct, written another way: nbformat reads the file and collections.Counter counts.
from collections import Counter

import nbformat


def count_cells(path):
    notebook = nbformat.read(str(path), as_version=4)
    counted = Counter(cell.cell_type for cell in notebook.cells)
    return {kind: counted.get(kind, 0) for kind in ("code", "markdown", "raw")}
