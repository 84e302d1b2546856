# Wrong: a reviewer who approves everything: "looks good to me".
def review(diff_text):
    return []
