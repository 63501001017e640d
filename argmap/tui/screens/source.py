"""The source reader: a source document scrolled to a quote, with the quote highlighted, and
the claims that cite the passage in view."""

from __future__ import annotations

import itertools
import re
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static

from argmap.engine.state import DebateState
from argmap.scenario.loaded import LoadedSource
from argmap.tui.screens.base import OnDebate
from argmap.tui.widgets.lines import LineList
from argmap.views.present import claim_brief
from argmap.views.rows import Piece, Row

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the paragraphs of a text (separated by blank lines)."""
    spans, start = [], 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text.rstrip()):
        spans.append((start, len(text.rstrip())))
    return spans


def paragraph_pieces(text: str, start: int, end: int, marks: list[tuple[int, int, str]]) -> tuple[Piece, ...]:
    """A paragraph, reflowed (its line breaks become spaces), cut where marks begin and end."""
    cuts = {start, end}
    for a, b, _ in marks:
        if a < end and b > start:
            cuts.update((max(a, start), min(b, end)))
    points = sorted(cuts)
    pieces: list[Piece] = []
    for a, b in itertools.pairwise(points):
        role = ""
        for ma, mb, r in marks:
            if ma <= a and b <= mb:
                role = r if role != "target" else role
        pieces.append((text[a:b].replace("\n", " "), role))
    return tuple(pieces)


class SourceReader(LineList):
    """The document, one row per paragraph; scrolls a line or a page at a time."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next_quote", "Next quote"),
        Binding("N", "previous_quote", "Previous quote", key_display="N"),
    ]

    class Scrolled(Message):
        """The passage in view changed."""

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self.post_message(self.Scrolled())

    def _step(self, direction: int, count: int = 1) -> None:
        self.scroll_relative(y=direction * count, animate=False, immediate=True)

    def action_page_up(self) -> None:
        self._step(-1, max(self.scrollable_content_region.height - 2, 1))

    def action_page_down(self) -> None:
        self._step(1, max(self.scrollable_content_region.height - 2, 1))

    def first_line_with(self, role: str, after: int = -1, before: int | None = None) -> int | None:
        """The first (or, with ``before``, the last) line showing a piece of a role."""
        found = None
        for y, (_, line) in enumerate(self.lines()):
            if any(r == role for _, r in line) and (y > after) and (before is None or y < before):
                if before is None:
                    return y
                found = y
        return found

    def visible_rows(self) -> list[int]:
        top = self.scroll_offset.y
        height = max(self.scrollable_content_region.height, 1)
        first = self.line_at(top)
        last = self.line_at(min(top + height, self.line_count) - 1)
        if first is None or last is None:
            return []
        return list(range(first[0], last[0] + 1))

    def action_next_quote(self) -> None:
        y = self.first_line_with("quote", after=self.scroll_offset.y + 1)
        y2 = self.first_line_with("target", after=self.scroll_offset.y + 1)
        ys = [v for v in (y, y2) if v is not None]
        if ys:
            self.scroll_to(y=max(min(ys) - 1, 0), animate=False, immediate=True)

    def action_previous_quote(self) -> None:
        top = self.scroll_offset.y
        y = self.first_line_with("quote", before=top)
        y2 = self.first_line_with("target", before=top)
        ys = [v for v in (y, y2) if v is not None]
        if ys:
            self.scroll_to(y=max(max(ys) - 1, 0), animate=False, immediate=True)


