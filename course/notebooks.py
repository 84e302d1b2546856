"""Reading course notebooks: their nbgrader cells, exercises, hidden tests and naming rules."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbformat import NotebookNode

SOLUTION_BEGIN = "### BEGIN SOLUTION"
SOLUTION_END = "### END SOLUTION"
HIDDEN_BEGIN = "### BEGIN HIDDEN TESTS"
HIDDEN_END = "### END HIDDEN TESTS"

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_ANSWER_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*-answer$")
_DEFINITION = re.compile(r"^(?:def|class)\s+([A-Za-z_]\w*)", re.MULTILINE)
_WRITES_FILE = re.compile(r"^%%writefile\s+(?:-a\s+)?(\S+)")
_NEEDS = re.compile(r"^\s*Needs:\s*([a-z0-9_]+(?:\s*,\s*[a-z0-9_]+)*)\.?\s*$", re.MULTILINE)


def read_notebook(path: Path) -> NotebookNode:
    """Read a notebook as nbformat version 4."""
    return nbformat.read(str(path), as_version=4)


def nbgrader_meta(cell: NotebookNode) -> dict:
    """Return the cell's nbgrader metadata (empty for a cell nbgrader does not track)."""
    return dict(cell.get("metadata", {}).get("nbgrader", {}))


def is_solution_code(cell: NotebookNode) -> bool:
    """Return whether the cell is an autograded answer cell (code the student writes)."""
    meta = nbgrader_meta(cell)
    return cell.cell_type == "code" and bool(meta.get("solution")) and not meta.get("grade")


def is_test(cell: NotebookNode) -> bool:
    """Return whether the cell is an autograder test cell."""
    meta = nbgrader_meta(cell)
    return cell.cell_type == "code" and bool(meta.get("grade")) and not meta.get("solution")


def is_written_answer(cell: NotebookNode) -> bool:
    """Return whether the cell is a manually graded written answer."""
    meta = nbgrader_meta(cell)
    return cell.cell_type == "markdown" and bool(meta.get("grade")) and bool(meta.get("solution"))


@dataclass
class Exercise:
    """An autograded exercise: the answer cell a student writes and the test cells grading it."""

    name: str
    solution_index: int
    test_indices: list[int] = field(default_factory=list)
    points: float = 0.0


def _snake_case(name: str) -> str:
    """Return a class name in the snake case of test ids: ``KanbanBoard`` -> ``kanban_board``."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def test_owner(test_id: str, names: list[str]) -> str | None:
    """Return the exercise a test cell grades, read from its id: ``test_<name>[_<aspect>]``.

    A class is named in snake case there: the tests of ``KanbanBoard`` are ``test_kanban_board``.
    """
    matches = [
        n
        for n in names
        for form in {n, _snake_case(n)}
        if test_id == f"test_{form}" or test_id.startswith(f"test_{form}_")
    ]
    return max(matches, key=len) if matches else None


def written_file_name(source: str) -> str | None:
    """Return the name an answer cell that writes a file goes by, or None for other cells.

    An answer cell that starts with IPython's ``%%writefile PATH`` is named after the file it
    writes: its base name, lower case, without leading dots and extension, other characters
    turned into ``_`` (``README.md`` -> ``readme``, ``.gitignore`` -> ``gitignore``).
    """
    match = _WRITES_FILE.match(source)
    if match is None:
        return None
    stem = Path(match.group(1)).name.lstrip(".").split(".")[0]
    return re.sub(r"\W", "_", stem.lower())


def needed_exercises(cell: NotebookNode) -> set[str]:
    """Return the other exercises a test cell relies on, from its docstring's "Needs:" line.

    An end-to-end check (a project set up from a fresh clone, say) can only pass when other
    answers work too; its docstring says so in a line such as ``Needs: model, pyproject.``.
    A mistake in one of those exercises may then cost points in this cell as well.
    """
    docstring = re.match(r'\s*"""(.*?)"""', cell.source, re.DOTALL)
    if docstring is None:
        return set()
    return {
        name.strip() for line in _NEEDS.findall(docstring.group(1)) for name in line.split(",")
    }


def exercises(nb: NotebookNode) -> list[Exercise]:
    """Return the notebook's exercises in order, each with its test cells and points."""
    found: dict[str, Exercise] = {}
    for index, cell in enumerate(nb.cells):
        if is_solution_code(cell):
            name = nbgrader_meta(cell)["grade_id"]
            found[name] = Exercise(name=name, solution_index=index)
    for index, cell in enumerate(nb.cells):
        if is_test(cell):
            meta = nbgrader_meta(cell)
            owner = test_owner(meta["grade_id"], list(found))
            if owner is not None:
                found[owner].test_indices.append(index)
                found[owner].points += float(meta.get("points", 0))
    return list(found.values())


def autograded_points(nb: NotebookNode) -> float:
    """Return the points that the autograder awards for a fully correct notebook."""
    return sum(float(nbgrader_meta(c).get("points", 0)) for c in nb.cells if is_test(c))


def written_points(nb: NotebookNode) -> float:
    """Return the points of the manually graded written answers."""
    return sum(float(nbgrader_meta(c).get("points", 0)) for c in nb.cells if is_written_answer(c))


_REGION_OF_MARKER = {
    SOLUTION_BEGIN: "solution",
    HIDDEN_BEGIN: "hidden",
    SOLUTION_END: "visible",
    HIDDEN_END: "visible",
}


