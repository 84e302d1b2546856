# Wrong: checks only the first and last counts, so [1, 3, 3] and [1, 3, 2, 4] pass.
def ran_top_to_bottom(execution_counts):
    if not execution_counts:
        return True
    if None in execution_counts:
        return False
    return execution_counts[0] == 1 and execution_counts[-1] == len(execution_counts)
