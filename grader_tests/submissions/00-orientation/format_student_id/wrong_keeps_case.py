# Wrong: joins the words but does not lower-case them.
def format_student_id(raw):
    words = raw.split()
    if not words:
        raise ValueError("blank name")
    return "-".join(words)
