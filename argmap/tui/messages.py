"""Messages that travel from anywhere in the app up to the app itself.

Screens ask for another screen or a mode with these; the app, which owns the debate and the
screen stack, answers. A request that wants the outcome back (the state a claim screen closes
with, the claim picked in a search) carries a ``reply``, called with it when that screen closes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from textual.message import Message

from argmap.debate.index import Debate
from argmap.engine.state import DebateState

StateReply = Callable[[DebateState | None], None]


def _ignore(_: object) -> None:
    return None


JumpKind = Literal["claim", "step", "topic", "actor"]


class JumpRequested(Message):
    """Go back to the positions view and show a claim, step, topic or actor."""

    def __init__(self, kind: JumpKind, value: str) -> None:
        super().__init__()
        self.kind = kind
        self.value = value


ModeKind = Literal["walkthrough", "exercises", "roleplay"]


class ModeRequested(Message):
    """Start a classroom mode: a walkthrough, an exercise set or a role-play as a side; with no
    value, the one to start is asked for (or resumed)."""

    def __init__(self, kind: ModeKind, value: str | None = None) -> None:
        super().__init__()
        self.kind = kind
        self.value = value


class ClaimRequested(Message):
    """Open the claim detail on ``state.selected``; ``reply`` gets the state it closes with."""

    def __init__(self, state: DebateState, reply: StateReply = _ignore) -> None:
        super().__init__()
        self.state = state
        self.reply = reply


class TreeRequested(Message):
    """Open the debate tree of ``state.selected``; ``reply`` gets the state selecting the claim
    opened from it, or None."""

    def __init__(self, state: DebateState, reply: StateReply = _ignore) -> None:
        super().__init__()
        self.state = state
        self.reply = reply


class SourceRequested(Message):
    """Open a source in the reader, on a span of its normalised text when given."""

    def __init__(
        self, state: DebateState, source: str, span: tuple[int, int] | None, reply: StateReply = _ignore
    ) -> None:
        super().__init__()
        self.state = state
        self.source = source
        self.span = span
        self.reply = reply

    @classmethod
    def of_quote(
        cls, debate: Debate, state: DebateState, claim: str, index: int, reply: StateReply = _ignore
    ) -> SourceRequested | None:
        """The reader on one of a claim's quotes; None when its source's text is not there."""
        evidence = debate.claims[claim].evidence
        if index >= len(evidence) or evidence[index].source not in debate.sources:
            return None
        cite = debate.citation(claim, index)
        span = (cite.start, cite.end) if cite is not None else None
        return cls(state, evidence[index].source, span, reply)


class SearchRequested(Message):
    """Open the search; ``reply`` gets the claim picked, or None."""

    def __init__(self, state: DebateState, reply: Callable[[str | None], None]) -> None:
        super().__init__()
        self.state = state
        self.reply = reply


class StandpointsRequested(Message):
    """Open the standpoints at a state; ``reply`` gets the state opening the claim picked."""

    def __init__(self, state: DebateState, reply: StateReply = _ignore) -> None:
        super().__init__()
        self.state = state
        self.reply = reply


class DateRequested(Message):
    """Ask for a date; ``reply`` gets its step, or None."""

    def __init__(self, reply: Callable[[int | None], None]) -> None:
        super().__init__()
        self.reply = reply


class GlossaryRequested(Message):
    """Open the glossary, on a term when given."""

    def __init__(self, term: str | None = None) -> None:
        super().__init__()
        self.term = term


class ExportRequested(Message):
    """Export the reader's view (its step, what-if and semantics) to a file; with no format
    named, the reader picks one."""

    def __init__(self, state: DebateState, fmt: str | None = None) -> None:
        super().__init__()
        self.state = state
        self.fmt = fmt
