import copy

import ipywidgets
import pytest

from course.kanban_widget import BoardView, board_view, card_html, checklist_text
from course.planning import (
    COLUMNS,
    BoardRuleError,
    DefinitionOfDoneIncomplete,
    ReasonRequired,
    WipLimitExceeded,
)


class StandInBoard:
    """Follows the board contract with one rule only: 1 card per owner in progress."""

    def __init__(self):
        self._cards = {}
        self.calls = []

    def add(self, title, owner, column="TODO", checklist=None, reason=None):
        card_id = len(self._cards) + 1
        self._cards[card_id] = {
            "id": card_id,
            "title": title,
            "owner": owner,
            "column": column,
            "reason": reason,
            "checklist": dict(checklist or {}),
        }
        return card_id

    def cards(self, column):
        return [dict(card) for card in self._cards.values() if card["column"] == column]

    def move(self, card_id, column, reason=None):
        self.calls.append((card_id, column, reason))
        card = self._cards[card_id]
        if column not in COLUMNS:
            raise ValueError(f"unknown column {column!r}")
        busy = [c for c in self._cards.values() if c["column"] == "In Progress"]
        if column == "In Progress" and any(c["owner"] == card["owner"] for c in busy):
            raise WipLimitExceeded(f"{card['owner']} already has 1 card in progress")
        card["column"], card["reason"] = column, reason

    def summary(self):
        return {"columns": {c: len(self.cards(c)) for c in COLUMNS}, "in_progress": {}}


@pytest.fixture
def board():
    board = StandInBoard()
    board.add("Collect data", "ana", checklist={"reviewed": True, "tested": False})
    board.add("Train baseline", "ana", column="In Progress")
    board.add("Write report", "ben", column="Review")
    return board


def column_boxes(widget):
    hbox = widget.children[0]
    assert isinstance(hbox, ipywidgets.HBox)
    return hbox.children


def column_texts(widget):
    """Column name -> (header html, [card html, ...])."""
    shown = {}
    for column, box in zip(COLUMNS, column_boxes(widget), strict=True):
        header, *cards = box.children
        shown[column] = (header.value, [card.children[0].value for card in cards])
    return shown


def titles_in(widget, column):
    return [
        text.split("<strong>")[1].split("</strong>")[0] for text in column_texts(widget)[column][1]
    ]


def card_controls(widget, column, index):
    card = column_boxes(widget)[COLUMNS.index(column)].children[1 + index]
    dropdown, button = card.children[1].children
    return dropdown, button


def status_of(view):
    return view.status.value


def test_the_vocabulary():
    assert COLUMNS == ("TODO", "In Progress", "Blocked", "Review", "Done")
    for error in (WipLimitExceeded, ReasonRequired, DefinitionOfDoneIncomplete):
        assert issubclass(error, BoardRuleError) and issubclass(BoardRuleError, Exception)


def test_cards_appear_in_their_columns_with_counts(board):
    widget = board_view(board)
    assert isinstance(widget, ipywidgets.VBox)
    assert len(column_boxes(widget)) == len(COLUMNS)
    assert all(isinstance(box, ipywidgets.VBox) for box in column_boxes(widget))
    shown = column_texts(widget)
    assert "TODO (1)" in shown["TODO"][0]
    assert "In Progress (1)" in shown["In Progress"][0]
    assert "Done (0)" in shown["Done"][0] and shown["Done"][1] == []
    assert titles_in(widget, "TODO") == ["Collect data"]
    assert titles_in(widget, "In Progress") == ["Train baseline"]
    assert titles_in(widget, "Review") == ["Write report"]
    assert "ana" in shown["TODO"][1][0] and "1/2 done" in shown["TODO"][1][0]


def test_card_order_follows_the_board(board):
    board.add("Second todo", "ben")
    board.add("Third todo", "cy")
    assert titles_in(board_view(board), "TODO") == ["Collect data", "Second todo", "Third todo"]


