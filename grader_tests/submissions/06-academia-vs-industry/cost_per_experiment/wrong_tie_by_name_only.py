# Wrong: breaks a tie in cost by name only, forgetting that the faster option wins first.
from decimal import ROUND_HALF_UP


def cost_per_experiment(hourly_price, gpus, hours):
    total = Decimal(str(hourly_price)) * Decimal(str(gpus)) * Decimal(str(hours))
    return total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def cheapest(options):
    if not options:
        raise ValueError("no options to compare")
    ranked = sorted(
        (cost_per_experiment(o["hourly_price"], o["gpus"], o["hours"]), o["name"]) for o in options
    )
    return ranked[0][1], ranked[0][0]
