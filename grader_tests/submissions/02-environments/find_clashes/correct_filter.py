# Correct, written another way: filter each side with SpecifierSet.filter and compare sets.
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version


def find_clashes(requirements_a, requirements_b, available):
    versions = {canonicalize_name(k): sorted(v, key=Version) for k, v in available.items()}

    def parse(lines):
        kept = (Requirement(line) for line in lines)
        return {canonicalize_name(r.name): r.specifier for r in kept
                if not r.marker or r.marker.evaluate()}

    a, b = parse(requirements_a), parse(requirements_b)
    result = {}
    for name in sorted(set(a) & set(b)):
        fits_a = list(a[name].filter(versions.get(name, []), prereleases=bool(a[name].prereleases)))
        fits_b = list(b[name].filter(versions.get(name, []), prereleases=bool(b[name].prereleases)))
        if not set(fits_a).intersection(fits_b):
            result[name] = (fits_a, fits_b)
    return result
