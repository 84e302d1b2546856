# Wrong: keeps the units together but only ever tries the last piece (next fit): once a unit does
# not fit there, a new piece starts, even when an earlier piece has room.
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
    for unit in groups.values():
        size = sum(sizes[p] for p in unit)
        if pieces and total + size <= limit:
            pieces[-1] += unit
            total += size
        else:
            pieces.append(list(unit))
            total = size
    return pieces
