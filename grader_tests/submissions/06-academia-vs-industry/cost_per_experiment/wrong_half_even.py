# Wrong: quantizes with the default rounding, ROUND_HALF_EVEN (banker's rounding), so half a cent
# goes down when the cent is even.
def cost_per_experiment(hourly_price, gpus, hours):
    total = Decimal(str(hourly_price)) * Decimal(str(gpus)) * Decimal(str(hours))
    return total.quantize(Decimal("0.01"))


def cheapest(options):
    if not options:
        raise ValueError("no options to compare")
    ranked = sorted(
        (cost_per_experiment(o["hourly_price"], o["gpus"], o["hours"]), o["hours"], o["name"])
        for o in options
    )
    return ranked[0][2], ranked[0][0]
