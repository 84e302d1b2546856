# Wrong: reports whole days (timedelta.days) instead of hours.
def cycle_times(events):
    todo, start, done, last = {}, {}, {}, {}
    for card, column, when in events:
        if column == "TODO":
            todo.setdefault(card, when)
        if column == "In Progress":
            start.setdefault(card, when)
        if column == "Done":
            done[card] = when
        last[card] = column
    return {c: (float((done[c] - todo[c]).days), float((done[c] - start[c]).days))
            for c in last if last[c] == "Done"}
