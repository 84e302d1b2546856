# Wrong: forgets cards still In Progress at the end of the log.
def average_wip(events, start, end):
    busy, since = 0.0, {}
    for card, column, when in events:
        if card in since:
            a, b = max(since.pop(card), start), min(when, end)
            busy += max(0.0, (b - a).total_seconds())
        if column == "In Progress":
            since[card] = when
    return busy / (end - start).total_seconds()
