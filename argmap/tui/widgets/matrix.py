"""The position matrix: topics down, sides across, each cell a side's current stance."""

from __future__ import annotations

from textual import events
from textual.message import Message

from argmap.tui.widgets.lines import LineList
from argmap.views.present import RowMaker, StepView
from argmap.views.rows import Row


class MatrixHeader(LineList):
    """The side names above the matrix, aligned with its cells."""

    def __init__(self, maker: RowMaker, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.can_focus = False
        self._maker = maker

    def on_resize(self, event: events.Resize) -> None:
        self._rebuild()

    def on_mount(self) -> None:
        self._rebuild()

    def use(self, maker: RowMaker) -> None:
        """Draw from another debate's row maker (the scenario was read again)."""
        self._maker = maker
        self._rebuild()

    def _rebuild(self) -> None:
        lines = self._maker.matrix_header(self._content_width())
        debate = self._maker.debate
        pieces = (("Topic ", "label"), *((debate.actor_name(side) + " ", "side") for side in debate.sides))
        self.set_rows([Row(("header", lines), pieces, wrap=False, block=lines)])
        self.styles.height = len(lines)  # a side's name may wrap: the header grows with it


class PositionMatrix(LineList):
    """One row per topic; the cursor picks a topic."""

    class TopicHighlighted(Message):
        def __init__(self, topic: str) -> None:
            super().__init__()
            self.topic = topic

    class TopicSelected(Message):
        def __init__(self, topic: str) -> None:
            super().__init__()
            self.topic = topic

    def __init__(self, maker: RowMaker, view: StepView, *, id: str | None = None) -> None:
        super().__init__(id=id, empty="No topics.")
        self._maker = maker
        self._view = view

    def show(self, view: StepView) -> None:
        self._view = view
        self._rebuild()

    def use(self, maker: RowMaker) -> None:
        """Draw from another debate's row maker; the next ``show`` gives the view."""
        self._maker = maker

    def _rebuild(self) -> None:
        width = self._content_width() if self.is_mounted else 80
        self.set_rows(self._maker.matrix_rows(self._view, width))

    def on_mount(self) -> None:
        self._rebuild()

    def on_resize(self, event: events.Resize) -> None:
        self._rebuild()

    def make_highlighted(self, row: Row) -> Message:
        return self.TopicHighlighted(str(row.target))

    def make_selected(self, row: Row) -> Message:
        return self.TopicSelected(str(row.target))
