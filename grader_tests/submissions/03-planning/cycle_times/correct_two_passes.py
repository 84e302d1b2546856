# Correct, written another way: group events per card, then measure each finished card.
from collections import defaultdict


def cycle_times(events):
    history = defaultdict(list)
    for card, column, when in events:
        history[card].append((column, when))
    result = {}
    for card, steps in history.items():
        if steps[-1][0] != "Done":
            continue
        done = steps[-1][1]
        todo = next(when for column, when in steps if column == "TODO")
        start = next(when for column, when in steps if column == "In Progress")
        result[card] = ((done - todo) / timedelta(hours=1), (done - start) / timedelta(hours=1))
    return result


from datetime import timedelta  # noqa: E402
