# Wrong: counts every card that ever reached Done, even one that was reopened.
def cycle_times(events):
    todo, start, done = {}, {}, {}
    for card, column, when in events:
        if column == "TODO":
            todo.setdefault(card, when)
        if column == "In Progress":
            start.setdefault(card, when)
        if column == "Done":
            done[card] = when
    return {c: ((done[c] - todo[c]).total_seconds() / 3600, (done[c] - start[c]).total_seconds() / 3600)
            for c in done}
