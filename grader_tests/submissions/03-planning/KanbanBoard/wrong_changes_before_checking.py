# Wrong: moves the card before checking its checklist, so a refused Done still moves it.
class KanbanBoard:
    """A Kanban board with the columns of ``COLUMNS`` and three rules.

    Cards get ids 1, 2, 3, ... in the order they are added, and start in "TODO".

    Rules of ``move(card_id, column, reason=None)``; a refused move raises and changes nothing:

    - ``column`` must be one of ``COLUMNS`` (else ``ValueError``) and the card must exist
      (else ``KeyError``);
    - moving a card into "In Progress" raises ``WipLimitExceeded`` if its owner already has
      ``wip_limit`` *other* cards there;
    - moving into "Blocked" needs a non-blank ``reason`` (else ``ReasonRequired``); the card
      keeps the reason while blocked and drops it (``None``) when it moves on;
    - moving into "Done" raises ``DefinitionOfDoneIncomplete`` unless every item of the card's
      checklist is ticked.

    Args:
        wip_limit: the most cards one person may have In Progress (default 3).
    """

    def __init__(self, wip_limit=3):
        self.wip_limit = wip_limit
        self._cards = {}

    def add(self, title, owner, checklist=()):
        """Add a card to TODO and return its id."""
        card_id = len(self._cards) + 1
        self._cards[card_id] = {
            "id": card_id,
            "title": title,
            "owner": owner,
            "column": "TODO",
            "reason": None,
            "checklist": {item: False for item in checklist},
        }
        return card_id

    def tick(self, card_id, item):
        """Tick an item of a card's checklist (KeyError if the card or item is unknown)."""
        checklist = self._cards[card_id]["checklist"]
        if item not in checklist:
            raise KeyError(item)
        checklist[item] = True

    def move(self, card_id, column, reason=None):
        """Move a card to another column, or raise if a rule forbids it."""
        if column not in COLUMNS:
            raise ValueError(f"unknown column {column!r}; the columns are {COLUMNS}")
        card = self._cards[card_id]
        if column == "In Progress":
            busy = [
                c
                for c in self._cards.values()
                if c["owner"] == card["owner"]
                and c["column"] == "In Progress"
                and c["id"] != card_id
            ]
            if len(busy) >= self.wip_limit:
                raise WipLimitExceeded(f"{card['owner']} already has {len(busy)} cards in progress")
        if column == "Blocked" and not (reason and reason.strip()):
            raise ReasonRequired("say why the card is blocked")
        card["column"] = column
        if column == "Done":
            open_items = [item for item, ticked in card["checklist"].items() if not ticked]
            if open_items:
                raise DefinitionOfDoneIncomplete(f"not done yet: {', '.join(open_items)}")
        card["column"] = column
        card["reason"] = reason.strip() if column == "Blocked" else None

    def cards(self, column):
        """Return copies of the cards in a column, in the order they were added."""
        return [
            dict(c, checklist=dict(c["checklist"]))
            for c in self._cards.values()
            if c["column"] == column
        ]

    def summary(self):
        """Count the cards per column, and the cards In Progress per person."""
        columns = {name: len(self.cards(name)) for name in COLUMNS}
        in_progress = {}
        for card in self.cards("In Progress"):
            in_progress[card["owner"]] = in_progress.get(card["owner"], 0) + 1
        return {"columns": columns, "in_progress": in_progress}

