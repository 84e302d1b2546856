# Wrong: a depth-first search with no cycle check recurses forever on a cycle.
def plan_order(tasks):
    order = []

    def visit(task):
        for need in sorted(tasks.get(task, ())):
            visit(need)
        if task not in order:
            order.append(task)

    for task in sorted(tasks):
        visit(task)
    return order
