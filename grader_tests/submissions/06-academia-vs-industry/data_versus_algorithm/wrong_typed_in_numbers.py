# Wrong: reports the numbers of one run on digits as literals instead of computing them.
def data_versus_algorithm(X, y, seed=0):
    return {"simple_all_data": 0.98, "complex_tenth": 0.93, "data_beats_algorithm": True}
