# Wrong: re.match checks only the start of the text, so "1,2345" (read as 12345) and "12."
# slip through.
def parse_amount_safely(text):
    import re

    cleaned = text.strip()
    if cleaned.lower() in {"", "n/a", "na", "none", "-"}:
        return None
    if not re.match(r"-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?", cleaned):
        raise ValueError(f"not an amount: {text!r}")
    return float(cleaned.replace(",", ""))
