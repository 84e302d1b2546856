# Wrong: removes HTML comments one line at a time, so a comment spanning lines stays and counts
# as content.
def description_problems(text):
    import re

    filled, current = set(), None
    for line in text.splitlines():
        line = re.sub(r"<!--.*?-->", "", line).strip()
        heading = re.match(r"#{1,6}\s+(.*)$", line)
        if heading:
            current = heading.group(1).strip().rstrip(":").strip().lower()
        elif line and current is not None:
            filled.add(current)
    return [name for name in ["What", "Why", "How tested"] if name.lower() not in filled]
