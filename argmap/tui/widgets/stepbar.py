"""The current moment of the debate: step, date and what happened, always in view."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from argmap.debate.index import Debate


class StepBar(Static):
    """Title, then the step, its date and label, and a strip showing where it sits in time."""

    DEFAULT_CSS = """
    StepBar { height: 2; padding: 0 1; background: $panel; }
    """

    _shown: tuple[Debate, int, str, str] | None = None

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
        room = width - line.cell_length - 2
        if room >= 10:
            span = debate.last_step - debate.first_step or 1
            bar = min(room, 40)
            at = round((step - debate.first_step) / span * (bar - 1))
            strip = "─" * at + "●" + "─" * (bar - at - 1)
            line = Content.assemble(line, ("  " + " " * (room - bar), ""), (strip, "$text-muted"))
        self.update(Content("\n").join([head, line]))
