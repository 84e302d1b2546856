# Wrong: Decimal(float) keeps the float's binary error, so 1.005 is 1.00499... and rounds down.
def cost_per_experiment(hourly_price, gpus, hours):
    from decimal import ROUND_HALF_UP

    total = Decimal(hourly_price) * Decimal(gpus) * Decimal(hours)
    return total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def cheapest(options):
    if not options:
        raise ValueError("no options to compare")
    ranked = sorted(
        (cost_per_experiment(o["hourly_price"], o["gpus"], o["hours"]), o["hours"], o["name"])
        for o in options
    )
    return ranked[0][2], ranked[0][0]