def test_card_html_shows_owner_reason_when_blocked_and_ticks():
    card = {"id": 7, "title": "T", "owner": "dee", "column": "Blocked", "reason": "waiting"}
    card["checklist"] = {"a": True, "b": True, "c": False}
    text = card_html(card)
    assert "dee" in text and "waiting" in text and "2/3 done" in text
    assert "waiting" not in card_html({**card, "column": "TODO"})
    assert checklist_text({}) == "" and checklist_text({"a": False}) == "0/1 done"


def test_html_in_titles_owners_and_reasons_is_escaped(board):
    card_id = board.add("<b>bold</b> & <script>x()</script>", "<i>eve</i>")
    board.move(card_id, "Blocked", reason="<img src=x>")
    text = card_html(board.cards("Blocked")[0])
    assert "<script>" not in text and "&lt;script&gt;" in text and "&amp;" in text
    assert "<i>" not in text and "&lt;i&gt;eve" in text
    assert "<img" not in text and "&lt;img src=x&gt;" in text
    view = BoardView(board)
    view.move(card_id, "Review")
    assert "<script>" not in status_of(view) and "&lt;script&gt;" in status_of(view)


def test_dropdowns_offer_the_other_columns(board):
    dropdown, button = card_controls(board_view(board), "TODO", 0)
    assert isinstance(dropdown, ipywidgets.Dropdown) and isinstance(button, ipywidgets.Button)
    assert button.description == "Move"
    assert list(dropdown.options) == [c for c in COLUMNS if c != "TODO"]


def test_clicking_move_calls_the_board_and_redraws(board):
    view = BoardView(board)
    dropdown, button = card_controls(view.widget, "Review", 0)
    dropdown.value = "Done"
    button.click()
    assert board.calls == [(3, "Done", None)]
    assert titles_in(view.widget, "Done") == ["Write report"]
    assert titles_in(view.widget, "Review") == []
    assert "Done (1)" in column_texts(view.widget)["Done"][0]
    assert "Moved Write report to Done." in status_of(view)


def test_a_refused_move_reports_the_error_and_changes_nothing(board):
    view = BoardView(board)
    before_board = copy.deepcopy(board._cards)
    before_boxes = column_boxes(view.widget)
    dropdown, button = card_controls(view.widget, "TODO", 0)
    dropdown.value = "In Progress"
    button.click()
    assert board.calls == [(1, "In Progress", None)]
    assert "WipLimitExceeded" in status_of(view)
    assert "ana already has 1 card in progress" in status_of(view)
    assert "Traceback" not in status_of(view) and "Moved" not in status_of(view)
    assert board._cards == before_board
    assert all(a is b for a, b in zip(column_boxes(view.widget), before_boxes, strict=True))


def test_unknown_cards_and_columns_become_messages(board):
    view = BoardView(board)
    view.move(99, "Done")
    assert "KeyError" in status_of(view)
    view.move(1, "Archive")
    assert "ValueError" in status_of(view) and "Archive" in status_of(view)


def test_the_reason_text_is_passed_for_blocked_moves_only(board):
    view = BoardView(board)
    view.reason.value = "  waiting for data access "
    view.move(3, "Done")
    assert board.calls[-1] == (3, "Done", None)
    dropdown, button = card_controls(view.widget, "TODO", 0)
    dropdown.value = "Blocked"
    button.click()
    assert board.calls[-1] == (1, "Blocked", "waiting for data access")
    blocked = column_texts(view.widget)["Blocked"][1]
    assert len(blocked) == 1 and "waiting for data access" in blocked[0]
    assert "Moved Collect data to Blocked." in status_of(view)


def test_a_blank_reason_is_passed_as_none(board):
    view = BoardView(board)
    view.reason.value = "   "
    view.move(1, "Blocked")
    assert board.calls[-1] == (1, "Blocked", None)


def test_a_board_that_cannot_list_cards_gives_a_message():
    class Broken(StandInBoard):
        def cards(self, column):
            raise NotImplementedError("cards is not written yet")

    view = BoardView(Broken())
    assert "NotImplementedError" in status_of(view) and "not written yet" in status_of(view)
