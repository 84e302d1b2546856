# Wrong: works per month instead of per workday, so it returns months (2) instead of workdays (42).
def payback_days(price, monthly_salary, productivity_gain, workdays_per_month=21):
    for name, value in [
        ("monthly_salary", monthly_salary),
        ("productivity_gain", productivity_gain),
        ("workdays_per_month", workdays_per_month),
    ]:
        if value <= 0:
            raise ValueError(f"{name} must be more than 0, got {value}")
    if price < 0:
        raise ValueError(f"price must be 0 or more, got {price}")
    return price / (monthly_salary * productivity_gain)


def worth_it(price, monthly_salary, productivity_gain, months_of_use=24, workdays_per_month=21):
    days = payback_days(price, monthly_salary, productivity_gain, workdays_per_month)
    return days <= months_of_use * workdays_per_month
