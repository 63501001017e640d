"""Who speaks for which side: the outermost side above each actor, and the sides of each claim.

The *sides* are the actors of kind ``side`` with no side above them, in file order. A claim
belongs to the side of its speaker and, for a joint statement, to the sides of the other
parties too. Commentators are never a side: their claims (and those of actors outside every
side) are kept apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from argmap.scenario.model import Actor, Claim
from argmap.scenario.sides import side_of


def outermost_sides(actors: Iterable[Actor]) -> dict[str, str | None]:
    """Each actor's side: the outermost side above it (itself for such a side), or None for
    commentators and actors outside every side."""
    actors = list(actors)
    parents = {a.id: a.parent for a in actors}
    kinds: dict[str, str] = {a.id: a.kind for a in actors}
    out: dict[str, str | None] = {}
    for actor in actors:
        side = None if actor.kind == "commentator" else side_of(actor.id, parents, kinds)
        # A side nested in another counts for the outermost one.
        while side is not None and parents.get(side) is not None:
            above = side_of(parents[side] or "", parents, kinds)
            if above is None or above == side:
                break
            side = above
        out[actor.id] = side
    return out


def top_sides(actors: Iterable[Actor], side_of_actor: Mapping[str, str | None]) -> tuple[str, ...]:
    """The sides, in file order."""
    return tuple(a.id for a in actors if a.kind == "side" and side_of_actor[a.id] == a.id)


def claim_speakers(
    claims: Iterable[Claim], side_of_actor: Mapping[str, str | None]
) -> dict[str, tuple[tuple[str, str], ...]]:
    """Each side a claim speaks for, with the party speaking for it: the speaker's side first,
    then those of the other parties of a joint statement."""
    out: dict[str, tuple[tuple[str, str], ...]] = {}
    for claim in claims:
        pairs: list[tuple[str, str]] = []
        for party in (claim.actor, *claim.with_):
            side = side_of_actor.get(party)
            if side is not None and all(s != side for s, _ in pairs):
                pairs.append((side, party))
        out[claim.id] = tuple(pairs)
    return out
