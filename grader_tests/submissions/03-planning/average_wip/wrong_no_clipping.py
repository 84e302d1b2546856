# Wrong: does not clip intervals to the period, so time outside it counts too.
def average_wip(events, start, end):
    busy, since = 0.0, {}
    for card, column, when in events:
        if card in since:
            busy += (when - since.pop(card)).total_seconds()
        if column == "In Progress":
            since[card] = when
    busy += sum((end - s).total_seconds() for s in since.values())
    return busy / (end - start).total_seconds()
