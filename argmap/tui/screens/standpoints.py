"""The debate's coherent standpoints: its preferred extensions, the sets of claims that can all
hold together. What every standpoint shares is listed once; each standpoint then shows what
sets it apart, side by side."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Static

from argmap.debate.index import APART, Debate
from argmap.engine.state import DebateState
from argmap.tui.screens.base import OnDebate
from argmap.tui.widgets.lines import LineList
from argmap.views.present import claim_brief
from argmap.views.rows import Piece, Row

if TYPE_CHECKING:
    from argmap.engine.evaluation import Evaluation

LIMIT = 12


def standpoint_rows(debate: Debate, step: int, standpoints: list[frozenset[str]]) -> list[Row]:
    if not standpoints:
        return [Row(("none",), (("No standpoint: under this semantics the claims cannot be made to agree.", "dim"),))]
    shared = frozenset.intersection(*standpoints)
    rows = [
        Row(
            ("count",),
            (
                (f"{len(standpoints)} standpoint{'s' if len(standpoints) != 1 else ''}", "title"),
                (f"{' (at most ' + str(LIMIT) + ' shown)' if len(standpoints) >= LIMIT else ''}", "dim"),
            ),
        ),
        Row(("shared",), ((f"{len(shared)} claims hold in every standpoint; each standpoint adds:", "dim"),)),
    ]
    for i, standpoint in enumerate(standpoints, 1):
        own = sorted(standpoint - shared, key=lambda c: debate.order.get(c, 0))
        rows.append(Row(("gap", i), ((" ", ""),)))
        rows.append(
            Row(("standpoint", i), ((f"Standpoint {i}", "heading"), (f"  {len(own)} claims of its own", "dim")))
        )
        by_side: dict[str, list[str]] = {}
        for cid in own:
            sides = debate.sides_of_claim(cid) or (APART,)
            by_side.setdefault(sides[0], []).append(cid)
        for side in (*debate.sides, APART):
            for cid in by_side.get(side, ()):
                name = "Commentators" if side == APART else debate.actor_name(side)
                lead: tuple[Piece, ...] = ((f"{name}: ", "side"),)
                rows.append(Row(("in", i, cid), (*lead, *claim_brief(debate, cid, step)), target=cid, indent=4))
    return rows


class StandpointsScreen(OnDebate, Screen[DebateState]):
    """The preferred extensions at the current step; Enter opens a claim."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("backspace", "close", "Back", show=False),
    ]

    def __init__(self, state: DebateState, evaluation: Evaluation) -> None:
        super().__init__()
        self.state = state
        self.evaluation = evaluation

    def compose(self) -> ComposeResult:
        step = self.debate.step(self.state.step)
        title = f"Standpoints (preferred extensions) at {step.date.describe()}, step {step.index}"
        yield Static(title, classes="screen-title", markup=False)
        yield LineList(id="standpoints")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        rows = standpoint_rows(self.debate, self.state.step, self.evaluation.standpoints(LIMIT))
        listing = self.query_one("#standpoints", LineList)
        listing.set_rows(rows)
        listing.focus()

    def on_line_list_row_selected(self, event: LineList.RowSelected) -> None:
        if isinstance(event.row.target, str):
            self.dismiss(self.state.open(event.row.target))

    def action_close(self) -> None:
        self.dismiss(None)
