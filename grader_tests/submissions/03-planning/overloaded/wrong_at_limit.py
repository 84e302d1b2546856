# Wrong: flags people who are exactly at the limit, which the limit allows.
from collections import Counter


def overloaded(cards, limit=3):
    counts = Counter(owner for owner, column in cards if column == "In Progress")
    return sorted(((o, n) for o, n in counts.items() if n >= limit), key=lambda p: (-p[1], p[0]))
