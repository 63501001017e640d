"""Which side an actor speaks for."""

from __future__ import annotations

from collections.abc import Mapping


def side_of(actor_id: str, parents: Mapping[str, str | None], kinds: Mapping[str, str]) -> str | None:
    """The top-level side an actor belongs to (itself for a side), or None."""
    seen = set()
    current: str | None = actor_id
    while current is not None and current not in seen:
        seen.add(current)
        if kinds.get(current) == "side":
            return current
        current = parents.get(current)
    return None
