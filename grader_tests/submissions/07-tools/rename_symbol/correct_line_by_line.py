# Correct, written another way: the name tokens to rename are grouped by line, and each line is
# rebuilt from left to right, copying the text between them; the token before a name is the last
# one that is not a comment or a line break.
def rename_symbol(source, old, new):
    for name in (old, new):
        if not (isinstance(name, str) and name.isidentifier()) or keyword.iskeyword(name):
            raise ValueError(f"cannot rename {old!r} to {new!r}: {name!r} is no variable name")
    names_used = set()
    columns_by_row = {}
    before = None
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.NAME:
            names_used.add(token.string)
            after_dot = before is not None and before.exact_type == tokenize.DOT
            if token.string == old and not after_dot:
                columns_by_row.setdefault(token.start[0], []).append(token.start[1])
        if token.type not in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE):
            before = token
    if new in names_used:
        raise ValueError(f"{new!r} is already a name in this code")
    rebuilt = []
    for row, line in enumerate(source.splitlines(keepends=True), start=1):
        pieces, done = [], 0
        for column in columns_by_row.get(row, []):
            pieces += [line[done:column], new]
            done = column + len(old)
        pieces.append(line[done:])
        rebuilt.append("".join(pieces))
    return "".join(rebuilt)
