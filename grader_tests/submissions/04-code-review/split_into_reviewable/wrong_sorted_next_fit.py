# Wrong: sorts the units largest first but then only tries the last piece (next fit), so an
# earlier piece with room is never filled.
from pathlib import PurePosixPath


def split_into_reviewable(sizes, limit=400):
    names = {PurePosixPath(path).name for path in sizes}

    def unit_of(path):
        name = PurePosixPath(path).name
        if name.endswith(".py") and name.startswith("test_") and name[5:] in names:
            return name[5:]
        if name.endswith(".py") and f"test_{name}" in names:
            return name
        return path

    groups = {}
    for path in sizes:
        groups.setdefault(unit_of(path), []).append(path)
    pieces, total = [], 0
    units = sorted(groups.values(), key=lambda unit: -sum(sizes[p] for p in unit))
    for unit in units:
        size = sum(sizes[p] for p in unit)
        if pieces and total + size <= limit:
            pieces[-1] += unit
            total += size
        else:
            pieces.append(list(unit))
            total = size
    return pieces
