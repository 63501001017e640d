"""What screens showing the debate share: the debate, read from the app each time, and the
reading state that the key sets mixed into them act on."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.message_pump import MessagePump

from argmap.tui.host import host

if TYPE_CHECKING:
    from textual.screen import Screen

    from argmap.debate.index import Debate
    from argmap.engine.evaluation import Evaluation
    from argmap.engine.state import DebateState

    ScreenMixin = Screen[Any]
else:
    # A mixin's methods call the screen's (notify, query_one...); the type checker is told
    # they are there, while at run time the mixin stays a plain class, adding nothing to the
    # screen's bindings, styles or handlers.
    ScreenMixin = object


class OnDebate:
    """Mixed into a screen that shows the app's debate."""

    @property
    def debate(self) -> Debate:
        assert isinstance(self, MessagePump)
        return host(self.app).debate

    def evaluate(self, state: DebateState) -> Evaluation:
        """The labels at a state, as the app computes (and remembers) them."""
        assert isinstance(self, MessagePump)
        return host(self.app).evaluate(state)

    def debate_replaced(self) -> bool:
        """Redraw for the debate the app now holds; False when this screen cannot show it and
        is to close."""
        return False


class OnState(OnDebate, ScreenMixin):
    """Mixed into a screen that holds where the reader is, for the key sets that change it."""

    state: DebateState

    def apply(self, state: DebateState) -> None:
        """Adopt a new state and redraw what it changes."""
        raise NotImplementedError

    def target_claim(self) -> str | None:
        """The claim the keys act on: the selected one, unless the screen says otherwise."""
        return self.state.selected
