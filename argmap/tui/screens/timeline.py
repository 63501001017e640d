"""The keys that move through time: a step back or on, the first or last step, a date."""

from __future__ import annotations

from textual.binding import Binding

from argmap.tui.messages import DateRequested
from argmap.tui.screens.base import OnState

# Priority: the arrows, Home and End step through time even while a list has the focus.
TIMELINE_BINDINGS = (
    Binding("left", "step_back", "Step back", key_display="←", priority=True),
    Binding("right", "step_forward", "Step on", key_display="→", priority=True),
    Binding("home", "first_step", "First step", show=False, priority=True),
    Binding("end", "last_step", "Last step", show=False, priority=True),
    Binding("d", "jump_to_date", "Date"),
)


class TimelineKeys(OnState):
    """Each key moves the screen's state to another step."""

    def action_step_back(self) -> None:
        self.apply(self.state.step_back())

    def action_step_forward(self) -> None:
        self.apply(self.state.step_forward())

    def action_first_step(self) -> None:
        self.apply(self.state.to_first())

    def action_last_step(self) -> None:
        self.apply(self.state.to_last())

    def action_jump_to_date(self) -> None:
        self.post_message(DateRequested(self.go_to_step))

    def go_to_step(self, step: int | None) -> None:
        if step is not None:
            self.apply(self.state.at_step(step))
