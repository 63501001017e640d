"""Stable extensions of a whole framework in one SAT formula, built without Python code per
literal.

Every stable extension extends the grounded labelling, so its IN and OUT arguments are fixed
and only the undecided core is left to the solver. The formula has one variable per argument
of the framework, ``a + 1`` for argument ``a`` (see ``sat`` for the stable encoding):

* a unit clause for each argument the grounded labelling settles, true for IN, false for OUT;
* for each attack ``a -> b`` from a core argument, the pair ``not a or not b``;
* for each core argument ``a``, the clause ``a or b1 or ... or bk`` over its attackers.

Every attack outside the core has an OUT end (an IN argument attacks only OUT ones and is
attacked only by OUT ones), so the units make MiniSat drop those pairs and the OUT attackers
from the long clauses as it loads them: the formula it keeps is the core's. Loading the units
first lets it do so at once. Each clause is handed over as an iterator of C-level maps over
the framework's adjacency lists, so a framework of a hundred thousand arguments is loaded in
a fraction of the time a Python loop over its literals takes.

One formula for the whole core, rather than one per weakly connected part: a query is then
one SAT call whatever the number of parts, and a part without a stable labelling makes the
whole formula unsatisfiable, as it makes the framework have no stable extension. An argument
that attacks itself is never IN: its pair is the unit ``not a``, and its long clause asks for
an IN attacker, which the solver deduces by propagation.

Single queries under stable semantics, each one SAT call:

* some extension: the formula alone;
* credulous acceptance of ``a``: the formula with ``a`` assumed IN;
* sceptical acceptance of ``a``: the formula with ``a`` assumed not IN; a model is an
  extension lacking ``a``, and with none either every extension holds ``a`` or there is no
  extension at all, both "yes".

The sceptical status of every argument needs no solver once the credulous one is known
(``sceptical_stable_part``).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain, repeat

from argmap.engine.framework import Framework
from argmap.engine.labels import IN, OUT, UNDEC
from argmap.engine.sat import SatSolver


class StableSolver(SatSolver):
    """A SAT solver holding the stable extensions of ``af``, whose grounded labelling is
    ``labels``; variable ``a + 1`` is "argument ``a`` is IN"."""

    def __init__(self, af: Framework, labels: bytearray) -> None:
        super().__init__()
        self.n = af.n
        n = af.n
        self.load(_units(labels))
        core = [a for a in range(n) if labels[a] == UNDEC]
        targets, attackers = af.targets, af.attackers
        var = (1).__add__
        negated = (-1).__sub__  # -(a + 1)
        # The pairs of every attack from a core argument: sources repeated once per target.
        sources = chain.from_iterable(map(repeat, map(negated, core), map(len, map(targets.__getitem__, core))))
        ends = map(negated, chain.from_iterable(map(targets.__getitem__, core)))
        self.load(zip(sources, ends, strict=True))
        # Each core argument with its attackers: (a + 1,) then the attackers' variables.
        heads = zip(map(var, core))
        self.load(map(chain, heads, map(map, repeat(var), map(attackers.__getitem__, core))))
        self._next = n + 1

    def extension(self, assumptions: list[int] | None = None) -> list[int] | None:
        """The arguments of a stable extension (ascending) meeting the assumptions (literals
        over the variables ``a + 1``), or None when there is none."""
        if not self._sat(assumptions or []):
            return None
        model = self.solver.get_model()
        assert model is not None
        return [v - 1 for v in model[: self.n] if v > 0]


def _units(labels: bytearray) -> Iterator[tuple[int]]:
    """The grounded labelling's settled arguments as unit clauses, made as they are loaded."""
    return ((a + 1,) if x == IN else (-a - 1,) for a, x in enumerate(labels) if x != UNDEC)


def some_stable(af: Framework, labels: bytearray) -> list[int] | None:
    """A stable extension, or None when there is none."""
    with StableSolver(af, labels) as s:
        return s.extension()


def stable_with(af: Framework, a: int, labels: bytearray) -> list[int] | None:
    """A stable extension holding ``a``, or None when there is none."""
    if labels[a] == OUT:
        return None
    with StableSolver(af, labels) as s:
        return s.extension([a + 1])


def stable_without(af: Framework, a: int, labels: bytearray) -> list[int] | None:
    """A stable extension lacking ``a``, or None when there is none."""
    if labels[a] == IN:
        return None
    with StableSolver(af, labels) as s:
        return s.extension([-a - 1])


def sceptical_stable_part(af: Framework, part: list[int], accepted: set[int]) -> set[int]:
    """The arguments of ``part`` in every stable extension, given ``accepted``, those of the
    part in some stable extension (there being one). No solver is needed: an argument outside
    a stable extension is attacked by a member, so an argument is in every stable extension
    exactly when none of its attackers is in any. Attackers outside the part are OUT in the
    grounded labelling, in no extension."""
    attackers = af.attackers
    return {a for a in part if accepted.isdisjoint(attackers[a])}
