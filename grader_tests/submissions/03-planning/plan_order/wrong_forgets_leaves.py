# Wrong: plans only the tasks that have an entry, forgetting those only named as needs.
import graphlib


def plan_order(tasks):
    try:
        order = list(graphlib.TopologicalSorter(tasks).static_order())
    except graphlib.CycleError as error:
        raise ValueError(" -> ".join(error.args[1])) from None
    return [task for task in order if task in tasks]
