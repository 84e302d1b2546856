# Wrong: checks neither name, so it renames to a keyword or to something that is no identifier.
def rename_symbol(source, old, new):
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    if any(token.type == tokenize.NAME and token.string == new for token in tokens):
        raise ValueError(f"{new!r} is already used in this code")
    skip = {tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT}
    starts, previous = [], None
    for token in tokens:
        if token.type == tokenize.NAME and token.string == old:
            if not (previous and previous.type == tokenize.OP and previous.string == "."):
                starts.append(token.start)
        if token.type not in skip:
            previous = token
    lines = source.splitlines(keepends=True)
    for row, column in reversed(starts):
        line = lines[row - 1]
        lines[row - 1] = line[:column] + new + line[column + len(old) :]
    return "".join(lines)
