# Wrong: counts any non-blank line as content, so a section holding only the template's HTML
# comment is not reported as empty.
def description_problems(text):
    import re

    filled, current = set(), None
    for line in text.splitlines():
        heading = re.match(r"#{1,6}\s+(.*)$", line.strip())
        if heading:
            current = heading.group(1).strip().rstrip(":").strip().lower()
        elif line.strip() and current is not None:
            filled.add(current)
    return [name for name in ["What", "Why", "How tested"] if name.lower() not in filled]
