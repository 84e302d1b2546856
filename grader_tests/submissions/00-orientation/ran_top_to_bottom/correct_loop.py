# Correct, written another way: compare each count with its position.
def ran_top_to_bottom(execution_counts):
    for position, count in enumerate(execution_counts, start=1):
        if count != position:
            return False
    return True
