# Correct, written another way: SpecifierSet.filter, told how pre-releases count.
from packaging.specifiers import SpecifierSet
from packaging.version import Version


def best_version(specifiers, available):
    allowed = SpecifierSet(",".join(specifiers))
    fitting = sorted(allowed.filter(available, prereleases=bool(allowed.prereleases)), key=Version)
    if not fitting:
        raise ValueError("nothing satisfies " + " and ".join(specifiers))
    return fitting[-1]
