# Wrong: only two remaining tasks on the board (the model card is forgotten).
def plan_cleanup():
    """Return a TaskBoard with the work that remains after this clean-up."""
    board = TaskBoard()
    board.add(
        "Run the checks in CI",
        "kim",
        ["a CI job runs python -m pytest on every push", "a red CI run blocks the merge"],
    )
    board.add(
        "Version the data with DVC",
        "alex",
        ["dvc pull restores data/wine.csv on a new machine", "the README says how to fetch it"],
    )
    return board
