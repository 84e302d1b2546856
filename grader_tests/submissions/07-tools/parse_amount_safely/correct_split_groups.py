# Correct, written another way: no regular expression; the text is taken apart by hand (sign,
# whole part, fraction), the whole part split into comma groups whose lengths are checked, and
# the number built from the digits only.
DIGITS = set("0123456789")


def _all_digits(part):
    return part != "" and set(part) <= DIGITS


def parse_amount_safely(text):
    value = text.strip()
    if value.upper() in ("", "N/A", "NA", "NONE", "-"):
        return None
    sign, body = ("-", value[1:]) if value.startswith("-") else ("", value)
    whole, dot, fraction = body.partition(".")
    groups = whole.split(",")
    if not all(_all_digits(group) for group in groups):
        raise ValueError(f"not an amount: {text!r}")
    if len(groups) > 1 and (len(groups[0]) > 3 or any(len(g) != 3 for g in groups[1:])):
        raise ValueError(f"commas must separate groups of three digits: {text!r}")
    if dot and not _all_digits(fraction):
        raise ValueError(f"not an amount: {text!r}")
    return float(sign + "".join(groups) + dot + fraction)
