"""A scrolling list of wrapped rows with a row cursor, drawn line by line.

Only the visible lines are drawn, and wrapping is cached per row, so a list of thousands of
claims stays quick to update as the debate steps forward: rows that did not change keep their
wrapped lines.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Hashable, Iterator, Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from argmap.views.rows import Line, Row, wrap_pieces

ROLES = (
    "heading",
    "side",
    "for",
    "against",
    "neutral",
    "conflicting",
    "none",
    "speaker",
    "date",
    "new",
    "changed",
    "flag",
    "dim",
    "later",
    "quote",
    "target",
    "term",
    "key",
    "label",
    "match",
    "title",
    "label-in",
    "label-out",
    "label-undec",
    "label-off",
    "whatif",
)


class LineList(ScrollView, can_focus=True):
    """Rows of styled text; up and down move between rows that can be chosen, Enter chooses."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor_up", "Up", show=False),
        Binding("down", "cursor_down", "Down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "choose", "Open", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "line-list--cursor",
        "line-list--cursor-blurred",
        *(f"line-list--{r}" for r in ROLES),
    }

    DEFAULT_CSS = """
    LineList {
        height: 1fr;
        overflow-x: hidden;
        scrollbar-gutter: stable;
        scrollbar-size-vertical: 1;
        background: $surface;
    }
    LineList > .line-list--cursor {
        background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold;
    }
    LineList > .line-list--cursor-blurred { background: $panel; }
    LineList > .line-list--heading { text-style: bold; color: $text-primary; }
    LineList > .line-list--title { text-style: bold; }
    LineList > .line-list--side { text-style: bold; }
    LineList > .line-list--for { color: $text-success; text-style: bold; }
    LineList > .line-list--against { color: $text-error; text-style: bold; }
    LineList > .line-list--neutral { color: $text-secondary; text-style: bold; }
    LineList > .line-list--conflicting { color: $text-warning; text-style: bold reverse; }
    LineList > .line-list--none { color: $text-muted; }
    LineList > .line-list--speaker { color: $text-muted; }
    LineList > .line-list--date { color: $text-muted; }
    LineList > .line-list--dim { color: $text-muted; }
    LineList > .line-list--later { color: $text-disabled; text-style: italic; }
    LineList > .line-list--new { background: $primary-muted; }
    LineList > .line-list--changed { color: $text-warning; text-style: bold; }
    LineList > .line-list--flag { color: $text-warning; text-style: bold; }
    LineList > .line-list--quote { text-style: italic; }
    LineList > .line-list--target { background: $warning-muted; text-style: bold; }
    LineList > .line-list--term { text-style: underline; }
    LineList > .line-list--key { color: $text-accent; text-style: bold; }
    LineList > .line-list--label { color: $text-muted; text-style: bold; }
    LineList > .line-list--match { text-style: bold underline; }
    LineList > .line-list--label-in { color: $text-success; text-style: bold; }
    LineList > .line-list--label-out { color: $text-error; text-style: bold; }
    LineList > .line-list--label-undec { color: $text-warning; text-style: bold; }
    LineList > .line-list--label-off { color: $text-disabled; text-style: strike; }
    LineList > .line-list--whatif { color: $text-warning; text-style: bold reverse; }
    """

    class _RowMessage(Message):
        def __init__(self, line_list: LineList, row: Row) -> None:
            super().__init__()
            self.line_list = line_list
            self.row = row

        @property
        def target(self) -> Hashable | None:
            return self.row.target

        @property
        def control(self) -> LineList:
            return self.line_list

    class RowHighlighted(_RowMessage):
        """The cursor moved to a row."""

    class RowSelected(_RowMessage):
        """A row was chosen (Enter, or a click on the row under the cursor)."""

    def __init__(
        self,
        rows: Sequence[Row] = (),
        *,
        empty: str = "",
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._rows: list[Row] = list(rows)
        self._empty = empty
        self._cursor = -1
        self._width = 0
        self._wrapped_rows: list[list[Line]] = []
        self._row_start: list[int] = []
        self._total = 0
        self._wrapped: dict[tuple[Hashable, int], list[Line]] = {}
        self._styles: dict[str, Style] = {}
        self._base = Style()
        self._cursor_to_first()

    # --- data -----------------------------------------------------------------------------

    @property
    def rows(self) -> list[Row]:
        return self._rows

    @property
    def cursor_row(self) -> Row | None:
        return self._rows[self._cursor] if 0 <= self._cursor < len(self._rows) else None

    @property
    def highlighted(self) -> Hashable | None:
        row = self.cursor_row
        return row.target if row is not None else None

    def set_rows(self, rows: Sequence[Row], *, keep: Hashable | None = None, empty: str | None = None) -> None:
        """Replace the rows; the cursor stays on ``keep`` (or on the same target) if present."""
        wanted = keep if keep is not None else self.highlighted
        if empty is not None and empty != self._empty:
            self._empty = empty
            self.refresh()
        if len(rows) == len(self._rows) and all(a is b for a, b in zip(rows, self._rows, strict=True)):
            # Nothing changed (rows are cached and reused): keep the layout, move the cursor only.
            if keep is not None and keep != self.highlighted:
                index = self._index_of(keep)
                if index >= 0:
                    self._cursor = index
                    self._scroll_cursor_visible()
                    self.refresh()
            return
        old_top = self._row_start[self._cursor] - self.scroll_offset.y if self._moved_cursor() else None
        self._rows = list(rows)
        if empty is not None:
            self._empty = empty
        self._cursor = -1
        if wanted is not None:
            self._cursor = self._index_of(wanted)
        if self._cursor < 0:
            self._cursor_to_first()
        self._layout()
        if old_top is not None and 0 <= self._cursor < len(self._row_start):
            # Keep the highlighted row where it was on screen, so stepping does not jump.
            self.scroll_to(y=max(0, self._row_start[self._cursor] - old_top), animate=False, immediate=True)
        self.refresh()

    def _moved_cursor(self) -> bool:
        return 0 <= self._cursor < len(self._row_start)

    def _index_of(self, target: Hashable) -> int:
        for i, row in enumerate(self._rows):
            if row.target == target:
                return i
        return -1

    def _cursor_to_first(self) -> None:
        self._cursor = next((i for i, r in enumerate(self._rows) if r.target is not None), -1)

    def move_to(self, target: Hashable, *, top: bool = False) -> bool:
        """Put the cursor on the row with a target; False when there is none."""
        index = self._index_of(target)
        if index < 0:
            return False
        self._set_cursor(index, top=top)
        return True

    def scroll_to_row(self, match: Callable[[Row], bool]) -> bool:
        """Scroll so that the first row matching is at the top; False when none does."""
        for i, row in enumerate(self._rows):
            if match(row) and i < len(self._row_start):
                self.scroll_to(y=self._row_start[i], animate=False, immediate=True)
                return True
        return False

    def reveal(self, first: Callable[[Row], bool], last: Hashable) -> None:
        """Scroll so that the row with target ``last`` is in view, and the first row matching
        ``first`` too when both fit (else that row at the top)."""
        found = next((i for i, row in enumerate(self._rows) if first(row)), -1)
        at = self._index_of(last)
        if found < 0 or at < 0 or len(self._row_start) != len(self._rows):
            return
        start = self._row_start[found]
        end = self._row_start[at + 1] if at + 1 < len(self._row_start) else self._total
        height = self.scrollable_content_region.height
        top = self.scroll_offset.y
        if end > top + height:
            top = end - height
        self.scroll_to(y=max(0, min(start, top)), animate=False, immediate=True)

    def first_target_after(self, match: Callable[[Row], bool]) -> Hashable | None:
        """The first target at or after the first row matching."""
        seen = False
        for row in self._rows:
            seen = seen or match(row)
            if seen and row.target is not None:
                return row.target
        return None

    # --- layout ---------------------------------------------------------------------------

    def _content_width(self) -> int:
        return max(self.scrollable_content_region.width, 1)

    def _layout(self) -> None:
        width = self._content_width()
        if not self.is_mounted or self.size.width == 0:
            # Not laid out yet: wrap once the width is known (on resize).
            self._width = 0
            self._wrapped_rows, self._row_start, self._total = [], [], 0
            return
        if width != self._width:
            self._wrapped.clear()
            self._width = width
        cache = self._wrapped
        wrapped_rows: list[list[Line]] = []
        for row in self._rows:
            if row.block:
                wrapped_rows.append(list(row.block))
                continue
            if not row.wrap:
                wrapped_rows.append([row.pieces])
                continue
            key = (row.key, width)
            wrapped = cache.get(key)
            if wrapped is None:
                wrapped = cache[key] = wrap_pieces(row.pieces, width, row.indent)
            wrapped_rows.append(wrapped)
        starts = list(itertools.accumulate(map(len, wrapped_rows), initial=0))
        total = starts.pop()
        # An empty list keeps one line for its placeholder text.
        height = total or 1
        grew = height != self.virtual_size.height
        self._wrapped_rows, self._row_start, self._total = wrapped_rows, starts, total
        self.virtual_size = Size(width, height)
        if grew and self.styles.height is not None and self.styles.height.is_auto:
            self.refresh(layout=True)

    @property
    def line_count(self) -> int:
        return self._total

    def line_at(self, y: int) -> tuple[int, Line] | None:
        """The row index and the line shown at a line of the whole list."""
        if not 0 <= y < self._total:
            return None
        index = bisect.bisect_right(self._row_start, y) - 1
        return index, self._wrapped_rows[index][y - self._row_start[index]]

    def lines(self) -> Iterator[tuple[int, Line]]:
        """Every line of the list with its row index, top to bottom."""
        for index, wrapped in enumerate(self._wrapped_rows):
            for line in wrapped:
                yield index, line

    def on_mount(self) -> None:
        self._layout()

    def on_resize(self, event: events.Resize) -> None:
        if self._content_width() != self._width or (self._rows and not self._total):
            self._layout()
            self._scroll_cursor_visible()
            self.refresh()

    # --- drawing --------------------------------------------------------------------------

    def _style(self, role: str) -> Style:
        if not role:
            return Style()
        style = self._styles.get(role)
        if style is None:
            style = self._styles[role] = self.get_component_rich_style(
                f"line-list--{role}", partial=True, default=Style()
            )
        return style

    def render_lines(self, crop: Region) -> list[Strip]:
        # Styles are looked up once per redraw, not once per line.
        self._styles = {}
        self._base = self.rich_style
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self._content_width()
        base = self._base
        index = self.scroll_offset.y + y
        if not self._total:
            if y == 0 and self._empty and not self._rows:
                text = self._empty[:width]
                return Strip([Segment(text, base + self._style("dim"))]).extend_cell_length(width, base)
            return Strip.blank(width, base)
        found = self.line_at(index)
        if found is None:
            return Strip.blank(width, base)
        row_index, line = found
        row = self._rows[row_index]
        style = base + self._style(row.role)
        if row_index == self._cursor and row.target is not None:
            cursor = self._style("cursor" if self.has_focus else "cursor-blurred")
        else:
            cursor = None
        segments = []
        for text, role in line:
            s = style + self._style(role) if role else style
            if cursor is not None:
                s = s + cursor
            segments.append(Segment(text, s))
        pad_style = style + cursor if cursor is not None else style
        return Strip(segments).extend_cell_length(width, pad_style).crop(0, width)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # --- moving ---------------------------------------------------------------------------

    def _set_cursor(self, index: int, *, top: bool = False) -> None:
        changed = index != self._cursor
        self._cursor = index
        if top and 0 <= index < len(self._row_start):
            self.scroll_to(y=self._row_start[index], animate=False, immediate=True)
        else:
            self._scroll_cursor_visible()
        self.refresh()
        row = self.cursor_row
        if changed and row is not None:
            self.post_message(self.make_highlighted(row))

    def _scroll_cursor_visible(self) -> None:
        if not (0 <= self._cursor < len(self._row_start)):
            return
        start = self._row_start[self._cursor]
        end = self._row_start[self._cursor + 1] if self._cursor + 1 < len(self._row_start) else self._total
        height = self.scrollable_content_region.height
        # Show the heading above the first row too.
        above = self._cursor - 1
        if above >= 0 and self._rows[above].target is None and start - self._row_start[above] <= 2:
            start = self._row_start[above]
        if height <= 0:
            return
        top = self.scroll_offset.y
        if start < top:
            self.scroll_to(y=start, animate=False, immediate=True)
        elif end > top + height:
            self.scroll_to(y=min(start, end - height), animate=False, immediate=True)

    def _step(self, direction: int, count: int = 1) -> None:
        index = self._cursor
        found = index
        while count > 0:
            index += direction
            if not (0 <= index < len(self._rows)):
                break
            if self._rows[index].target is not None:
                found = index
                count -= 1
        if found != self._cursor and found >= 0:
            self._set_cursor(found)
        elif found < 0 or found == self._cursor:
            # Nothing more to choose: still let the reader see the rest.
            if direction > 0:
                self.scroll_relative(y=1, animate=False)
            else:
                self.scroll_relative(y=-1, animate=False)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_page_up(self) -> None:
        self._step(-1, max(self.scrollable_content_region.height // 2, 1))

    def action_page_down(self) -> None:
        self._step(1, max(self.scrollable_content_region.height // 2, 1))

    def forget_layout(self) -> None:
        """Drop the wrapped lines kept by row key: the rows' texts may have changed under the
        same keys (the scenario was read again)."""
        self._wrapped.clear()
        self._width = 0

    def action_first(self) -> None:
        """The first row that can be chosen, and the top of the list."""
        self._step(-1, len(self._rows))
        if all(r.target is None for r in self._rows[: max(self._cursor, 0)]):
            self.scroll_to(y=0, animate=False, immediate=True)

    def action_last(self) -> None:
        """The last row that can be chosen, and the end of the list when it is the last."""
        self._step(1, len(self._rows))
        if all(r.target is None for r in self._rows[self._cursor + 1 :]):
            self.scroll_end(animate=False, immediate=True)

    def action_choose(self) -> None:
        row = self.cursor_row
        if row is not None and row.target is not None:
            self.post_message(self.make_selected(row))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = self.scroll_offset.y + offset.y
        found = self.line_at(index)
        if found is None:
            return
        row_index = found[0]
        if self._rows[row_index].target is None:
            return
        if row_index == self._cursor or event.chain > 1:
            self._set_cursor(row_index)
            self.action_choose()
        else:
            self._set_cursor(row_index)

    # --- messages (subclasses post their own kinds) ---------------------------------------

    def make_highlighted(self, row: Row) -> Message:
        return self.RowHighlighted(self, row)

    def make_selected(self, row: Row) -> Message:
        return self.RowSelected(self, row)
