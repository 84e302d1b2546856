# Wrong: counts positions from 1, as people do, not from 0 as the docstring asks.
def failing_record(records, clean=clean_all):
    for number, record in enumerate(records, start=1):
        try:
            clean([record])
        except Exception:
            return number, record
    return None
