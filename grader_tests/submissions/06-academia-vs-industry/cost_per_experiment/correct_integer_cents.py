# Correct, written another way: exact Decimal arithmetic, rounded by hand in whole cents (add half
# a cent, drop the rest), and cheapest by a loop that keeps the best option so far.
from decimal import ROUND_FLOOR


def cost_per_experiment(hourly_price, gpus, hours):
    exact = Decimal(str(hourly_price)) * Decimal(str(gpus)) * Decimal(str(hours))
    cents = int((exact * 100 + Decimal("0.5")).to_integral_value(rounding=ROUND_FLOOR))
    return Decimal(cents).scaleb(-2)


def cheapest(options):
    best = None
    for option in options:
        cost = cost_per_experiment(option["hourly_price"], option["gpus"], option["hours"])
        candidate = (cost, option["hours"], option["name"])
        if best is None or candidate < best:
            best = candidate
    if best is None:
        raise ValueError("there are no options")
    return best[2], best[0]
