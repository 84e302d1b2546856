# Wrong: sorts by name only, not by load first.
from collections import Counter


def overloaded(cards, limit=3):
    counts = Counter(owner for owner, column in cards if column == "In Progress")
    return sorted((o, n) for o, n in counts.items() if n > limit)
