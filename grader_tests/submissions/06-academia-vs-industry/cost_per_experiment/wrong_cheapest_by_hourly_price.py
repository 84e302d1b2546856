# Wrong: cheapest picks the lowest price per hour, not the lowest cost per experiment.
from decimal import ROUND_HALF_UP


def cost_per_experiment(hourly_price, gpus, hours):
    total = Decimal(str(hourly_price)) * Decimal(str(gpus)) * Decimal(str(hours))
    return total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def cheapest(options):
    if not options:
        raise ValueError("no options to compare")
    best = min(options, key=lambda o: Decimal(str(o["hourly_price"])))
    return best["name"], cost_per_experiment(best["hourly_price"], best["gpus"], best["hours"])
