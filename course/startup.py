"""Start the course's own processes faster: the grader, its worker processes, the runner."""

from __future__ import annotations

import sys
import warnings

#: Optional imports that cost far more than they give the course's processes.
SLOW_OPTIONAL_IMPORTS = (
    # jsonschema (under nbformat and nbgrader) imports it whenever it is installed, and
    # jupyterlab's dependencies install it: the import compiles ~35 parsers, 1.3 s per process
    # (jsonschema issue #1428). It checks the "iri" formats, which no notebook schema uses.
    "rfc3987_syntax",
)


def skip_slow_optional_imports() -> None:
    """Make :data:`SLOW_OPTIONAL_IMPORTS` look missing to the libraries that try them.

    Call it first thing in a program's ``__main__``: a module that is already imported stays.
    """
    for name in SLOW_OPTIONAL_IMPORTS:
        sys.modules.setdefault(name, None)  # type: ignore[arg-type]


def quiet_nbgrader_warnings() -> None:
    """Silence the SQLAlchemy 2 warnings that nbgrader's gradebook code trips.

    They say nothing about the grades and would bury the grade table.
    """
    warnings.filterwarnings("ignore", module=r"nbgrader\..*")
    warnings.filterwarnings("ignore", message=r".*not in session.*")
