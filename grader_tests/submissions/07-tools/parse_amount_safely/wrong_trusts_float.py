# Wrong: trusts float() to reject what is not an amount, but float() reads "nan", "inf", "1e3",
# "1_000" and "+5", and with the commas dropped "3,5" becomes 35.0.
def parse_amount_safely(text):
    cleaned = text.strip()
    if cleaned.lower() in {"", "n/a", "na", "none", "-"}:
        return None
    return float(cleaned.replace(",", ""))
