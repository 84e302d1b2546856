"""Throwaway folders for exercises that touch files, so nothing lands in the student's home."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def throwaway_folder(prefix: str = "course-") -> Iterator[Path]:
    """Yield a new empty folder that is deleted, with all it holds, when the block ends.

    Example:
        >>> with throwaway_folder() as folder:
        ...     (folder / "notes.txt").write_text("draft")
        5
    """
    with tempfile.TemporaryDirectory(prefix=prefix) as name:
        yield Path(name)


def folder_removed_at_exit(prefix: str = "course-") -> Path:
    """Return a new empty folder that is deleted, with all it holds, when Python exits.

    For material that must outlive one cell, such as the capstone's project, which the whole
    notebook works on. (A kernel that is killed leaves it behind in the temporary folder.)
    """
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder
