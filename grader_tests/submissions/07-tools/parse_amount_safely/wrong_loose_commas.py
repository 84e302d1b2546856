# Wrong: allows commas anywhere among the digits, so "3,5" becomes 35.0 and "1,,2" 12.0.
def parse_amount_safely(text):
    import re

    cleaned = text.strip()
    if cleaned.lower() in {"", "n/a", "na", "none", "-"}:
        return None
    if not re.fullmatch(r"-?\d[\d,]*(\.\d+)?", cleaned):
        raise ValueError(f"not an amount: {text!r}")
    return float(cleaned.replace(",", ""))
