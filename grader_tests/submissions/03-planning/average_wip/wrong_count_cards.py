# Wrong: counts the cards that were ever In Progress, not how long they stayed there.
def average_wip(events, start, end):
    return float(len({card for card, column, when in events if column == "In Progress"}))
