# Wrong: treats only exactly 0 as on time, so early (negative) work loses 10%.
def fraction_kept(hours_late):
    if hours_late == 0:
        return 1.0
    if hours_late <= 24:
        return 0.9
    if hours_late <= 72:
        return 0.5
    return 0.0
