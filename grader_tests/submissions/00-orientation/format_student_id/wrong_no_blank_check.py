# Wrong: forgets the Raises clause and returns "" for a blank name.
def format_student_id(raw):
    return "-".join(raw.lower().split())
