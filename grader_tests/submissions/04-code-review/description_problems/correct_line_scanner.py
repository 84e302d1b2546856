# Correct, written another way: one pass over the lines that removes HTML comments with an
# "inside a comment" flag carried from line to line, and recognises headings without regexes.
def description_problems(text):
    wanted = {"what": "What", "why": "Why", "how tested": "How tested"}
    filled = set()
    section = None
    in_comment = False
    for raw in text.split("\n"):
        visible = ""
        rest = raw
        while rest:
            if in_comment:
                end = rest.find("-->")
                if end < 0:
                    rest = ""
                else:
                    rest = rest[end + 3 :]
                    in_comment = False
            else:
                start = rest.find("<!--")
                if start < 0:
                    visible, rest = visible + rest, ""
                else:
                    visible, rest = visible + rest[:start], rest[start + 4 :]
                    in_comment = True
        line = visible.strip()
        hashes = len(line) - len(line.lstrip("#"))
        if 1 <= hashes <= 6 and line[hashes : hashes + 1].isspace():
            title = line[hashes:].strip()
            if title.endswith(":"):
                title = title[:-1].strip()
            section = " ".join(title.lower().split())
        elif line and section is not None:
            filled.add(section)
    return [name for key, name in wanted.items() if key not in filled]
