"""Extensions by brute force: every subset checked against the definitions (small frameworks)."""

from __future__ import annotations

from itertools import combinations

from argmap.engine.framework import Framework


def _attacked_by(af: Framework, s: frozenset[int]) -> set[int]:
    return {b for a in s for b in af.targets[a]}


def complete_extensions(af: Framework) -> list[frozenset[int]]:
    """Sets that are conflict-free, defend each member, and contain all they defend."""
    n = af.n
    attackers = af.attackers
    out = []
    for k in range(n + 1):
        for subset in combinations(range(n), k):
            s = frozenset(subset)
            hit = _attacked_by(af, s)
            if hit & s:
                continue
            defended = {a for a in range(n) if all(b in hit for b in attackers[a])}
            if defended == s:
                out.append(s)
    return out


def preferred_extensions(af: Framework) -> list[frozenset[int]]:
    complete = complete_extensions(af)
    return [e for e in complete if not any(e < f for f in complete)]


def stable_extensions(af: Framework) -> list[frozenset[int]]:
    n = af.n
    out = []
    for k in range(n + 1):
        for subset in combinations(range(n), k):
            s = frozenset(subset)
            hit = _attacked_by(af, s)
            if not hit & s and hit | s == set(range(n)):
                out.append(s)
    return out


def grounded_extension(af: Framework) -> frozenset[int]:
    complete = complete_extensions(af)
    return min(complete, key=len)


def extensions(af: Framework, semantics: str) -> list[frozenset[int]]:
    if semantics == "grounded":
        return [grounded_extension(af)]
    return {"complete": complete_extensions, "preferred": preferred_extensions, "stable": stable_extensions}[semantics](
        af
    )
