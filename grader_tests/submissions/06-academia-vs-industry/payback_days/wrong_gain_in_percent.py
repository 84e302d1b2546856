# Wrong: reads the gain as a percentage (5 for 5%) and divides it by 100 again.
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
    daily_saving = monthly_salary / workdays_per_month * productivity_gain / 100
    return price / daily_saving


def worth_it(price, monthly_salary, productivity_gain, months_of_use=24, workdays_per_month=21):
    days = payback_days(price, monthly_salary, productivity_gain, workdays_per_month)
    return days <= months_of_use * workdays_per_month
