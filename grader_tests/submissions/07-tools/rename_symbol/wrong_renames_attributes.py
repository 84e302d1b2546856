# Wrong: renames every name token, attributes after a dot included (config.rate, self.balance).
def rename_symbol(source, old, new):
    for name in (old, new):
        if not name.isidentifier() or keyword.iskeyword(name):
            raise ValueError(f"{name!r} is not a name a variable can have")
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    if any(token.type == tokenize.NAME and token.string == new for token in tokens):
        raise ValueError(f"{new!r} is already used in this code")
    starts = []
    for token in tokens:
        if token.type == tokenize.NAME and token.string == old:
            starts.append(token.start)
    lines = source.splitlines(keepends=True)
    for row, column in reversed(starts):
        line = lines[row - 1]
        lines[row - 1] = line[:column] + new + line[column + len(old) :]
    return "".join(lines)
