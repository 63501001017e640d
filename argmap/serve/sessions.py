"""The sessions a server has open: how many it may have, and which have been idle too long.

Pure bookkeeping, told the time by its caller, so that the rules can be checked without a
browser or a clock.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import count
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass
class Slot(Generic[T]):
    """One open session: what the server holds for it, and when its student last typed."""

    number: int
    opened: float
    last_input: float
    held: T | None = None


@dataclass
class Sessions(Generic[T]):
    """At most ``cap`` sessions; one idle for ``idle_seconds`` or more is due to end."""

    cap: int
    idle_seconds: float
    _open: dict[int, Slot[T]] = field(default_factory=dict)
    _numbers: Iterator[int] = field(default_factory=lambda: count(1))

    def __len__(self) -> int:
        return len(self._open)

    def __iter__(self) -> Iterator[Slot[T]]:
        return iter(list(self._open.values()))

    @property
    def full(self) -> bool:
        return len(self._open) >= self.cap

    def open(self, now: float) -> Slot[T] | None:
        """A new slot, or None when the class is full."""
        if self.full:
            return None
        slot: Slot[T] = Slot(next(self._numbers), now, now)
        self._open[slot.number] = slot
        return slot

    def close(self, slot: Slot[T]) -> None:
        """Free the slot; doing it again does nothing."""
        self._open.pop(slot.number, None)

    @staticmethod
    def touch(slot: Slot[T], now: float) -> None:
        """The student typed, clicked or pasted."""
        slot.last_input = max(slot.last_input, now)

    def idle(self, now: float) -> list[Slot[T]]:
        """The slots whose student has done nothing for ``idle_seconds`` or more."""
        return [s for s in self._open.values() if now - s.last_input >= self.idle_seconds]
