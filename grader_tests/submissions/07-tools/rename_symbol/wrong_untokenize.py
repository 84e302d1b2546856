# Wrong: rebuilds the code with tokenize.untokenize, which does not keep the layout exactly
# (tabs, a space before a line-continuation backslash).
def rename_symbol(source, old, new):
    for name in (old, new):
        if not name.isidentifier() or keyword.iskeyword(name):
            raise ValueError(f"{name!r} is not a name a variable can have")
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    if any(token.type == tokenize.NAME and token.string == new for token in tokens):
        raise ValueError(f"{new!r} is already used in this code")
    skip = {tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT}
    result, previous = [], None
    for token in tokens:
        if token.type == tokenize.NAME and token.string == old:
            if not (previous and previous.type == tokenize.OP and previous.string == "."):
                token = token._replace(string=new)
        if token.type not in skip:
            previous = token
        result.append(token)
    return tokenize.untokenize(result)
