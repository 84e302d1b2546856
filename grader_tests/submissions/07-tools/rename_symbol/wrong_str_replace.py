# Wrong: renames with str.replace, which also changes strings, comments, other objects'
# attributes and longer names that contain the old one (separate).
def rename_symbol(source, old, new):
    for name in (old, new):
        if not name.isidentifier() or keyword.iskeyword(name):
            raise ValueError(f"{name!r} is not a name a variable can have")
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    if any(token.type == tokenize.NAME and token.string == new for token in tokens):
        raise ValueError(f"{new!r} is already used in this code")
    return source.replace(old, new)
