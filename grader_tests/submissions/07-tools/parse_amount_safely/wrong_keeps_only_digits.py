# Wrong: keeps only digits and the decimal point, which drops the minus sign (and reads "1 250" or
# "€12" as numbers).
import re


def parse_amount_safely(text):
    cleaned = text.strip()
    if cleaned.lower() in {"", "n/a", "na", "none", "-"}:
        return None
    return float(re.sub(r"[^0-9.]", "", cleaned))
