# Wrong: compares the missing markers without ignoring case, so "N/A", "NA" and "None" raise.
def parse_amount_safely(text):
    import re

    cleaned = text.strip()
    if cleaned in {"", "n/a", "na", "none", "-"}:
        return None
    if not re.fullmatch(r"-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?", cleaned):
        raise ValueError(f"not an amount: {text!r}")
    return float(cleaned.replace(",", ""))
