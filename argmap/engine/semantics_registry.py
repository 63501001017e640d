"""The semantics argmap knows: one record each, in one canonical order.

Everything that lists semantics (the solvers' dispatch, the ICCMA codes, the command line's
choices, the order the interface steps through) reads it from here. The module holds data
only, so that front ends can read it without loading the solvers.
"""

from __future__ import annotations

from typing import Literal, NamedTuple, get_args

Semantics = Literal["grounded", "complete", "preferred", "stable"]


class SemanticsInfo(NamedTuple):
    name: Semantics
    code: str
    """The ICCMA abbreviation, as in ``DC-PR``."""
    explanation: str
    """What it means for a claim to be accepted under this semantics, in one line."""
    cycle: int
    """Where the interface's ``m`` key brings it: grounded first, complete last because its
    labels add least to grounded's."""


REGISTRY: tuple[SemanticsInfo, ...] = (
    SemanticsInfo(
        "grounded",
        "GR",
        "accepted when every attack on it is beaten by claims that are themselves beyond dispute: "
        "the most cautious reading.",
        0,
    ),
    SemanticsInfo(
        "complete",
        "CO",
        "accepted when every complete standpoint holds it: a set of claims that hangs together, "
        "answers every attack on its members and takes in every claim it defends.",
        3,
    ),
    SemanticsInfo(
        "preferred",
        "PR",
        "accepted when every preferred standpoint holds it: a largest set of claims that hangs together "
        "and answers every attack on its members.",
        1,
    ),
    SemanticsInfo(
        "stable",
        "ST",
        "accepted when every stable standpoint holds it: a set of claims that hangs together "
        "and attacks every claim left outside it.",
        2,
    ),
)

SEMANTICS: tuple[Semantics, ...] = tuple(s.name for s in REGISTRY)
BY_NAME: dict[Semantics, SemanticsInfo] = {s.name: s for s in REGISTRY}
SHORT: dict[str, Semantics] = {s.code: s.name for s in REGISTRY}
"""ICCMA code -> semantics."""
CYCLE: tuple[Semantics, ...] = tuple(s.name for s in sorted(REGISTRY, key=lambda s: s.cycle))
"""The order the interface steps through the semantics."""

assert set(SEMANTICS) == set(get_args(Semantics)) and len(SEMANTICS) == len(REGISTRY)
assert sorted(s.cycle for s in REGISTRY) == list(range(len(REGISTRY)))
