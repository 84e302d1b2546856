"""Shared vocabulary for the lesson on planning with a Kanban board.

Students write their own ``KanbanBoard`` class; this module only names the columns and the
errors a board raises, so that the student's board, the tests and ``course.kanban_widget``
speak the same language. Nothing here decides whether a move is allowed.

The board contract
------------------
Any object with these three methods can be shown and driven by
``course.kanban_widget.board_view``:

``board.cards(column) -> list[dict]``
    The cards in ``column`` (one of ``COLUMNS``), in the order they were added to the board.
    Each card is a dict with the keys ``"id"`` (int), ``"title"`` (str), ``"owner"`` (str),
    ``"column"`` (str), ``"reason"`` (str, or None when the card is not blocked) and
    ``"checklist"`` (dict mapping each Definition-of-Done item to True once it is ticked).

``board.move(card_id, column, reason=None)``
    Move the card with id ``card_id`` to ``column``, or refuse. A refused move raises and
    changes nothing on the board. The board raises:

    * ``WipLimitExceeded`` when the move would give the card's owner more cards in
      ``"In Progress"`` than the board's work-in-progress limit per person;
    * ``ReasonRequired`` when the target is ``"Blocked"`` and ``reason`` is missing or blank;
    * ``DefinitionOfDoneIncomplete`` when the target is ``"Done"`` and an item of the card's
      checklist is not ticked;
    * ``ValueError`` when ``column`` is not one of ``COLUMNS``;
    * ``KeyError`` when no card has the id ``card_id``.

``board.summary() -> dict``
    ``{"columns": {column: number of cards}, "in_progress": {owner: number of cards}}``, with
    every column of ``COLUMNS`` under ``"columns"``.
"""

from __future__ import annotations

#: The board's columns, left to right, in the order a card usually travels.
COLUMNS = ("TODO", "In Progress", "Blocked", "Review", "Done")


class BoardRuleError(Exception):
    """A move that the board's rules forbid; the board is left unchanged.

    Catch this class to handle every rule at once; each rule raises its own subclass. The
    subclasses are named after the rule they enforce, so they carry no ``Error`` suffix.
    """


class WipLimitExceeded(BoardRuleError):  # noqa: N818 (the lesson's names)
    """Raised when a move to "In Progress" would put its owner over the WIP limit per person."""


class ReasonRequired(BoardRuleError):  # noqa: N818 (the lesson's names)
    """Raised when a card is moved to "Blocked" without a (non-blank) reason."""


class DefinitionOfDoneIncomplete(BoardRuleError):  # noqa: N818 (the lesson's names)
    """Raised when a card is moved to "Done" while an item of its checklist is unticked."""
