# Wrong: pairs a test only with the module at the mirrored path (tests/test_x.py with src/x.py),
# so modules outside src/ or tests in subfolders are split from each other.
def split_into_reviewable(sizes, limit=400):
    groups = {}
    for path in sizes:
        key = path
        if path.startswith("tests/test_") and path.endswith(".py"):
            module = "src/" + path[len("tests/test_") :]
            if module in sizes:
                key = module
        groups.setdefault(key, []).append(path)
    units = sorted(groups.values(), key=lambda unit: -sum(sizes[p] for p in unit))
    pieces, totals = [], []
    for unit in units:
        size = sum(sizes[p] for p in unit)
        for index, total in enumerate(totals):
            if total + size <= limit:
                pieces[index] += unit
                totals[index] += size
                break
        else:
            pieces.append(list(unit))
            totals.append(size)
    return pieces
