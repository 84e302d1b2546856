# Correct, written another way: groups files by module name with a dict of test files, then packs
# the units largest first by best fit (into the piece that would be left with the least room).
def split_into_reviewable(sizes, limit=400):
    def base(path):
        return path.rsplit("/", 1)[-1]

    py_names = {base(path) for path in sizes if path.endswith(".py")}
    tested = {name[len("test_") :] for name in py_names if name.startswith("test_")}

    units = {}
    for path in sizes:
        name = base(path)
        if name.endswith(".py") and name.startswith("test_") and name[5:] in py_names:
            key = ("module", name[5:])
        elif name.endswith(".py") and name in tested:
            key = ("module", name)
        else:
            key = ("file", path)
        units.setdefault(key, []).append(path)

    ordered = sorted(units.values(), key=lambda unit: sum(sizes[p] for p in unit), reverse=True)
    pieces = []  # each [total, paths]
    for unit in ordered:
        size = sum(sizes[p] for p in unit)
        fitting = [piece for piece in pieces if piece[0] + size <= limit]
        if fitting:
            best = min(fitting, key=lambda piece: limit - piece[0] - size)
            best[0] += size
            best[1].extend(unit)
        else:
            pieces.append([size, list(unit)])
    return [paths for _, paths in pieces]
