"""The semantics in a student's words: what each one asks of an accepted claim, how it differs
from grounded, and what its labels mean."""

from __future__ import annotations

from argmap.engine.semantics_registry import BY_NAME, Semantics

NAME: dict[Semantics, str] = {s: s.capitalize() for s in BY_NAME}

DIFFERENCE: dict[Semantics, str] = {
    "grounded": "Only what follows from claims beyond dispute counts: where two claims attack each other "
    "and nothing settles it, both stay undecided.",
    "preferred": "Differs from grounded where claims attack each other and nothing settles it: each "
    "standpoint takes one side, so such a claim is open (held in some standpoints, not all) rather "
    "than undecided. Where no such dispute is open, the labels are grounded's.",
    "stable": "Like preferred, but a standpoint must also attack every claim left out of it; where "
    "no standpoint can, none exists and every claim is undecided.",
    "complete": "Every complete standpoint holds the grounded one, so complete accepts and rejects "
    "what grounded does; it differs only in counting more standpoints.",
}

_GROUNDED_LABELS = {
    "in": "every attack on it is beaten by accepted claims",
    "out": "an accepted claim attacks it",
    "undec": "neither can be shown (attacks that go round, unsettled)",
}


def label_meaning(semantics: Semantics | None, label: str) -> str:
    """What a label says of a claim under a semantics (None: under any but grounded)."""
    if semantics == "grounded":
        return _GROUNDED_LABELS[label]
    kind = f"{semantics} " if semantics else ""
    return {
        "in": f"every {kind}standpoint holds it",
        "out": f"no {kind}standpoint holds it",
        "undec": f"some {kind}standpoints hold it and some do not",
    }[label]


def explained(semantics: Semantics) -> str:
    """One semantics in a few sentences: what accepted means, and how it differs from grounded."""
    return f"{NAME[semantics]}: {BY_NAME[semantics].explanation} {DIFFERENCE[semantics]}"
