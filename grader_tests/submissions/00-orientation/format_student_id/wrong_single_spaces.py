# Wrong: replaces each single space, so "Alan   Turing" gets three hyphens and tabs survive.
def format_student_id(raw):
    cleaned = raw.strip().lower()
    if not cleaned:
        raise ValueError("blank name")
    return cleaned.replace(" ", "-")
