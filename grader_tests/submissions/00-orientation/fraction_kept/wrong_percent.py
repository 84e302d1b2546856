# Wrong: returns percentages instead of fractions.
def fraction_kept(hours_late):
    if hours_late <= 0:
        return 100
    if hours_late <= 24:
        return 90
    if hours_late <= 72:
        return 50
    return 0
