# Correct, written another way: the ranges in a dict of checks, and the payback time as
# price * workdays / (salary * gain) in one division; worth_it compares in months.
def payback_days(price, monthly_salary, productivity_gain, workdays_per_month=21):
    checks = {
        "price": (price, lambda value: value >= 0, "0 or more"),
        "monthly_salary": (monthly_salary, lambda value: value > 0, "more than 0"),
        "productivity_gain": (productivity_gain, lambda value: value > 0, "more than 0"),
        "workdays_per_month": (workdays_per_month, lambda value: value > 0, "more than 0"),
    }
    for name, (value, in_range, wanted) in checks.items():
        if not in_range(value):
            raise ValueError(f"{name} must be {wanted}, not {value!r}")
    return price * workdays_per_month / (monthly_salary * productivity_gain)


def worth_it(price, monthly_salary, productivity_gain, months_of_use=24, workdays_per_month=21):
    days = payback_days(price, monthly_salary, productivity_gain, workdays_per_month)
    return not days > months_of_use * workdays_per_month
