"""The labels the positions view shows: computed at once on a small map; on a large one, off
the interface thread once the reader pauses, so that stepping through it stays smooth."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from argmap.tui.host import host
from argmap.views.positions import label_changes, shown_labels, status_text

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.timer import Timer

    from argmap.debate.index import Debate
    from argmap.engine.evaluation import Evaluation
    from argmap.engine.state import DebateState

LARGE_MAP = 3_000
"""Above this many claims, labels are computed off the interface thread."""
LABEL_DELAY = 0.15
"""Seconds of rest before a large map is labelled."""

Labels = dict[str, str]


class Labeller:
    """Labels a screen's states. ``labels`` answers at once when it can; otherwise it answers
    None and hands the labels to ``ready`` later, unless ``current`` (the screen's state) has
    moved on to other labels by then."""

    def __init__(
        self,
        screen: Screen[Any],
        current: Callable[[], DebateState],
        ready: Callable[[DebateState, Labels], None],
    ) -> None:
        self.screen = screen
        self._current = current
        self._ready = ready
        self.evaluation: Evaluation | None = None
        """The evaluation behind the labels last given."""
        self._timer: Timer | None = None
        self._painted = False

    @property
    def debate(self) -> Debate:
        return host(self.screen.app).debate

    def _evaluate(self, state: DebateState) -> Evaluation:
        return host(self.screen.app).evaluate(state)

    def forget(self) -> None:
        """Drop the evaluation kept: the debate was replaced."""
        self.evaluation = None

    def labels(self, state: DebateState) -> Labels | None:
        """Each claim's label at the state's step, or None while they are computed."""
        if not self._painted:
            # The first paint comes before the engine is even imported: startup stays quick.
            self._painted = True
            self.screen.call_after_refresh(self._label_after_paint, state)
            return None
        if len(self.debate.claims) <= LARGE_MAP:
            return self._label_map(state, self._evaluate(state))
        # Start only once the reader pauses: stepping quickly through a large map stays smooth.
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.screen.set_timer(
            LABEL_DELAY,
            lambda: self.screen.run_worker(lambda: self._compute(state), thread=True, exclusive=True, group="labels"),
        )
        return None

    def _label_after_paint(self, state: DebateState) -> None:
        if len(self.debate.claims) <= LARGE_MAP:
            self._computed(state, self._evaluate(state))
        else:
            self.labels(state)

    def _compute(self, state: DebateState) -> None:
        evaluation = self._evaluate(state)
        self.screen.app.call_from_thread(self._computed, state, evaluation)

    def _computed(self, state: DebateState, evaluation: Evaluation) -> None:
        if state.evaluation_key != self._current().evaluation_key:
            return  # the reader has moved on; a newer computation is under way
        self._ready(state, self._label_map(state, evaluation))

    def _label_map(self, state: DebateState, evaluation: Evaluation) -> Labels:
        self.evaluation = evaluation
        return shown_labels(self.debate, state, evaluation)

    def changes(self, state: DebateState) -> int:
        """How many labels this step changed (claims new at the step aside); small maps only."""
        if state.step <= self.debate.first_step or len(self.debate.claims) > LARGE_MAP:
            return 0
        before = self._evaluate(state.at_step(state.step - 1)).labels
        return label_changes(before, self.evaluation.labels if self.evaluation is not None else {})

    def status(self, state: DebateState, *, computing: bool) -> str:
        """The step bar's status: the semantics and the label counts, or that they are computed."""
        changed = 0 if computing else self.changes(state)
        return status_text(state, self.evaluation, computing=computing, changed=changed)
