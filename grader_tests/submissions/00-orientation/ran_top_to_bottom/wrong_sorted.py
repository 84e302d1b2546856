# Wrong: "sorted" is not "1, 2, ..., n", and comparing None with a number raises TypeError.
def ran_top_to_bottom(execution_counts):
    return list(execution_counts) == sorted(execution_counts)
