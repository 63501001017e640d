"""Messages that travel from anywhere in the app up to the app itself."""

from __future__ import annotations

from typing import Literal

from textual.message import Message

JumpKind = Literal["claim", "step", "topic", "actor"]


class JumpRequested(Message):
    """Go back to the positions view and show a claim, step, topic or actor."""

    def __init__(self, kind: JumpKind, value: str) -> None:
        super().__init__()
        self.kind = kind
        self.value = value


ModeKind = Literal["walkthrough", "exercises", "roleplay"]


class ModeRequested(Message):
    """Start a classroom mode: a walkthrough, an exercise set or a role-play as a side."""

    def __init__(self, kind: ModeKind, value: str | None = None) -> None:
        super().__init__()
        self.kind = kind
        self.value = value
