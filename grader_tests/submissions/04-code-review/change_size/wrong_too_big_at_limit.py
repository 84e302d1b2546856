# Wrong: too_big counts a change of exactly `limit` lines as too big (>= instead of >).
from unidiff import PatchSet


def change_size(diff_text):
    return {patched.path: (patched.added, patched.removed) for patched in PatchSet(diff_text)}


def too_big(diff_text, limit=400):
    return sum(a + r for a, r in change_size(diff_text).values()) >= limit
