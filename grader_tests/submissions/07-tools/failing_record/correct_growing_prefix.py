# Correct, written another way: no traceback; cleans ever longer prefixes of the records, one
# more record at a time, and the first prefix that fails ends with the failing record (so a
# record that fails only after others is found too).
def failing_record(records, clean=clean_all):
    def cleans(count):
        try:
            clean(records[:count])
        except Exception:
            return False
        return True

    if cleans(len(records)):
        return None
    for count in range(1, len(records) + 1):
        if not cleans(count):
            return count - 1, records[count - 1]
    return None  # fails on all of them but on no prefix: not a cleaner of this shape
