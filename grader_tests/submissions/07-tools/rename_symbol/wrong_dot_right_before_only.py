# Wrong: looks for the dot only in the token right before the name, so an attribute on the next
# line of a bracket (cfg.<line break> rate) is renamed: the line break is a token in between.
def rename_symbol(source, old, new):
    for name in (old, new):
        if not name.isidentifier() or keyword.iskeyword(name):
            raise ValueError(f"{name!r} is not a name a variable can have")
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    if any(token.type == tokenize.NAME and token.string == new for token in tokens):
        raise ValueError(f"{new!r} is already used in this code")
    starts = []
    for index, token in enumerate(tokens):
        if token.type == tokenize.NAME and token.string == old:
            if index == 0 or tokens[index - 1].string != ".":
                starts.append(token.start)
    lines = source.splitlines(keepends=True)
    for row, column in reversed(starts):
        line = lines[row - 1]
        lines[row - 1] = line[:column] + new + line[column + len(old) :]
    return "".join(lines)
