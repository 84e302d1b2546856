# Correct, written another way: a regular expression collapses the white space.
import re


def format_student_id(raw):
    cleaned = raw.strip()
    if cleaned == "":
        raise ValueError("blank name")
    return re.sub(r"\s+", "-", cleaned).lower()
