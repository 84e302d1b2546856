# Wrong: judges by the first character instead of parsing, so a truncated notebook passes.
def looks_like_notebook(text):
    return text.strip().startswith("{") and '"cells"' in text
