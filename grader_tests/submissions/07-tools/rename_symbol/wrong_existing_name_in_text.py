# Wrong: refuses the new name when its text appears anywhere in the code, even only inside a
# string (print('b')) or inside a longer name, where the rename would merge nothing.
def rename_symbol(source, old, new):
    for name in (old, new):
        if not name.isidentifier() or keyword.iskeyword(name):
            raise ValueError(f"{name!r} is not a name a variable can have")
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    if new in source:
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
