# Wrong: one checklist pasted on every card, so no card says when its own task is done.
def plan_cleanup():
    """Return a TaskBoard with the work that remains after this clean-up."""
    done_when = ["python -m pytest passes on a fresh clone", "Alex has reviewed the pull request"]
    board = TaskBoard()
    for title in ["Run the tests in CI", "Version the data with DVC", "Write a model card"]:
        board.add(title, "kim", done_when)
    return board
