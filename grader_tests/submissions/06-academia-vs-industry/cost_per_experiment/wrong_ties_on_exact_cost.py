# Wrong: compares exact costs, so 9.996 beats 10.00 although both are billed as 10.00.
def cost_per_experiment(hourly_price, gpus, hours):
    from decimal import ROUND_HALF_UP

    total = Decimal(str(hourly_price)) * Decimal(str(gpus)) * Decimal(str(hours))
    return total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def cheapest(options):
    if not options:
        raise ValueError("no options to compare")
    def exact(o):
        return Decimal(str(o["hourly_price"])) * Decimal(str(o["gpus"])) * Decimal(str(o["hours"]))

    best = min(options, key=lambda o: (exact(o), o["hours"], o["name"]))
    return best["name"], cost_per_experiment(best["hourly_price"], best["gpus"], best["hours"])