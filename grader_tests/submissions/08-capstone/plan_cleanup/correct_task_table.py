# Correct, written another way: the tasks as a table of tuples, one card in "In Progress".
REMAINING = (
    (
        "Add a CI pipeline",
        "alex",
        (
            "a GitHub Actions job runs python -m pytest on every push",
            "the job installs the project with the README's set-up commands",
        ),
    ),
    (
        "Track the data with DVC",
        "kim",
        (
            "data/wine.csv is listed in data/wine.csv.dvc with its checksum",
            "dvc pull on a new clone restores the file",
        ),
    ),
    (
        "Document the model",
        "kim",
        (
            "docs/model-card.md records the test accuracy and the seed",
            "docs/model-card.md names the intended use and its limits",
        ),
    ),
    (
        "Report the accuracy over ten seeds",
        "alex",
        (
            "a table of the test accuracy for seeds 0 to 9 is in docs/results.md",
            "the table gives the mean and the standard deviation",
        ),
    ),
)


def plan_cleanup():
    """Return a TaskBoard with the work that remains after this clean-up."""
    board = TaskBoard()
    ids = [board.add(title, owner, list(checklist)) for title, owner, checklist in REMAINING]
    board.move(ids[-1], "In Progress")
    return board
