# Wrong: always calls clean_all, ignoring the cleaner it is given.
def failing_record(records, clean=clean_all):
    try:
        clean_all(records)
    except Exception as error:
        for frame, _ in traceback.walk_tb(error.__traceback__):
            if "position" in frame.f_locals and "record" in frame.f_locals:
                return frame.f_locals["position"], frame.f_locals["record"]
    return None
