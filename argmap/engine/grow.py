"""Growing an admissible set to a preferred extension, mostly without a SAT solver.

For an admissible set E, call the arguments E attacks OUT and the rest outside E UNDEC: the
*reduct*. An admissible set of the reduct added to E gives an admissible set of the whole
framework, and E is preferred exactly when the reduct has no non-empty admissible set. So E is
grown step by step, each step cheap where it can be:

* an UNDEC argument with no UNDEC attacker is unattacked in the reduct: it joins (this is the
  grounded labelling's propagation, resumed);
* an UNDEC argument that attacks itself not and every UNDEC attacker of its own is an
  admissible set of the reduct alone: it joins (on an argument map, the last word of a pair
  of rebuttals, after which propagation settles the thread behind it);
* what is left is cut into its weakly connected parts, and each part asks a SAT solver for a
  non-empty admissible set of the part; its answer joins, the two cheap steps run again, and
  the part is done when the solver says there is none (the last answer, a proof that there
  is none, is the hard one: the admissible encoding is the one that proves it fastest).
"""

from __future__ import annotations

from argmap.engine.framework import Framework
from argmap.engine.labels import IN, OUT, UNDEC
from argmap.engine.parts import components
from argmap.engine.sat import LabellingSolver


def preferred_from(
    af: Framework, labels: bytearray, start: list[int] | tuple[()] = (), within: list[int] | None = None
) -> list[int]:
    """A preferred extension containing ``start`` and the IN arguments of ``labels``, ascending.

    ``labels`` must have an admissible IN set and OUT exactly the arguments it attacks (the
    grounded labelling is one), and adding ``start`` must keep it admissible; it is changed in
    place to the labelling of the answer. With ``within`` (a weakly connected part of the
    UNDEC arguments, ``start`` among them), only that part is grown and returned."""
    g = _Grower(af, labels)
    g.join(list(start))
    nodes = [a for a in range(af.n) if labels[a] == UNDEC] if within is None else within
    g.settle(nodes)
    for part in components(af, [a for a in nodes if labels[a] == UNDEC]):
        if len(part) > 1:
            g.solve_part(part)
    if within is None:
        return [a for a in range(af.n) if labels[a] == IN]
    return sorted(a for a in within if labels[a] == IN)


def complete_from(af: Framework, labels: bytearray, start: list[int] | tuple[()] = ()) -> list[int]:
    """The least complete extension containing ``start`` and the IN arguments of ``labels``
    (under the same conditions as ``preferred_from``), ascending: propagation alone, since an
    argument the set defends has every attacker OUT."""
    _Grower(af, labels).join(list(start))
    return [a for a in range(af.n) if labels[a] == IN]


class _Grower:
    def __init__(self, af: Framework, labels: bytearray) -> None:
        self.af = af
        self.labels = labels
        self.targets = af.targets
        self.attackers = af.attackers
        # count[x]: attackers of x not OUT (for UNDEC x; an IN attacker would make it OUT).
        count = self.count = af.indegree.copy()
        attackers = self.attackers
        for x in range(af.n):
            if labels[x] == UNDEC and count[x]:
                count[x] = sum(1 for y in attackers[x] if labels[y] != OUT)

    def join(self, fresh: list[int]) -> list[int]:
        """Make ``fresh`` (UNDEC arguments whose addition keeps IN admissible) IN, with what
        follows by propagation; the arguments that became OUT."""
        labels, targets, count = self.labels, self.targets, self.count
        stack = []
        for a in fresh:
            if labels[a] == UNDEC:
                labels[a] = IN
                stack.append(a)
        outs = []
        while stack:
            for b in targets[stack.pop()]:
                if labels[b] == UNDEC:
                    labels[b] = OUT
                    outs.append(b)
                    for c in targets[b]:
                        count[c] -= 1
                        if count[c] == 0 and labels[c] == UNDEC:
                            labels[c] = IN
                            stack.append(c)
        return outs

    def settle(self, work: list[int]) -> None:
        """Add every argument that alone is admissible in the reduct, until none is; ``work``
        holds the arguments to look at first (others are looked at when an attacker of theirs
        becomes OUT)."""
        labels, targets, attackers = self.labels, self.targets, self.attackers
        stack = list(work)
        while stack:
            x = stack.pop()
            if labels[x] != UNDEC:
                continue
            mine = targets[x]
            hits = set(mine) if len(mine) > 8 else mine
            if x in hits or any(labels[y] == UNDEC and y not in hits for y in attackers[x]):
                continue
            for b in self.join([x]):
                stack.extend(targets[b])

    def solve_part(self, part: list[int]) -> None:
        """Grow within ``part`` (UNDEC, weakly connected in the reduct) until its reduct has no
        non-empty admissible set. Each question goes to a solver for the reduct's part alone,
        smaller at every round and often in pieces."""
        labels, targets = self.labels, self.targets
        todo = [part]
        while todo:
            nodes = todo.pop()
            with LabellingSolver(self.af, nodes, admissible=True) as s:
                s.add([s.in_(a) for a in nodes])
                found = s.solve()
            if found is None:
                continue
            outs = self.join(found)
            self.settle([t for b in outs for t in targets[b]])
            rest = [a for a in nodes if labels[a] == UNDEC]
            todo += [p for p in components(self.af, rest) if len(p) > 1]