class SourceScreen(OnDebate, Screen[DebateState]):
    """Read a source around a quote; Tab moves to the claims citing what is in view. Closes
    with the state, what-if included."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012 (declared per instance by Textual)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("backspace", "close", "Back", show=False),
        Binding(
            "o", "switch_off", "What-if: switch off the claims quoted from this source alone, or back on", show=False
        ),
    ]

    def __init__(self, state: DebateState, source: str, span: tuple[int, int] | None) -> None:
        super().__init__()
        self.state = state
        self.source = source
        self.span = span
        """The quote to show, in the normalised text."""
        self.target: tuple[int, int] | None = None
        """The quote in the original text."""
        self.paragraphs: list[tuple[int, int]] = []
        self._cited_key: tuple[int, int] | None = None

    @property
    def loaded(self) -> LoadedSource:
        return self.debate.sources[self.source]

    def compose(self) -> ComposeResult:
        yield Static(id="source-title", classes="screen-title", markup=False)
        with Horizontal(id="reader-body"):
            yield SourceReader(id="reader")
            with Vertical(id="cited"):
                yield Static("Claims citing this passage", classes="panel-title", markup=False)
                yield LineList(id="cited-list", empty="No claim cites the passage in view.")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        text = self.loaded.text
        if self.span is not None:
            self.target = (text.to_original(self.span[0]), text.to_original(self.span[1]))
        self.paragraphs = paragraphs(text.original)
        self._show_title()
        original = text.original
        marks: list[tuple[int, int, str]] = []
        for cite in self.debate.citations(self.source):
            marks.append((text.to_original(cite.start), text.to_original(cite.end), "quote"))
        if self.target is not None:
            marks.append((*self.target, "target"))
        rows = [
            Row(("para", i), paragraph_pieces(original, a, b, marks), target=None)
            for i, (a, b) in enumerate(self.paragraphs)
        ]
        rows_with_gaps: list[Row] = []
        for row in rows:
            if rows_with_gaps:
                rows_with_gaps.append(Row(("gap", row.key), ((" ", ""),)))
            rows_with_gaps.append(row)
        reader = self.query_one(SourceReader)
        reader.set_rows(rows_with_gaps)
        reader.focus()
        self.call_after_refresh(self._scroll_to_target)

    def _show_title(self) -> None:
        facts = self.loaded.facts
        title: list[tuple[str, str]] = [(facts.title or facts.id, "bold")]
        if facts.author:
            title.append((f"  {facts.author}", "$text-muted"))
        if facts.published:
            title.append((f"  {facts.published}", "$text-muted"))
        if self.is_off:
            title.append(("  switched off (what-if: o back on)", "bold $text-warning"))
        self.query_one("#source-title", Static).update(Content.assemble(*title))

    @property
    def is_off(self) -> bool:
        return self.source in self.state.whatif.off_sources

    def action_switch_off(self) -> None:
        self.state = self.state.toggle_source(self.source)
        self._show_title()
        name = self.loaded.facts.title or self.source
        if self.is_off:
            self.notify(f"{name} switched off: the claims quoted from it alone are left out.", timeout=3, markup=False)
        else:
            self.notify(f"{name} back on.", timeout=3, markup=False)

    def _scroll_to_target(self) -> None:
        reader = self.query_one(SourceReader)
        y = reader.first_line_with("target")
        if y is not None:
            reader.scroll_to(y=max(y - 2, 0), animate=False, immediate=True)
        self._update_cited()

    def visible_span(self) -> tuple[int, int]:
        """The span of the normalised source text shown in the reader."""
        reader = self.query_one(SourceReader)
        shown = [reader.rows[i].key for i in reader.visible_rows()]
        paras = [k[1] for k in shown if isinstance(k, tuple) and k[0] == "para"]
        if not paras:
            return (0, 0)
        start = self.paragraphs[min(paras)][0]
        end = self.paragraphs[max(paras)][1]
        text = self.loaded.text
        return (text.to_normalised(start), text.to_normalised(end))

    def _update_cited(self) -> None:
        span = self.visible_span()
        if span == self._cited_key:
            return
        self._cited_key = span
        cites = self.debate.citing(self.source, *span)
        seen: list[str] = []
        for cite in cites:
            if cite.claim not in seen:
                seen.append(cite.claim)
        rows = [
            Row(
                ("cited", cid, self.state.step),
                claim_brief(self.debate, cid, self.state.step),
                target=("claim", cid),
                indent=2,
            )
            for cid in seen
        ]
        self.query_one("#cited-list", LineList).set_rows(rows)

    @on(SourceReader.Scrolled)
    def _scrolled(self) -> None:
        self._update_cited()

    @on(LineList.RowSelected, "#cited-list")
    def _open(self, event: LineList.RowSelected) -> None:
        target = event.target
        if isinstance(target, tuple) and target[0] == "claim":
            self.dismiss(self.state.follow(str(target[1])))

    def action_close(self) -> None:
        self.dismiss(self.state)
