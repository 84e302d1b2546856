# Wrong: sorts tasks by how many dependencies they have, which breaks long chains.
def plan_order(tasks):
    everything = set(tasks) | {d for deps in tasks.values() for d in deps}
    return sorted(everything, key=lambda task: (len(tasks.get(task, ())), task))
