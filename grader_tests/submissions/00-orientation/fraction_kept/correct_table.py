# Correct, written another way: walk a table of (upper bound, fraction kept).
def fraction_kept(hours_late):
    bands = [(0, 1.0), (24, 0.9), (72, 0.5)]
    for limit, kept in bands:
        if hours_late <= limit:
            return kept
    return 0.0
