# Wrong: finds the right position, but takes the record at that position from RECORDS, the list
# it was tried on, instead of from the records it is given.
def failing_record(records, clean=clean_all):
    try:
        clean(records)
    except Exception as error:
        for frame, _ in traceback.walk_tb(error.__traceback__):
            if "position" in frame.f_locals:
                position = frame.f_locals["position"]
                return position, RECORDS[position]
    return None
