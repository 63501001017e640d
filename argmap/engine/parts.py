"""Cutting a framework into parts that can be solved apart.

Two facts make the hard semantics cheap on argument maps:

* Every complete labelling extends the grounded one, and the arguments the grounded labelling
  leaves UNDEC are attacked only by UNDEC or OUT arguments. So the complete (and preferred,
  and stable) labellings are the grounded one combined with those of the *undecided core*:
  the UNDEC arguments with the attacks among them.
* The labellings of a framework made of parts with no attack between them are the
  combinations of the parts' labellings. So each weakly connected part of the core is solved
  on its own, and a large map becomes many small problems.

For one argument under complete or preferred semantics only its *ancestors* matter (the
arguments with a path of attacks to it): they form an unattacked set, and both semantics
are directional.
"""

from __future__ import annotations

from argmap.engine.framework import Framework
from argmap.engine.labels import UNDEC


def core(labels: bytearray) -> list[int]:
    """The arguments a labelling leaves UNDEC."""
    return [a for a in range(len(labels)) if labels[a] == UNDEC]


def components(af: Framework, nodes: list[int]) -> list[list[int]]:
    """The weakly connected parts of ``af`` restricted to ``nodes``, each in ascending order."""
    inside = bytearray(af.n)
    for a in nodes:
        inside[a] = 1
    targets, attackers = af.targets, af.attackers
    seen = bytearray(af.n)
    parts = []
    for start in nodes:
        if seen[start]:
            continue
        seen[start] = 1
        part = [start]
        stack = [start]
        while stack:
            a = stack.pop()
            for b in targets[a]:
                if inside[b] and not seen[b]:
                    seen[b] = 1
                    part.append(b)
                    stack.append(b)
            for b in attackers[a]:
                if inside[b] and not seen[b]:
                    seen[b] = 1
                    part.append(b)
                    stack.append(b)
        part.sort()
        parts.append(part)
    return parts


def ancestors(af: Framework, a: int, labels: bytearray | None = None) -> list[int]:
    """``a`` and every argument with a path of attacks to it (through UNDEC arguments only,
    when a labelling is given), in ascending order."""
    attackers = af.attackers
    seen = {a}
    stack = [a]
    while stack:
        for b in attackers[stack.pop()]:
            if b not in seen and (labels is None or labels[b] == UNDEC):
                seen.add(b)
                stack.append(b)
    return sorted(seen)
