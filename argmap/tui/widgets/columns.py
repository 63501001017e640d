"""The side columns: each side's claims up to the current step, grouped by topic."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from argmap.engine.state import DebateState
from argmap.tui.widgets.lines import LineList
from argmap.views.positions import empty_text, is_heading
from argmap.views.present import RowMaker, StepView
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


class SidePanels(Horizontal):
    """The side panels, side by side; on a narrow screen only the active one shows."""

    def __init__(self, panels: Sequence[SidePanel], *, id: str | None = None) -> None:
        super().__init__(*panels, id=id)

    @property
    def panels(self) -> list[SidePanel]:
        return list(self.query_children(SidePanel))

    def activate(self, index: int) -> None:
        for i, panel in enumerate(self.panels):
            panel.set_class(i == index, "-active")

    def show(self, maker: RowMaker, view: StepView, state: DebateState, *, counts: bool = True) -> None:
        """Each column's rows for a step (the cursor kept on the selected claim in the focused
        one), and, with ``counts``, the number of claims in each title."""
        for panel in self.panels:
            rows = maker.column_rows(panel.key, view, state)
            keep = state.selected if panel.has_focus_within else None
            panel.column.set_rows(rows, keep=keep, empty=empty_text(panel.key))
            if counts:
                panel.set_count(sum(map(len, view.columns.get(panel.key, {}).values())))

    def reveal(self, claim: str) -> int | None:
        """Put the cursor on a claim in the first column that shows it; that panel's index."""
        for i, panel in enumerate(self.panels):
            if panel.column.move_to(claim):
                return i
        return None

    def scroll_to_topic(self, topic: str) -> None:
        for panel in self.panels:
            panel.column.scroll_to_row(lambda r: is_heading(r, topic))

    def go_to_topic(self, topic: str, *, active_only: bool) -> bool:
        """Move to a topic's heading in the first column that has one, and focus it."""
        for panel in self.panels:
            if active_only and not panel.has_class("-active"):
                continue
            target = panel.column.first_target_after(lambda r: is_heading(r, topic))
            if target is not None:
                panel.column.move_to(target)
                panel.column.focus()
                return True
        return False