def line_regions(source: str) -> Iterator[tuple[str, str]]:
    """Yield ``(region, line)`` for each line of one cell's source.

    The region is ``"solution"`` or ``"hidden"`` between nbgrader's markers, ``"marker"`` for
    a marker line itself, and ``"visible"`` elsewhere: what students see in the release.
    """
    region = "visible"
    for line in source.splitlines():
        if line.strip() in _REGION_OF_MARKER:
            region = _REGION_OF_MARKER[line.strip()]
            yield "marker", line
        else:
            yield region, line


def hidden_test_lines(nb: NotebookNode) -> list[str]:
    """Return every non-blank, non-comment line between hidden-test markers, stripped."""
    return [
        line.strip()
        for cell in nb.cells
        for region, line in line_regions(cell.source)
        if region == "hidden" and line.strip() and not line.strip().startswith("#")
    ]


def visible_lines(nb: NotebookNode) -> set[str]:
    """Return the stripped lines of the notebook that lie outside solution and hidden regions."""
    return {
        line.strip()
        for cell in nb.cells
        for region, line in line_regions(cell.source)
        if region == "visible"
    }


def without_solution_markers(source: str) -> str:
    """Return a solution cell's source as a student who solved it would write it: no markers."""
    return "\n".join(line for region, line in line_regions(source) if region != "marker")


def solved_copy(
    release: NotebookNode, source: NotebookNode, solve: set[str] | None
) -> NotebookNode:
    """Return the student notebook with some answers filled in from the instructor's notebook.

    Args:
        release: the student version, as generate_assignment made it.
        source: the instructor version, with solutions.
        solve: grade_ids of the answer cells to fill in (code and written); ``None`` fills all.
    """
    answers = {
        nbgrader_meta(cell)["grade_id"]: without_solution_markers(cell.source)
        for cell in source.cells
        if nbgrader_meta(cell).get("solution")
    }
    filled = copy.deepcopy(release)
    for cell in filled.cells:
        grade_id = nbgrader_meta(cell).get("grade_id")
        if grade_id in answers and (solve is None or grade_id in solve):
            cell.source = answers[grade_id]
    return filled


def normalized(nb: NotebookNode) -> list[tuple[str, str, dict]]:
    """Return what matters when two versions of a notebook are compared.

    Each cell's type, source and metadata (nbgrader's and the editable/deletable locks) count;
    cell ids and outputs do not.
    """
    return [(cell.cell_type, cell.source, dict(cell.metadata)) for cell in nb.cells]


def naming_problems(nb: NotebookNode) -> list[str]:
    """Return each way the notebook breaks the course's conventions for nbgrader cells."""
    problems: list[str] = []
    ids = [nbgrader_meta(c)["grade_id"] for c in nb.cells if "grade_id" in nbgrader_meta(c)]
    problems += [
        f"grade_id {i!r} is used more than once" for i in sorted(set(ids)) if ids.count(i) > 1
    ]
    names = [nbgrader_meta(c)["grade_id"] for c in nb.cells if is_solution_code(c)]
    for cell in nb.cells:
        meta = nbgrader_meta(cell)
        grade_id = meta.get("grade_id", "")
        if not meta:
            continue
        if grade_id.startswith("cell-"):
            problems.append(
                f"grade_id {grade_id!r} is auto-generated: name it after what it grades"
            )
        elif is_solution_code(cell):
            defined = _DEFINITION.findall(cell.source)
            # an exercise whose answer is pytest tests is named <topic>_tests and defines test_*
            writes_tests = grade_id.endswith("_tests") and "def test_" in cell.source
            writes = written_file_name(cell.source)
            if writes is not None and not writes_tests and grade_id != writes:
                problems.append(
                    f"answer cell {grade_id!r} writes a file: name it after the file, {writes!r}"
                )
            elif writes is None and (
                not _IDENTIFIER.match(grade_id) or (grade_id not in defined and not writes_tests)
            ):
                problems.append(
                    f"answer cell {grade_id!r} must define a function or class of that name"
                )
            if SOLUTION_BEGIN not in cell.source:
                problems.append(f"answer cell {grade_id!r} has no {SOLUTION_BEGIN!r} region")
        elif is_test(cell):
            if test_owner(grade_id, names) is None:
                problems.append(f"test cell {grade_id!r} is not named test_<exercise>[_<aspect>]")
            if not cell.source.lstrip().startswith('"""Check that'):
                problems.append(
                    f'test cell {grade_id!r} must open with a """Check that ...""" docstring'
                )
            if HIDDEN_BEGIN not in cell.source:
                problems.append(f"test cell {grade_id!r} has no hidden tests")
            unknown = needed_exercises(cell) - set(names)
            if unknown:
                problems.append(
                    f"test cell {grade_id!r} needs {sorted(unknown)}, which are no exercises"
                )
        elif is_written_answer(cell) and not _ANSWER_ID.match(grade_id):
            problems.append(f"written answer {grade_id!r} must be named <topic>-answer")
    for name in names:
        if not any(
            test_owner(nbgrader_meta(c)["grade_id"], names) == name for c in nb.cells if is_test(c)
        ):
            problems.append(f"answer cell {name!r} has no test cell")
    return problems


def output_problems(nb: NotebookNode) -> list[str]:
    """Return a problem for each cell that still carries outputs or an execution count."""
    problems = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count")):
            problems.append(f"cell {index} has outputs or an execution count: clear them")
    return problems
