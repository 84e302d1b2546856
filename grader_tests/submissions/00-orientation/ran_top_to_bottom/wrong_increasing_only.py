# Wrong: only checks that the counts grow, so gaps ([1, 2, 4]) and a late start ([3, 4, 5]) pass.
def ran_top_to_bottom(execution_counts):
    if any(count is None for count in execution_counts):
        return False
    return all(a < b for a, b in zip(execution_counts, execution_counts[1:]))
