# Wrong: plays safe by flagging every added line of every Python file with every category.
from unidiff import PatchSet


def review(diff_text):
    findings = []
    for patched in PatchSet(diff_text):
        if patched.path.endswith(".py"):
            for hunk in patched:
                for line in hunk:
                    if line.is_added:
                        for category in CATEGORIES:
                            findings.append((patched.path, line.target_line_no, category))
    return findings
