# Wrong: reads the locals called position and record in the traceback, as clean_all names them,
# so a cleaner that names them otherwise (for row in rows) is never found.
def failing_record(records, clean=clean_all):
    try:
        clean(records)
    except Exception as error:
        for frame, _ in traceback.walk_tb(error.__traceback__):
            if "position" in frame.f_locals and "record" in frame.f_locals:
                return frame.f_locals["position"], frame.f_locals["record"]
    return None
