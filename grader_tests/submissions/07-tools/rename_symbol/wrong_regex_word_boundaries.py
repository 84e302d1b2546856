# Wrong: re.sub with word boundaries leaves longer names alone, but still renames the word in
# strings and comments and other objects' attributes (config.rate).
import re


def rename_symbol(source, old, new):
    for name in (old, new):
        if not name.isidentifier() or keyword.iskeyword(name):
            raise ValueError(f"{name!r} is not a name a variable can have")
    if re.search(rf"\b{re.escape(new)}\b", source):
        raise ValueError(f"{new!r} is already used in this code")
    return re.sub(rf"\b{re.escape(old)}\b", new, source)
