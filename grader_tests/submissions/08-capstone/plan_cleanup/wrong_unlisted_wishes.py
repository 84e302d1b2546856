# Wrong: wishes that the word list misses ("performs well", "code is clean", "correctly").
def plan_cleanup():
    """Return a TaskBoard with the work that remains after this clean-up."""
    board = TaskBoard()
    board.add("Set up CI", "kim", ["the code is clean and readable", "CI runs the tests correctly"])
    board.add("Version the data", "alex", ["the data is versioned correctly", "data handling is robust"])
    board.add("Write a model card", "kim", ["the model performs well on new data", "the card is complete"])
    return board
