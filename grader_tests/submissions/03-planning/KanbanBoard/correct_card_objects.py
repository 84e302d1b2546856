# Correct, written another way: a dataclass per card and validation before any change.
from dataclasses import dataclass, field


@dataclass
class _Card:
    id: int
    title: str
    owner: str
    checklist: dict = field(default_factory=dict)
    column: str = "TODO"
    reason: str | None = None


class KanbanBoard:
    def __init__(self, wip_limit=3):
        self.wip_limit = wip_limit
        self._all = []

    def add(self, title, owner, checklist=()):
        self._all.append(_Card(len(self._all) + 1, title, owner, dict.fromkeys(checklist, False)))
        return self._all[-1].id

    def _find(self, card_id):
        for card in self._all:
            if card.id == card_id:
                return card
        raise KeyError(card_id)

    def tick(self, card_id, item):
        card = self._find(card_id)
        if item not in card.checklist:
            raise KeyError(item)
        card.checklist[item] = True

    def move(self, card_id, column, reason=None):
        if column not in COLUMNS:
            raise ValueError(column)
        card = self._find(card_id)
        if column == "In Progress" and card.column != "In Progress":
            mine = sum(c.owner == card.owner and c.column == "In Progress" for c in self._all)
            if mine >= self.wip_limit:
                raise WipLimitExceeded(card.owner)
        if column == "Blocked" and (reason is None or not reason.strip()):
            raise ReasonRequired(card.title)
        if column == "Done" and not all(card.checklist.values()):
            raise DefinitionOfDoneIncomplete(card.title)
        card.column, card.reason = column, (reason.strip() if column == "Blocked" else None)

    def cards(self, column):
        return [{"id": c.id, "title": c.title, "owner": c.owner, "column": c.column,
                 "reason": c.reason, "checklist": dict(c.checklist)}
                for c in self._all if c.column == column]

    def summary(self):
        in_progress = {}
        for c in self._all:
            if c.column == "In Progress":
                in_progress[c.owner] = in_progress.get(c.owner, 0) + 1
        return {"columns": {col: sum(c.column == col for c in self._all) for col in COLUMNS},
                "in_progress": in_progress}
