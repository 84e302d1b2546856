# Correct, written another way: turn the log into (begin, end) intervals, then clip and add.
def average_wip(events, start, end):
    intervals, open_since = [], {}
    for card, column, when in events:
        if card in open_since:
            intervals.append((open_since.pop(card), when))
        if column == "In Progress":
            open_since[card] = when
    intervals += [(since, end) for since in open_since.values()]
    total = sum(max(0.0, (min(b, end) - max(a, start)).total_seconds()) for a, b in intervals)
    return total / (end - start).total_seconds()
