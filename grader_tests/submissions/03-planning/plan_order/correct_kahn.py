# Correct, written another way: Kahn's algorithm by hand, with the leftovers naming the cycle.
def plan_order(tasks):
    needs = {task: set(deps) for task, deps in tasks.items()}
    for deps in tasks.values():
        for dep in deps:
            needs.setdefault(dep, set())
    order = []
    ready = sorted(task for task, deps in needs.items() if not deps)
    while ready:
        task = ready.pop(0)
        order.append(task)
        for other, deps in needs.items():
            if task in deps:
                deps.discard(task)
                if not deps and other not in order and other not in ready:
                    ready.append(other)
    if len(order) < len(needs):
        stuck = sorted(set(needs) - set(order))
        raise ValueError("dependency cycle among: " + ", ".join(stuck))
    return order
