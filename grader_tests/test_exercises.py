"""Hidden tests discriminate: other correct answers get full marks, plausible mistakes lose points.

Each file under grader_tests/submissions/<module>/<exercise>/ is one answer cell: ``correct_*``
files must score full marks on every test cell run; ``wrong_*`` files must lose points on their own
exercise and on no other, except in end-to-end checks whose docstring says they need the exercise
("Needs: ..."), which may lose too.
"""

from __future__ import annotations

import re

import pytest
from trials import fixture_submissions, needing_tests, owned_tests, run_trial

from course.layout import module_ids, source_notebook
from course.notebooks import exercises, read_notebook

FIXTURES = fixture_submissions()


@pytest.mark.parametrize(
    ("module", "exercise", "path"), FIXTURES, ids=[f"{m}/{e}/{p.stem}" for m, e, p in FIXTURES]
)
def test_fixture_answer(module, exercise, path, tmp_path):
    assert re.match(r"^(correct|wrong)_[a-z0-9_]+$", path.stem), (
        f"name fixture answers correct_<how> or wrong_<mistake>, not {path.name}"
    )
    grades = run_trial(module, exercise, path.read_text(encoding="utf-8"), tmp_path)
    mine = owned_tests(module, exercise)
    assert mine <= set(grades), "every test cell of the exercise must have run"
    wrong = path.stem.startswith("wrong")
    may_lose = mine | (needing_tests(module, exercise) if wrong else set())
    lost_elsewhere = {g: s for g, s in grades.items() if g not in may_lose and s[0] < s[1]}
    assert not lost_elsewhere, f"{path.name} loses points on other exercises: {lost_elsewhere}"
    lost_here = {g: grades[g] for g in mine if grades[g][0] < grades[g][1]}
    if path.stem.startswith("correct"):
        assert not lost_here, f"a correct answer lost points: {lost_here}"
    else:
        assert lost_here, (
            f"the plausible mistake in {path.name} scored full marks: add a hidden test"
        )


@pytest.mark.parametrize("module", module_ids())
def test_every_exercise_has_fixture_answers(module):
    names = [e.name for e in exercises(read_notebook(source_notebook(module)))]
    kinds: dict[str, list[str]] = {name: [] for name in names}
    for fixture_module, exercise, path in FIXTURES:
        if fixture_module == module:
            assert exercise in kinds, f"fixture folder {exercise!r} names no exercise of {module}"
            kinds[exercise].append(path.stem.split("_")[0])
    for name, found in kinds.items():
        assert found.count("correct") >= 1, (
            f"{module}/{name}: add a correct answer written another way"
        )
        assert found.count("wrong") >= 2, (
            f"{module}/{name}: add at least two plausible wrong answers"
        )
