# Correct, written another way: a plain dict count and a sort on a negated count.
def overloaded(cards, limit=3):
    counts = {}
    for owner, column in cards:
        if column == "In Progress":
            counts[owner] = counts.get(owner, 0) + 1
    over = [(owner, count) for owner, count in counts.items() if count > limit]
    over.sort(key=lambda pair: pair[0])
    over.sort(key=lambda pair: pair[1], reverse=True)
    return over
