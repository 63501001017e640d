"""Growing an admissible set greedily, to settle many credulous questions without a solver.

Start from an admissible set S (such as a complete extension a solver found) and walk the
other arguments in a chosen order. An argument ``x`` joins S when it can defend itself: it is
not attacked by S, does not attack itself, and each of its attackers is attacked by S or by
``x``. After each addition, whatever S now attacks is OUT, and an argument all of whose
attackers are OUT joins too (S defends it), as in grounded labelling. S stays admissible
throughout, so every member is credulously accepted under complete and preferred semantics.

On argument maps most undecided arguments sit in pairs of mutual rebuttals, which defend
themselves, so one pass settles most of them; the solver is left with the rest.
"""

from __future__ import annotations

from collections.abc import Iterable

from argmap.engine.framework import Framework


def grow_admissible(af: Framework, part: set[int], seed: Iterable[int], order: Iterable[int]) -> set[int]:
    """An admissible set containing ``seed`` (admissible, within ``part``), grown within
    ``part`` trying arguments in ``order``. Attacks from outside ``part`` are ignored: the
    part is a union of parts of the undecided core, whose outside attackers are all OUT."""
    targets, attackers = af.targets, af.attackers
    inside: set[int] = set()
    out: set[int] = set()
    count = {a: sum(1 for b in attackers[a] if b in part) for a in part}
    stack: list[int] = []

    def join(x: int) -> None:
        inside.add(x)
        stack.append(x)
        while stack:
            y = stack.pop()
            for z in targets[y]:
                if z in part and z not in out:
                    out.add(z)
                    for w in targets[z]:
                        if w in part:
                            count[w] -= 1
                            if count[w] == 0 and w not in out and w not in inside:
                                inside.add(w)
                                stack.append(w)

    for x in seed:
        if x not in inside:
            join(x)
    for x in order:
        if x in inside or x in out:
            continue
        mine = targets[x]
        if x in mine:
            continue
        if all(b in out or b in mine for b in attackers[x] if b in part):
            join(x)
    return inside
