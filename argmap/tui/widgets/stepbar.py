"""The current moment of the debate: step, date and what happened, always in view."""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from argmap.debate.index import Debate


class StepBar(Static):
    """Title, then the step, its date and label, and a strip showing where it sits in time."""

    DEFAULT_CSS = """
    StepBar { height: 2; padding: 0 1; background: $panel; }
    """

    _shown: tuple[Debate, int, str, str] | None = None
    _places: tuple[int, int, int, int] = (0, 0, 0, 0)
    """Where ▶ ends, where ▶ starts, and the strip's first column and width (0: no strip)."""

    class StepClicked(Message):
        """A click on ◀, ▶ or a place on the strip: the step it asks for."""

        def __init__(self, step: int) -> None:
            super().__init__()
            self.step = step

    def on_click(self, event: events.Click) -> None:
        if self._shown is None or event.y != 1:
            return
        debate, step = self._shown[0], self._shown[1]
        back_end, forward_start, strip_start, strip_width = self._places
        x = event.x - 1  # the padding
        if 0 <= x < back_end:
            wanted = step - 1
        elif forward_start <= x < forward_start + 1:
            wanted = step + 1
        elif strip_width and strip_start <= x < strip_start + strip_width:
            span = debate.last_step - debate.first_step
            wanted = debate.first_step + round((x - strip_start) / max(strip_width - 1, 1) * span)
        else:
            return
        self.post_message(self.StepClicked(debate.clamp(wanted)))

    def on_resize(self) -> None:
        if self._shown is not None:
            self.show(*self._shown)

    def show(self, debate: Debate, step: int, status: str = "", alert: str = "") -> None:
        """``status`` (the semantics and label counts) and ``alert`` (an active what-if) show at
        the right of the title line."""
        self._shown = (debate, step, status, alert)
        current = debate.step(step)
        total = debate.last_step
        date = "" if current.standing else current.date.describe()
        precision = "" if current.standing else f" ({current.date.precision})"
        width = max(self.content_region.width, 20)
        right = Content.assemble(
            (f" {alert} ", "bold reverse $text-warning") if alert else ("", ""),
            ("  " if alert and status else "", ""),
            (status, "$text-muted"),
        )
        title = debate.scenario.title
        room_for_title = max(width - right.cell_length - 4, 10)
        if len(title) > room_for_title:
            title = title[: room_for_title - 1] + "…"
        gap = max(width - len(title) - right.cell_length - 2, 2)
        head = Content.assemble((title, "bold"), (" " * gap, ""), right)
        label = "" if current.label == date else current.label
        fixed = len(f"◀ Step {step} of {total}  {date}{precision}  ") + 3
        if fixed + len(label) > width - 2:
            precision = ""  # the date's precision goes first, then the label is cut
            fixed = len(f"◀ Step {step} of {total}  {date}  ") + 3
            if fixed + len(label) > width - 2:
                room = max(width - 2 - fixed, 1)
                label = label[: room - 1].rstrip() + "…" if room > 1 else "…"
        line = Content.assemble(
            ("◀ ", "$text-muted"),
            (f"Step {step} of {total}", "bold"),
            ("  ", ""),
            (date, "bold $text-accent"),
            (precision, "$text-muted"),
            ("  " if date else "", ""),
            (label, ""),
            ("  ▶", "$text-muted"),
        )
        forward = line.cell_length - 1
        self._places = (2, forward, 0, 0)
        room = width - line.cell_length - 2
        if room >= 10:
            span = debate.last_step - debate.first_step or 1
            bar = min(room, 40)
            at = round((step - debate.first_step) / span * (bar - 1))
            strip = "─" * at + "●" + "─" * (bar - at - 1)
            self._places = (2, forward, line.cell_length + 2 + room - bar, bar)
            line = Content.assemble(line, ("  " + " " * (room - bar), ""), (strip, "$text-muted"))
        self.update(Content("\n").join([head, line]))
