"""The debate tree of a claim: what supports and attacks it, and what answers those."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from argmap.debate.index import TreeEdge
from argmap.engine.state import DebateState
from argmap.tui.screens.base import OnDebate
from argmap.tui.widgets.lines import LineList
from argmap.views.positions import rebased
from argmap.views.present import date_text
from argmap.views.rows import LABEL_MARK, STANCE_SYMBOL, Piece, Row

OPEN_DEPTH = 3
"""Nodes are shown open down to this depth until folded or unfolded by hand."""
MAX_ROWS = 2_000

EDGE: dict[TreeEdge, tuple[str, str]] = {
    "root": ("", ""),
    "supports": ("+ pro", "for"),
    "attacks": ("− con", "against"),
    "contradicts": ("≠ contradicts", "conflicting"),
    "undercuts": ("× undercuts the link", "against"),
}

Path = tuple[str, ...]
"""A node: the relations followed from the root."""


@dataclass(frozen=True, slots=True)
class Folds:
    """Which nodes the reader opened or closed by hand."""

    opened: frozenset[Path] = field(default_factory=frozenset)
    closed: frozenset[Path] = field(default_factory=frozenset)

    def is_open(self, path: Path) -> bool:
        if path in self.closed:
            return False
        return path in self.opened or len(path) < OPEN_DEPTH

    def toggle(self, path: Path) -> Folds:
        if self.is_open(path):
            return Folds(self.opened - {path}, self.closed | {path})
        return Folds(self.opened | {path}, self.closed - {path})

    def set_open(self, path: Path, value: bool) -> Folds:
        return self if self.is_open(path) == value else self.toggle(path)


class TreeScreen(OnDebate, Screen[DebateState | None]):
    """Pros and cons, recursively, as said by the current date. Enter opens a claim: the
    screen closes with the state selecting it; Escape closes with None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_fold", "Fold/unfold", key_display="space"),
        Binding("right", "unfold", "Unfold", show=False),
        Binding("left", "fold", "Fold", show=False),
        Binding("escape", "close", "Close"),
        Binding("backspace", "close", "Back", show=False),
    ]

    def __init__(self, state: DebateState) -> None:
        super().__init__()
        self.state = state
        assert state.selected is not None
        self.root = state.selected
        self.folds = Folds()
        self.nodes: dict[Path, str] = {}
        self.parents_of: dict[Path, bool] = {}
        self._labels: dict[str, str] = {}
        """Each claim's label at the state's step, semantics and what-if."""

    def compose(self) -> ComposeResult:
        yield Static(id="tree-title", classes="screen-title", markup=False)
        yield LineList(id="tree")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._show_title()
        self._show()
        self.query_one("#tree").focus()

    def debate_replaced(self) -> bool:
        if self.root not in self.debate.claims:
            return False
        self.state = rebased(self.state, self.debate)
        self._show_title()
        self._show(keep=self._current())
        return True

    def _show_title(self) -> None:
        step = self.debate.step(self.state.step)
        self.query_one("#tree-title", Static).update(
            Content.assemble(
                ("Debate tree", "bold"),
                ("  as said by ", "$text-muted"),
                (step.date.describe(), "$text-accent bold"),
                (f" (step {step.index})", "$text-muted"),
                (f"  ·  labels under {self.state.semantics}", "$text-muted"),
            )
        )

    def _show(self, keep: Path | None = None) -> None:
        rows: list[Row] = []
        self.nodes.clear()
        self.parents_of.clear()
        d, step = self.debate, self.state.step
        evaluation = self.evaluate(self.state)
        self._labels = {c: label for c in d.claims if (label := evaluation.label(c)) is not None}

        def add(claim: str, edge: TreeEdge, relation: str | None, path: Path, on_path: frozenset[str]) -> None:
            if len(rows) >= MAX_ROWS:
                return
            repeat = claim in on_path
            kids = [] if repeat else d.children(claim, step, came_by=relation)
            is_open = bool(kids) and self.folds.is_open(path)
            self.nodes[path] = claim
            self.parents_of[path] = bool(kids)
            rows.append(self._row(claim, edge, path, has_kids=bool(kids), is_open=is_open, repeat=repeat))
            if is_open:
                for child in kids:
                    add(child.claim, child.edge, child.relation, (*path, child.relation), on_path | {claim})

        add(self.root, "root", None, (), frozenset())
        tree = self.query_one("#tree", LineList)
        tree.set_rows(rows, keep=keep)

    def _row(self, claim: str, edge: TreeEdge, path: Path, *, has_kids: bool, is_open: bool, repeat: bool) -> Row:
        d = self.debate
        c = d.claims[claim]
        depth = len(path)
        fold = "▾ " if is_open else ("▸ " if has_kids else "  ")
        word, role = EDGE[edge]
        speaker = d.speaker_names(claim)
        sides = ", ".join(d.actor_name(s) for s in d.sides_of_claim(claim)) or "commentator"
        who = speaker if sides == speaker else f"{speaker} ({sides})"
        pieces: list[Piece] = [("   " * depth, ""), (fold, "dim")]
        if word:
            pieces.append((word + "  ", role))
        label = self._labels.get(claim)
        pieces += [
            (STANCE_SYMBOL.get(c.stance or "", "•") + " ", c.stance or "dim"),
            (f"{LABEL_MARK[label]} " if label else f"{LABEL_MARK['off']} ", f"label-{label or 'off'}"),
            (c.text, "title" if depth == 0 else ""),
            ("  — ", "dim"),
            (who + ",", "speaker"),
            (" " + date_text(d, claim), "date"),
        ]
        if repeat:
            pieces.append(("  ↺ already above", "flag"))
        elif has_kids and not is_open:
            pieces.append(("  (folded)", "dim"))
        return Row(("node", path, is_open, repeat), tuple(pieces), target=path, indent=3 * depth + 2)

    # --- actions --------------------------------------------------------------------------

    def _current(self) -> Path | None:
        target = self.query_one("#tree", LineList).highlighted
        return target if isinstance(target, tuple) else None

    def action_toggle_fold(self) -> None:
        path = self._current()
        if path is not None and self.parents_of.get(path):
            self.folds = self.folds.toggle(path)
            self._show(keep=path)

    def action_unfold(self) -> None:
        path = self._current()
        if path is not None and self.parents_of.get(path):
            self.folds = self.folds.set_open(path, True)
            self._show(keep=path)

    def action_fold(self) -> None:
        path = self._current()
        if path is None:
            return
        if self.parents_of.get(path) and self.folds.is_open(path):
            self.folds = self.folds.set_open(path, False)
            self._show(keep=path)
        elif path:
            self.query_one("#tree", LineList).move_to(path[:-1])

    @on(LineList.RowSelected, "#tree")
    def _open(self, event: LineList.RowSelected) -> None:
        path = event.target
        if isinstance(path, tuple) and path in self.nodes:
            self.dismiss(self.state.follow(self.nodes[path]))

    def action_close(self) -> None:
        self.dismiss(None)
