"""What screens may ask of the app: the debate on show, and its labels.

Screens never keep the debate: they read it here each time, so that the app can replace it
(``ArgmapApp.replace_loaded``) and the screens still open follow.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from textual.app import App

    from argmap.debate.index import Debate
    from argmap.engine.evaluation import Evaluation
    from argmap.engine.state import DebateState


@runtime_checkable
class Host(Protocol):
    @property
    def debate(self) -> Debate: ...

    def evaluate(self, state: DebateState) -> Evaluation:
        """The labels at a state's step, under its semantics and what-if."""
        ...


def host(app: App[object]) -> Host:
    """The app a screen runs in, as what screens may ask of it."""
    if not isinstance(app, Host):
        raise TypeError(f"argmap screens run in an app with a debate, not {type(app).__name__}")
    return app
