"""The side panels of the positions view: which one is shown, folding speakers, and putting
the cursor on a claim, a topic or an actor."""

from __future__ import annotations

from textual.widgets import Tabs

from argmap.tui.screens.base import OnState
from argmap.tui.widgets.columns import ClaimColumn, SidePanel, SidePanels
from argmap.tui.widgets.matrix import PositionMatrix
from argmap.views.positions import actor_panel, fold_speaker, speaker_claims
from argmap.views.present import RowMaker


class SideNavigation(OnState):
    """One panel per side, each with its tab; the panel shown follows the tab chosen."""

    maker: RowMaker
    panel_keys: list[str]

    @property
    def sides(self) -> SidePanels:
        return self.query_one(SidePanels)

    def panels(self) -> list[SidePanel]:
        return self.sides.panels

    def focused_column(self) -> ClaimColumn | None:
        focused = self.focused
        return focused if isinstance(focused, ClaimColumn) else None

    def target_claim(self) -> str | None:
        """The claim highlighted in the side with the focus, else the selected one."""
        column = self.focused_column()
        if column is not None and column.highlighted_claim:
            return column.highlighted_claim
        return self.state.selected

    def action_show_side(self, index: int) -> None:
        panels = self.panels()
        if 0 <= index < len(panels):
            self.activate(index)
            panels[index].column.focus()

    def activate(self, index: int) -> None:
        self.sides.activate(index)
        tabs = self.query_one(Tabs)
        if tabs.active != f"tab-{index}":
            tabs.active = f"tab-{index}"

    def action_fold(self) -> None:
        column = self.focused_column()
        if column is None:
            self.notify("Move to a side's claims (Tab) to fold a speaker.", timeout=3)
            return
        speaker = fold_speaker(self.maker, column.key, column.highlighted)
        if speaker is None:
            return
        folding = speaker not in self.state.folded
        self.apply(self.state.toggle_fold(speaker))
        if folding:
            column.move_to(("speaker", speaker))

    def action_unfold_all(self) -> None:
        self.apply(self.state.unfold_all())

    def go_to_topic(self, topic: str) -> None:
        """Scroll every side to a topic and put the cursor on it in the first that has it."""
        self.sides.scroll_to_topic(topic)
        if not self.sides.go_to_topic(topic, active_only=self.has_class("-narrow")):
            self.notify("No side has spoken on this topic yet.", timeout=3)

    def reveal_claim(self, claim: str, *, focus: bool = True) -> None:
        """Put the cursor on a claim in the first column that shows it."""
        index = self.sides.reveal(claim)
        if index is not None and focus:
            self.activate(index)
            self.panels()[index].column.focus()

    def reveal_topic(self, topic: str) -> None:
        matrix = self.query_one(PositionMatrix)
        matrix.move_to(topic)
        matrix.focus()
        self.sides.scroll_to_topic(topic)

    def reveal_actor(self, actor: str) -> None:
        key = actor_panel(self.debate, actor)
        if key not in self.panel_keys:
            return
        index = self.panel_keys.index(key)
        if actor in self.state.folded:
            self.apply(self.state.toggle_fold(actor))
        self.activate(index)
        panel = self.panels()[index]
        panel.column.focus()
        claims = speaker_claims(self.maker, key, panel.column.rows, actor)
        if claims:
            panel.column.move_to(claims[-1])
        else:
            self.notify(f"{self.debate.actor_name(actor)} has said nothing yet at this date.", timeout=3, markup=False)
