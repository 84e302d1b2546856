# Wrong: measures cycle time from the last start, so a bounce back from Review looks short.
def cycle_times(events):
    todo, start, done, last = {}, {}, {}, {}
    for card, column, when in events:
        todo.setdefault(card, when) if column == "TODO" else None
        if column == "In Progress":
            start[card] = when
        if column == "Done":
            done[card] = when
        last[card] = column
    return {c: ((done[c] - todo[c]).total_seconds() / 3600, (done[c] - start[c]).total_seconds() / 3600)
            for c in last if last[c] == "Done"}
