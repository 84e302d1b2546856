# Correct, written another way: the rounding rule set in a local decimal context, and cheapest
# as min() with a (cost, hours, name) key.
import decimal


def cost_per_experiment(hourly_price, gpus, hours):
    with decimal.localcontext() as context:
        context.rounding = decimal.ROUND_HALF_UP
        total = Decimal(1)
        for factor in (hourly_price, gpus, hours):
            total *= Decimal(str(factor))
        return total.quantize(Decimal("0.01"))


def cheapest(options):
    if len(options) == 0:
        raise ValueError("cheapest needs at least one option")
    costed = [
        (cost_per_experiment(o["hourly_price"], o["gpus"], o["hours"]), o["hours"], o["name"])
        for o in options
    ]
    cost, _, name = min(costed, key=lambda entry: (entry[0], entry[1], entry[2]))
    return name, cost
