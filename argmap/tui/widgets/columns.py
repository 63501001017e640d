"""A side's claims up to the current step, grouped by topic."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from argmap.tui.widgets.lines import LineList
from argmap.views.rows import Row


class ClaimColumn(LineList):
    """Claims grouped by topic; Enter opens a claim, or unfolds a folded speaker."""

    class ClaimHighlighted(Message):
        def __init__(self, column: ClaimColumn, claim: str) -> None:
            super().__init__()
            self.column = column
            self.claim = claim

    class ClaimSelected(Message):
        def __init__(self, column: ClaimColumn, claim: str) -> None:
            super().__init__()
            self.column = column
            self.claim = claim

    class SpeakerToggled(Message):
        def __init__(self, column: ClaimColumn, speaker: str) -> None:
            super().__init__()
            self.column = column
            self.speaker = speaker

    def __init__(self, key: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.key = key

    def make_highlighted(self, row: Row) -> Message:
        if isinstance(row.target, tuple):
            return self.RowHighlighted(self, row)
        return self.ClaimHighlighted(self, str(row.target))

    def make_selected(self, row: Row) -> Message:
        if isinstance(row.target, tuple):
            return self.SpeakerToggled(self, str(row.target[1]))
        return self.ClaimSelected(self, str(row.target))

    @property
    def highlighted_claim(self) -> str | None:
        target = self.highlighted
        return target if isinstance(target, str) else None


class SidePanel(Vertical):
    """A side's name over its column."""

    def __init__(
        self, key: str, title: str, colour: str | None, *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.key = key
        self.title = title
        self.colour = colour

    def compose(self) -> ComposeResult:
        header = Static(Content(self.title), classes="side-title", markup=False)
        if self.colour:
            header.styles.border_left = ("thick", self.colour)
        yield header
        yield ClaimColumn(self.key, id=f"column-{self.id}")

    @property
    def column(self) -> ClaimColumn:
        return self.query_one(ClaimColumn)

    def set_count(self, count: int) -> None:
        noun = "claim" if count == 1 else "claims"
        self.query_one(".side-title", Static).update(
            Content.assemble((self.title, "bold"), (f"  {count} {noun}", "$text-muted"))
        )
