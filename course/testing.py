"""Small helpers that test cells use to explain a failure to the student."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def expect_error(
    error: type[BaseException], function: Callable[..., Any], *args: object, hint: str = ""
) -> None:
    """Check that ``function(*args)`` raises ``error``; fail with a helpful message otherwise.

    Args:
        error: the exception class the contract promises.
        function: the student's function.
        *args: the arguments to call it with.
        hint: one sentence on how to meet the contract, added to the failure message.

    Raises:
        AssertionError: when nothing, or another exception, is raised.
    """
    call = f"{getattr(function, '__name__', 'function')}({', '.join(map(repr, args))})"
    suffix = f"; hint: {hint}" if hint else ""
    try:
        result = function(*args)
    except error:
        return
    except Exception as other:  # the student raised something else: say what
        raised = f"{type(other).__name__}: {other}" if str(other) else type(other).__name__
        raise AssertionError(
            f"expected {call} to raise {error.__name__}, but it raised {raised}{suffix}"
        ) from other
    raise AssertionError(
        f"expected {call} to raise {error.__name__}, but it returned {result!r}{suffix}"
    )
