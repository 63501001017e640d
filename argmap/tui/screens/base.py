"""What screens showing the debate share: the debate, read from the app each time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message_pump import MessagePump

from argmap.tui.host import host

if TYPE_CHECKING:
    from argmap.debate.index import Debate
    from argmap.engine.evaluation import Evaluation
    from argmap.engine.state import DebateState


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
