# Wrong: keeps one body per title, so a later empty copy of a heading erases an earlier filled one.
import re


def description_problems(text):
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    sections, current = {}, None
    for line in text.splitlines():
        heading = re.match(r"#{1,6}\s+(.*)$", line.strip())
        if heading:
            current = heading.group(1).strip().rstrip(":").strip().lower()
            sections[current] = []
        elif current is not None and line.strip():
            sections[current].append(line)
    return [name for name in ["What", "Why", "How tested"] if not sections.get(name.lower())]
