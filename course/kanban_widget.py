"""A widget that shows and drives a Kanban board written by a student.

The widget only *asks* the board: it draws what ``board.cards(column)`` returns and passes
each requested move to ``board.move``. Whether a move is allowed is decided by the board
alone; a refused move is reported in a status line. See ``course.planning`` for the contract.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any, Protocol

import ipywidgets

from course.planning import COLUMNS

#: One card as ``board.cards`` returns it (see ``course.planning``).
Card = Mapping[str, Any]

_CARD_STYLE = "padding: 4px 6px; border: 1px solid #ccc; border-radius: 4px;"
_NOTE_STYLE = "font-size: 0.9em; color: #555;"
_ERROR_STYLE = "color: #b00020;"
_OK_STYLE = "color: #1b5e20;"


class Board(Protocol):
    """The methods of a board that the widget calls."""

    def cards(self, column: str) -> list[dict[str, Any]]:
        """Return the cards in ``column``, in the order they were added."""
        ...

    def move(self, card_id: int, column: str, reason: str | None = None) -> None:
        """Move a card to ``column``, or raise and change nothing."""
        ...


def checklist_text(checklist: Mapping[str, bool]) -> str:
    """Summarise a checklist as ticked items over all items.

    Args:
        checklist: Each Definition-of-Done item mapped to whether it is ticked.

    Returns:
        For example ``"2/3 done"``, or ``""`` when the checklist is empty.
    """
    if not checklist:
        return ""
    return f"{sum(1 for ticked in checklist.values() if ticked)}/{len(checklist)} done"


def card_html(card: Card) -> str:
    """Render one card's text: title, owner, reason when blocked and checklist ticks.

    Args:
        card: A card dict as ``board.cards`` returns it.

    Returns:
        An HTML fragment with every piece of text escaped.
    """
    parts = [
        f'<div class="card" style="{_CARD_STYLE}">',
        f"<strong>{html.escape(str(card['title']))}</strong> ",
        f'<span style="{_NOTE_STYLE}">#{html.escape(str(card["id"]))}</span><br>',
        f'<span class="owner">{html.escape(str(card["owner"]))}</span>',
    ]
    if card.get("column") == "Blocked" and card.get("reason"):
        parts.append(f'<br><em class="reason">Blocked: {html.escape(str(card["reason"]))}</em>')
    ticks = checklist_text(card.get("checklist") or {})
    if ticks:
        parts.append(f'<br><span class="checklist" style="{_NOTE_STYLE}">{ticks}</span>')
    parts.append("</div>")
    return "".join(parts)


def column_header_html(column: str, count: int) -> str:
    """Render a column's header with the number of cards in it.

    Args:
        column: The column's name.
        count: How many cards the column holds.

    Returns:
        An HTML fragment such as ``<h4>In Progress (2)</h4>``.
    """
    return f'<h4 style="margin: 4px 0;">{html.escape(column)} ({count})</h4>'


def _status_html(text: str, ok: bool) -> str:
    """Render the status line, escaping ``text``."""
    style = _OK_STYLE if ok else _ERROR_STYLE
    return f'<span class="{"ok" if ok else "error"}" style="{style}">{html.escape(text)}</span>'


def _error_text(error: BaseException) -> str:
    """Name an exception and give its message, without a traceback."""
    message = str(error)
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


class BoardView:
    """The board's columns side by side, a reason box and a status line.

    Attributes:
        board: The board that is shown and driven.
        columns: An ``HBox`` holding one ``VBox`` per column, in ``COLUMNS`` order.
        reason: The ``Text`` box whose value is passed as the reason for moves to "Blocked".
        status: The ``HTML`` line reporting the last move, or why it was refused.
        widget: A ``VBox`` of ``columns``, ``reason`` and ``status``, ready to display.
    """

    def __init__(self, board: Board) -> None:
        """Draw ``board`` from its cards.

        Args:
            board: Any object following the board contract of ``course.planning``.
        """
        self.board = board
        self.columns = ipywidgets.HBox(layout=ipywidgets.Layout(align_items="flex-start"))
        self.reason = ipywidgets.Text(
            description="Reason",
            placeholder="why the card is blocked (used for moves to Blocked)",
            layout=ipywidgets.Layout(width="60%"),
        )
        self.status = ipywidgets.HTML()
        self.widget = ipywidgets.VBox([self.columns, self.reason, self.status])
        self._titles: dict[Any, str] = {}
        self.redraw()

    def redraw(self) -> bool:
        """Redraw every column from ``board.cards``.

        If the board raises, the columns stay as they were and the status line says why.

        Returns:
            Whether the columns were redrawn.
        """
        try:
            drawn = {column: list(self.board.cards(column)) for column in COLUMNS}
            boxes = [self._column_box(column, cards) for column, cards in drawn.items()]
        except Exception as error:  # a broken board becomes a message, not a traceback
            self.status.value = _status_html(
                f"Could not draw the board: {_error_text(error)}", False
            )
            return False
        self._titles = {
            card["id"]: str(card["title"]) for cards in drawn.values() for card in cards
        }
        self.columns.children = tuple(boxes)
        return True

    def move(self, card_id: int, column: str) -> None:
        """Ask the board to move a card, exactly as clicking the card's "Move" button does.

        The reason box's text (stripped, or None when blank) is passed for moves to
        "Blocked"; other moves pass ``reason=None``. On success the view is redrawn and the
        status line reports the move; if ``board.move`` raises, only the status line changes.

        Args:
            card_id: The id of the card to move.
            column: The target column.
        """
        title = self._titles.get(card_id, f"card {card_id}")
        reason = (self.reason.value.strip() or None) if column == "Blocked" else None
        try:
            self.board.move(card_id, column, reason=reason)
        except Exception as error:  # any refusal is shown to the student, not raised
            self.status.value = _status_html(
                f"Could not move {title} to {column}: {_error_text(error)}", False
            )
            return
        if column == "Blocked":
            self.reason.value = ""
        if self.redraw():
            self.status.value = _status_html(f"Moved {title} to {column}.", True)

    def _column_box(self, column: str, cards: list[dict[str, Any]]) -> ipywidgets.VBox:
        """Build one column: its header, then one box per card."""
        header = ipywidgets.HTML(column_header_html(column, len(cards)))
        return ipywidgets.VBox(
            [header, *(self._card_box(column, card) for card in cards)],
            layout=ipywidgets.Layout(width="20%", padding="0 4px"),
        )

    def _card_box(self, column: str, card: Card) -> ipywidgets.VBox:
        """Build one card: its text, a target-column dropdown and a "Move" button."""
        target = ipywidgets.Dropdown(
            options=[other for other in COLUMNS if other != column],
            layout=ipywidgets.Layout(width="auto", flex="1 1 auto"),
        )
        button = ipywidgets.Button(description="Move", layout=ipywidgets.Layout(width="auto"))
        card_id = card["id"]
        button.on_click(lambda _button: self.move(card_id, target.value))
        return ipywidgets.VBox(
            [ipywidgets.HTML(card_html(card)), ipywidgets.HBox([target, button])],
            layout=ipywidgets.Layout(margin="0 0 6px 0"),
        )


def board_view(board: Board) -> ipywidgets.Widget:
    """Show a board's columns side by side, with a "Move" button on every card.

    Args:
        board: Any object following the board contract of ``course.planning``.

    Returns:
        A ``VBox``: an ``HBox`` of one ``VBox`` per column (a header, then the cards), the
        reason ``Text`` box and the status ``HTML`` line. Use ``BoardView`` to reach ``move``.
    """
    return BoardView(board).widget
