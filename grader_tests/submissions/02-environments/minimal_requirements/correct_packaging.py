# Correct, written another way: parses each freeze line with packaging's Requirement.
from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name


def minimal_requirements(freeze_output, imported_modules, distribution_of):
    versions = {}
    for line in freeze_output.splitlines():
        try:
            requirement = Requirement(line)
        except InvalidRequirement:
            continue
        pins = [s for s in requirement.specifier if s.operator == "=="]
        if pins and not requirement.url:
            versions[canonicalize_name(requirement.name)] = pins[0].version
    names = {canonicalize_name(distribution_of.get(m.partition(".")[0], m.partition(".")[0]))
             for m in imported_modules}
    return [f"{n}=={versions[n]}" for n in sorted(names) if n in versions]
