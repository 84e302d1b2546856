# Wrong: does not strip the white space around the text, so "  12.5 " and a blank "   "
# raise.
def parse_amount_safely(text):
    import re

    cleaned = text
    if cleaned.lower() in {"", "n/a", "na", "none", "-"}:
        return None
    if not re.fullmatch(r"-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?", cleaned):
        raise ValueError(f"not an amount: {text!r}")
    return float(cleaned.replace(",", ""))
