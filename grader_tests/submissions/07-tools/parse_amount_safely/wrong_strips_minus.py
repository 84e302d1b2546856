# Wrong: strips dashes along with the white space, taking "-" for a placeholder, so -3.25
# becomes 3.25.
def parse_amount_safely(text):
    import re

    cleaned = text.strip(" -")
    if cleaned.lower() in {"", "n/a", "na", "none", "-"}:
        return None
    if not re.fullmatch(r"-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?", cleaned):
        raise ValueError(f"not an amount: {text!r}")
    return float(cleaned.replace(",", ""))
