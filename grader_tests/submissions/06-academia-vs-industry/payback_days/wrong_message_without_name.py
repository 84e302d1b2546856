# Wrong: checks every range but the message does not say which argument is wrong.
def payback_days(price, monthly_salary, productivity_gain, workdays_per_month=21):
    if price < 0 or monthly_salary <= 0 or productivity_gain <= 0 or workdays_per_month <= 0:
        raise ValueError("an argument is out of range")
    return price / (monthly_salary / workdays_per_month * productivity_gain)


def worth_it(price, monthly_salary, productivity_gain, months_of_use=24, workdays_per_month=21):
    days = payback_days(price, monthly_salary, productivity_gain, workdays_per_month)
    return days <= months_of_use * workdays_per_month
