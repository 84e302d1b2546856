# Wrong: returns the position read off the debugger for RECORDS, 317, whatever the data.
def failing_record(records, clean=clean_all):
    try:
        clean(records)
    except Exception:
        return 317, records[317]
    return None
