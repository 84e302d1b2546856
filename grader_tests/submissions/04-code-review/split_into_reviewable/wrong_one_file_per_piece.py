# Wrong: makes every file a pull request of its own, splitting tests from their module and
# making far more pieces than needed.
def split_into_reviewable(sizes, limit=400):
    return [[path] for path in sizes]
