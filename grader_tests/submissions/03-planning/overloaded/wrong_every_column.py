# Wrong: counts all of a person's cards, not only those In Progress.
from collections import Counter


def overloaded(cards, limit=3):
    counts = Counter(owner for owner, column in cards)
    return sorted(((o, n) for o, n in counts.items() if n > limit), key=lambda p: (-p[1], p[0]))
