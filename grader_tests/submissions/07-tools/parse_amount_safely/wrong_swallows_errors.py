# Wrong: returns None for any text that is not an amount, as for a missing value, which hides bad
# data instead of failing loudly.
import re


def parse_amount_safely(text):
    cleaned = text.strip()
    if cleaned.lower() in {"", "n/a", "na", "none", "-"}:
        return None
    if not re.fullmatch(r"-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?", cleaned):
        return None
    return float(cleaned.replace(",", ""))
