# Wrong: packs files first fit, largest first, but treats each file as a unit of its own, so a
# module and its test file can land in different pieces.
def split_into_reviewable(sizes, limit=400):
    pieces, totals = [], []
    for path in sorted(sizes, key=lambda p: -sizes[p]):
        for index, total in enumerate(totals):
            if total + sizes[path] <= limit:
                pieces[index].append(path)
                totals[index] += sizes[path]
                break
        else:
            pieces.append([path])
            totals.append(sizes[path])
    return pieces
