"""Claim detail: facts, evidence and relations of one claim; follow relations like links."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from argmap.engine.state import DebateState
from argmap.tui.messages import GlossaryRequested, SearchRequested, SourceRequested, TreeRequested
from argmap.tui.screens.whatif import GRANT, NEXT_SEMANTICS, RESET_WHATIF, SWITCH_OFF, WhatIfKeys
from argmap.tui.widgets.lines import LineList
from argmap.views.explain_words import Words
from argmap.views.positions import rebased
from argmap.views.present import claim_rows, label_rows
from argmap.views.rows import Row


class ClaimScreen(WhatIfKeys, Screen[DebateState]):
    """One claim at a time; Enter follows a relation, Backspace goes back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("backspace", "back", "Back"),
        Binding("escape", "close", "Close"),
        Binding("t", "tree", "Tree"),
        Binding("s", "source", "Source"),
        Binding("slash", "search", "Search", key_display="/"),
        Binding("i", "ids", "Ids", tooltip="show the scenario's ids in the explanation, or words again"),
        SWITCH_OFF,
        GRANT,
        RESET_WHATIF,
        NEXT_SEMANTICS,
    ]

    def __init__(self, state: DebateState) -> None:
        super().__init__()
        self.state = state
        self.show_ids = False
        """Name claims in the explanation by id (for authors) rather than in words."""

    def compose(self) -> ComposeResult:
        yield Static(id="claim-title", classes="screen-title", markup=False)
        yield LineList(id="detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._show()
        self.query_one("#detail").focus()

    def debate_replaced(self) -> bool:
        if self.claim not in self.debate.claims:
            return False
        self.state = rebased(self.state, self.debate)
        self._show()
        return True

    @property
    def claim(self) -> str:
        assert self.state.selected is not None
        return self.state.selected

    def _show(self) -> None:
        step = self.debate.step(self.state.step)
        back = len(self.state.history)
        title = Content.assemble(
            ("Claim", "bold"),
            ("  at ", "$text-muted"),
            (step.date.describe(), "$text-accent bold"),
            (f" (step {step.index})", "$text-muted"),
            ((f"   ⌫ back to {back} earlier claim{'s' if back > 1 else ''}", "$text-muted") if back else ("", "")),
        )
        self.query_one("#claim-title", Static).update(title)
        detail = self.query_one("#detail", LineList)
        detail.set_rows(claim_rows(self.debate, self.claim, self.state.step, self._label_rows()), keep=None)
        detail.scroll_to(y=0, animate=False, immediate=True)

    def _label_rows(self) -> list[Row]:
        evaluation = self.evaluate(self.state)
        names = None if self.show_ids else Words(self.debate)
        explanation = evaluation.explain(self.claim, names) if evaluation.label(self.claim) is not None else None
        return label_rows(self.debate, self.claim, explanation, self.state.whatif.describe())

    def action_ids(self) -> None:
        self.show_ids = not self.show_ids
        self._show()
        self.notify("Ids shown in the explanation." if self.show_ids else "Claims named in words.", timeout=2)

    def apply(self, state: DebateState) -> None:
        self.state = state
        self._show()

    def adopt(self, state: DebateState | None) -> None:
        if state is not None and state != self.state:
            self.apply(state)

    # --- actions --------------------------------------------------------------------------

    @on(LineList.RowSelected, "#detail")
    def _chosen(self, event: LineList.RowSelected) -> None:
        target = event.target
        if not isinstance(target, tuple):
            return
        kind, value = target
        if kind == "claim":
            self.follow(str(value))
        elif kind == "quote":
            self.open_quote(int(value))
        elif kind == "term":
            self.post_message(GlossaryRequested(str(value)))

    def follow(self, claim: str) -> None:
        state = self.state.follow(claim)
        if not self.debate.is_said(claim, state.step):
            state = state.at_step(self.debate.step_of_claim(claim))
            self.notify(
                f"Moved on to {self.debate.step(state.step).date.describe()}, when it was said.",
                timeout=3,
                markup=False,
            )
        self.apply(state)

    def open_quote(self, index: int) -> None:
        request = SourceRequested.of_quote(self.debate, self.state, self.claim, index, self.adopt)
        if request is None:
            self.notify("This source's text is not available.", severity="warning", timeout=3)
            return
        self.post_message(request)

    def action_back(self) -> None:
        if self.state.can_go_back:
            self.apply(self.state.back())
        else:
            self.dismiss(self.state)

    def action_close(self) -> None:
        self.dismiss(self.state)

    def action_tree(self) -> None:
        self.post_message(TreeRequested(self.state, self._after_tree))

    def _after_tree(self, state: DebateState | None) -> None:
        if state is not None and state.selected is not None and state.selected != self.claim:
            self.follow(state.selected)

    def action_source(self) -> None:
        detail = self.query_one("#detail", LineList)
        target = detail.highlighted
        index = int(target[1]) if isinstance(target, tuple) and target[0] == "quote" else 0
        self.open_quote(index)

    def action_search(self) -> None:
        self.post_message(SearchRequested(self.state, self._found))

    def _found(self, claim: str | None) -> None:
        if claim is not None:
            self.follow(claim)
