# Wrong: applies every requirement, even those whose environment marker does not hold here.
def find_clashes(requirements_a, requirements_b, available):
    def parse(lines):
        return {canonicalize_name(Requirement(line).name): Requirement(line).specifier for line in lines}

    known = {canonicalize_name(k): v for k, v in available.items()}
    a, b = parse(requirements_a), parse(requirements_b)
    result = {}
    for name in set(a) & set(b):
        versions = sorted(known.get(name, []), key=Version)
        fits_a = [v for v in versions if a[name].contains(v, prereleases=bool(a[name].prereleases))]
        fits_b = [v for v in versions if b[name].contains(v, prereleases=bool(b[name].prereleases))]
        if not set(fits_a) & set(fits_b):
            result[name] = (fits_a, fits_b)
    return result
