# Wrong: leaves out a unit that is alone over the limit, instead of giving it a piece of its own.
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
    units = sorted(groups.values(), key=lambda unit: -sum(sizes[p] for p in unit))
    pieces, totals = [], []
    for unit in units:
        size = sum(sizes[p] for p in unit)
        if size > limit:
            continue
        for index, total in enumerate(totals):
            if total + size <= limit:
                pieces[index] += unit
                totals[index] += size
                break
        else:
            pieces.append(list(unit))
            totals.append(size)
    return pieces
