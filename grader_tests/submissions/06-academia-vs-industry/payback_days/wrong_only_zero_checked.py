# Wrong: refuses only a zero gain, salary or month (the division by zero), so a negative gain or
# salary gives a negative payback time instead of a ValueError.
def payback_days(price, monthly_salary, productivity_gain, workdays_per_month=21):
    if productivity_gain == 0:
        raise ValueError("productivity_gain must not be 0")
    if monthly_salary == 0:
        raise ValueError("monthly_salary must not be 0")
    if workdays_per_month == 0:
        raise ValueError("workdays_per_month must not be 0")
    if price < 0:
        raise ValueError("price must be 0 or more")
    return price / (monthly_salary / workdays_per_month * productivity_gain)


def worth_it(price, monthly_salary, productivity_gain, months_of_use=24, workdays_per_month=21):
    days = payback_days(price, monthly_salary, productivity_gain, workdays_per_month)
    return days <= months_of_use * workdays_per_month
