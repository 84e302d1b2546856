# Wrong: multiplies floats and rounds with round(x, 2), which rounds half to even and works on
# binary fractions, so "0.125" becomes 0.12.
def cost_per_experiment(hourly_price, gpus, hours):
    total = float(hourly_price) * gpus * hours
    return Decimal(str(round(total, 2))).quantize(Decimal("0.01"))


def cheapest(options):
    if not options:
        raise ValueError("no options to compare")
    ranked = sorted(
        (cost_per_experiment(o["hourly_price"], o["gpus"], o["hours"]), o["hours"], o["name"])
        for o in options
    )
    return ranked[0][2], ranked[0][0]
