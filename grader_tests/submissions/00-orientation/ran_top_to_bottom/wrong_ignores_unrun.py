# Wrong: drops the cells that never ran before checking, so [1, None, 2] passes.
def ran_top_to_bottom(execution_counts):
    ran = [count for count in execution_counts if count is not None]
    return ran == list(range(1, len(ran) + 1))
