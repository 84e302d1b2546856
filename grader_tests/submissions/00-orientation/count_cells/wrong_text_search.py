# Wrong: counts lines of the file's text instead of parsing it, so a markdown cell that
# mentions a cell type, or a notebook written with other spacing, is miscounted.
def count_cells(path):
    with open(path) as handle:
        text = handle.read()
    return {kind: text.count(f'"{kind}"') for kind in ("code", "markdown", "raw")}
