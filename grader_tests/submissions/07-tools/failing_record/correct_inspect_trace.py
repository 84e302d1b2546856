# Correct, written another way: inspect.trace() lists the frames from here to where the exception
# was raised; every record that a frame's local variable holds (the same object, whatever its
# name) is a candidate, and two runs on prefixes confirm it: the records before it clean, and
# with it they fail. Without a confirmed candidate, bisection over prefixes finds it.
import inspect


def failing_record(records, clean=clean_all):
    def fails(count):
        try:
            clean(records[:count])
        except Exception:
            return True
        return False

    try:
        clean(records)
    except Exception:
        held = {id(value) for info in inspect.trace() for value in info.frame.f_locals.values()}
    else:
        return None
    for position, record in enumerate(records):
        if id(record) in held and fails(position + 1) and not fails(position):
            return position, record
    low, high = 0, len(records)  # records[:low] cleans, records[:high] fails
    while high - low > 1:
        middle = (low + high) // 2
        if fails(middle):
            high = middle
        else:
            low = middle
    return low, records[low]
