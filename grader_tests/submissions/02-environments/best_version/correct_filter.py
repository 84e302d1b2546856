# Correct, written another way: SpecifierSet.filter applies pip's pre-release rule to a list.
from packaging.specifiers import SpecifierSet
from packaging.version import Version


def best_version(specifiers, available):
    allowed = SpecifierSet(",".join(specifiers))
    fitting = sorted(allowed.filter(available), key=Version)
    if not fitting:
        raise ValueError("nothing satisfies " + " and ".join(specifiers))
    return fitting[-1]
