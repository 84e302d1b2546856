# Correct, written another way: every (row, column) position is turned into an offset in the whole
# text (the lengths of the lines before it plus the column), and the text is cut and glued once,
# front to back; "after a dot" is checked on the list of tokens that are not layout or comments.
def rename_symbol(source, old, new):
    if not old.isidentifier() or keyword.iskeyword(old):
        raise ValueError(f"{old!r} is not an identifier")
    if not new.isidentifier() or keyword.iskeyword(new):
        raise ValueError(f"{new!r} is not an identifier")
    layout = {tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT}
    tokens = [
        token
        for token in tokenize.generate_tokens(io.StringIO(source).readline)
        if token.type not in layout
    ]
    if any(token.type == tokenize.NAME and token.string == new for token in tokens):
        raise ValueError(f"{new!r} is already in use; renaming {old!r} would merge them")
    line_starts = [0]
    for line in source.splitlines(keepends=True):
        line_starts.append(line_starts[-1] + len(line))
    offsets = [
        line_starts[token.start[0] - 1] + token.start[1]
        for before, token in zip([None, *tokens], tokens)
        if token.type == tokenize.NAME
        and token.string == old
        and not (before is not None and before.exact_type == tokenize.DOT)
    ]
    result, done = [], 0
    for offset in offsets:
        result.append(source[done:offset])
        result.append(new)
        done = offset + len(old)
    result.append(source[done:])
    return "".join(result)
