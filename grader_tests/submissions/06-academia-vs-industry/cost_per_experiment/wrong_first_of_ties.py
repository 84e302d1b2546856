# Wrong: keeps the first option of equal cost in the list, whatever its hours or name.
from decimal import ROUND_HALF_UP


def cost_per_experiment(hourly_price, gpus, hours):
    total = Decimal(str(hourly_price)) * Decimal(str(gpus)) * Decimal(str(hours))
    return total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def cheapest(options):
    if not options:
        raise ValueError("no options to compare")
    costs = [cost_per_experiment(o["hourly_price"], o["gpus"], o["hours"]) for o in options]
    best = costs.index(min(costs))
    return options[best]["name"], costs[best]
