"""The ``check`` verb: proofs that every module grades as it should."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from nbformat import NotebookNode

from course import pipeline
from course.grading import grade_course
from course.layout import REPO_ROOT, release_notebook, source_notebook, student_file
from course.notebooks import (
    HIDDEN_BEGIN,
    HIDDEN_END,
    SOLUTION_BEGIN,
    SOLUTION_END,
    hidden_test_lines,
    naming_problems,
    normalized,
    output_problems,
    read_notebook,
    visible_lines,
)
from course.parallel import default_jobs
from course.readme import module_table, readme_with_table
from course.scratch import full_solution, make_scratch_course, submit_samples, untouched

#: The two students every check run grades: everything answered, and nothing answered.
CHECK_STUDENTS = {"solution": full_solution, "untouched": untouched}


@dataclass
class Finding:
    """The result of one check on one module; no problems means it passed."""

    module: str
    check: str
    problems: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        """Whether the check found nothing wrong."""
        return not self.problems


def leak_problems(source: NotebookNode, release: NotebookNode) -> list[str]:
    """Return each marker or hidden-test line of the instructor notebook found in the release."""
    problems = []
    text = "\n".join(cell.source for cell in release.cells)
    for marker in (HIDDEN_BEGIN, HIDDEN_END, SOLUTION_BEGIN, SOLUTION_END):
        if marker in text:
            problems.append(f"release holds the marker {marker!r}")
    released = {line.strip() for line in text.splitlines()}
    visible = visible_lines(source)
    for line in hidden_test_lines(source):
        if line in released and line not in visible:
            problems.append(f"release holds the hidden-test line {line!r}")
    return problems


def sync_problems(expected: NotebookNode, committed: NotebookNode) -> list[str]:
    """Compare a freshly generated release with the committed one, cell ids and metadata aside."""
    fresh, old = normalized(expected), normalized(committed)
    if fresh == old:
        return []
    if len(fresh) != len(old):
        return [
            f"release/ has {len(old)} cells, generate_assignment makes {len(fresh)}: run release"
        ]
    first = next(i for i, (a, b) in enumerate(zip(fresh, old, strict=True)) if a != b)
    return [f"cell {first} of release/ differs from what generate_assignment makes: run release"]


def static_findings(module: str, root: Path = REPO_ROOT) -> list[Finding]:
    """Check what can be seen in the notebooks without running them."""
    source = read_notebook(source_notebook(module, root))
    release_path = release_notebook(module, root)
    findings = [
        Finding(
            module, "names and cleared outputs", naming_problems(source) + output_problems(source)
        )
    ]
    if not release_path.is_file():
        findings.append(
            Finding(module, "no hidden test in release", [f"{release_path} is missing"])
        )
    else:
        findings.append(
            Finding(
                module,
                "no hidden test in release",
                leak_problems(source, read_notebook(release_path)),
            )
        )
    return findings


def graded_findings(modules: list[str], workdir: Path, root: Path = REPO_ROOT) -> list[Finding]:
    """Release and grade the modules in a scratch course in ``workdir``, and judge the results."""
    api = make_scratch_course(workdir, modules, root)
    submit_samples(workdir, modules, CHECK_STUDENTS)
    graded = grade_course(workdir, modules=modules, jobs=default_jobs())
    outcomes = {(o.student, o.module): o for o in graded}
    findings = []
    for module in modules:
        committed = release_notebook(module, root)
        fresh = read_notebook(release_notebook(module, workdir))
        sync = (
            sync_problems(fresh, read_notebook(committed))
            if committed.is_file()
            else [f"{committed} is missing: run `python -m course release`"]
        )
        findings.append(Finding(module, "release/ in sync with source/", sync))

        solution, blank = outcomes[("solution", module)], outcomes[("untouched", module)]
        scores = []
        if solution.problem or solution.max_score == 0 or solution.score != solution.max_score:
            scores.append(
                f"solution scores {solution.score:g}/{solution.max_score:g} "
                f"{solution.problem or ''}".strip()
            )
        if blank.problem or blank.score != 0:
            scores.append(
                f"release scores {blank.score:g}/{blank.max_score:g} {blank.problem or ''}".strip()
            )
        findings.append(Finding(module, "solution full marks, release zero", scores))

        solution_file = student_file(workdir, "submitted", "solution", module)
        validation = [f"solution: {p}" for p in pipeline.validation_failures(api, solution_file)]
        if not pipeline.validation_failures(
            api, student_file(workdir, "submitted", "untouched", module)
        ):
            validation.append("the validator reports no failure for the untouched release")
        findings.append(Finding(module, "validator passes solution, fails release", validation))
    return findings


def readme_finding(root: Path = REPO_ROOT) -> Finding:
    """Check that the README's module table is the one ``release`` would write."""
    text = (root / "README.md").read_text(encoding="utf-8")
    try:
        fresh = readme_with_table(text, module_table(root))
    except ValueError as error:
        return Finding("README.md", "module table up to date", [str(error)])
    problems = (
        [] if fresh == text else ["the module table is stale: run `python -m course release`"]
    )
    return Finding("README.md", "module table up to date", problems)
