"""Scratch courses: a copy of the course's modules in another folder, with sample submissions.

The demo, ``check`` and the grading tests all work in a scratch course, so the repository's own
gradebook, release/ and submitted/ folders are never touched by them.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import nbformat
from nbgrader.apps import NbGraderAPI

from course import pipeline
from course.layout import REPO_ROOT, release_notebook, source_notebook, student_file
from course.notebooks import exercises, read_notebook, solved_copy


def make_scratch_course(dest: Path, modules: list[str], root: Path = REPO_ROOT) -> NbGraderAPI:
    """Copy the modules' source folders into ``dest`` and release them there with nbgrader.

    Returns:
        nbgrader's API for the scratch course.
    """
    for module in modules:
        shutil.copytree(
            root / "source" / module,
            dest / "source" / module,
            ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"),
        )
    api = pipeline.nbgrader_api(dest)
    for module in modules:
        pipeline.generate_assignment(api, module)
    return api


def full_solution(release: nbformat.NotebookNode, source: nbformat.NotebookNode) -> str:
    """A student who answered everything, written answers included."""
    return nbformat.writes(solved_copy(release, source, solve=None))


def untouched(release: nbformat.NotebookNode, source: nbformat.NotebookNode) -> str:
    """A student who handed in the notebook as it was released."""
    return nbformat.writes(release)


def partial_solution(release: nbformat.NotebookNode, source: nbformat.NotebookNode) -> str:
    """A student who solved every other exercise (the 1st, 3rd, ...) and wrote nothing."""
    solved = {exercise.name for exercise in exercises(source)[::2]}
    return nbformat.writes(solved_copy(release, source, solve=solved))


def broken_json(release: nbformat.NotebookNode, source: nbformat.NotebookNode) -> str:
    """A student whose notebook was cut in half by a bad copy: it is no longer valid JSON."""
    text = nbformat.writes(release)
    return text[: len(text) // 2]


#: The demo class: one student of each kind, named so that the table explains itself.
SAMPLE_STUDENTS: dict[str, Callable[[nbformat.NotebookNode, nbformat.NotebookNode], str]] = {
    "ada-full": full_solution,
    "ben-untouched": untouched,
    "cleo-partial": partial_solution,
    "dev-broken-json": broken_json,
}


def sample_notebooks(
    dest: Path,
    modules: list[str],
    students: dict[str, Callable[[nbformat.NotebookNode, nbformat.NotebookNode], str]],
) -> Iterator[tuple[str, str, str]]:
    """Yield (student, module, notebook text) of each sample student for each module."""
    for module in modules:
        release = read_notebook(release_notebook(module, dest))
        source = read_notebook(source_notebook(module, dest))
        for student, make in students.items():
            yield student, module, make(release, source)


def submit_samples(
    dest: Path,
    modules: list[str],
    students: dict[str, Callable[[nbformat.NotebookNode, nbformat.NotebookNode], str]],
) -> None:
    """Write each sample student's notebook for each module into ``dest/submitted``."""
    for student, module, text in sample_notebooks(dest, modules, students):
        notebook = student_file(dest, "submitted", student, module)
        notebook.parent.mkdir(parents=True, exist_ok=True)
        notebook.write_text(text, encoding="utf-8")
