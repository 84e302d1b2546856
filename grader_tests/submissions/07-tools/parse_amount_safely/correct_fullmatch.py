# Correct, written another way: a verbose regular expression written from the docstring, with
# [0-9] for ASCII digits only, checked against the whole text with re.fullmatch, and the missing
# markers compared after casefold().
import re

MISSING = {"", "n/a", "na", "none", "-"}
AMOUNT = re.compile(
    r"""
    -?                          # an optional minus sign
    (?: [0-9]{1,3} (?:,[0-9]{3})+   # digits with a comma between each group of three
      | [0-9]+ )                    # or digits without commas
    (?: \. [0-9]+ )?            # optionally a dot and one or more digits
    """,
    re.VERBOSE,
)


def parse_amount_safely(text):
    stripped = text.strip()
    if stripped.casefold() in MISSING:
        return None
    if AMOUNT.fullmatch(stripped) is None:
        raise ValueError(f"not an amount: {text!r}")
    return float(stripped.replace(",", ""))
