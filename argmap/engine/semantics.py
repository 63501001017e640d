"""Grounded, complete, preferred and stable semantics: acceptance, extensions, labels.

Every question starts from the grounded labelling (linear time): its IN arguments are in
every complete extension and its OUT ones in none. What is left, the undecided core, is cut
into weakly connected parts (see ``parts``), and each part is handed to a SAT solver holding
its complete or stable labellings (see ``sat``). On an argument map most of the core is made
of small parts, often a single pair of claims rebutting each other, which are answered
without a solver.

* Credulous acceptance under preferred semantics is credulous acceptance under complete
  semantics: one satisfiability query, on the ancestors of the argument only.
* Preferred extensions (and witnesses) are grown from an admissible set through its reduct,
  the solver asked only about what propagation leaves open (see ``grow``).
* Sceptical acceptance under preferred semantics asks first whether an admissible set
  attacks the argument, then searches for a complete extension lacking it that cannot be
  grown to hold it, each failed try ruling out every set leaving a small defence of the
  argument unattacked (``_preferred_lacking``).
* The status of every argument (``acceptance``) asks each part once for a labelling with an
  argument not yet known to be credulously accepted IN; every answer settles all the
  arguments it makes IN, so a part needs a few queries, not one per argument. For sceptical
  status only the credulously accepted arguments no credulously accepted one attacks need
  the search.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import NamedTuple

from argmap.engine.framework import Framework
from argmap.engine.grounded import grounded
from argmap.engine.grow import complete_from, preferred_from
from argmap.engine.labels import IN, OUT, UNDEC
from argmap.engine.parts import ancestors, components, core
from argmap.engine.sat import LabellingSolver
from argmap.engine.semantics_registry import SEMANTICS, SHORT, Semantics
from argmap.engine.stable import sceptical_stable_part, some_stable, stable_with, stable_without

__all__ = ["SEMANTICS", "SHORT", "Acceptance", "Answer", "Semantics"]


class Answer(NamedTuple):
    """A yes or no, with an extension that shows it when there is one: for credulous
    acceptance an admissible set containing the argument; for a sceptical "no" a (preferred
    or stable) extension without it."""

    yes: bool
    witness: tuple[int, ...] | None = None


class Acceptance(NamedTuple):
    """Which arguments are in some extension and which in every one."""

    credulous: bytes
    sceptical: bytes
    exists: bool = True
    """False when the semantics has no extension at all (only stable can)."""

    def labels(self) -> bytearray:
        """IN for sceptically accepted, OUT for in no extension, UNDEC for in some only.
        With no extension at all, every argument is UNDEC."""
        if not self.exists:
            return bytearray(len(self.credulous))
        return bytearray(
            IN if s else (UNDEC if c else OUT) for c, s in zip(self.credulous, self.sceptical, strict=True)
        )


def _grounded_in(labels: bytearray) -> list[int]:
    return [a for a in range(len(labels)) if labels[a] == IN]


def _is_pair(af: Framework, part: list[int]) -> bool:
    """Two arguments attacking each other and nothing else: each is its own preferred and
    stable extension."""
    if len(part) != 2:
        return False
    a, b = part
    return af.attacks(a, b) and af.attacks(b, a) and not af.attacks(a, a) and not af.attacks(b, b)


# --- single arguments -------------------------------------------------------------------------


def credulous(
    af: Framework,
    a: int,
    semantics: Semantics,
    labels: bytearray | None = None,
    *,
    witness: bool = False,
    least: bool = False,
) -> Answer:
    """Is ``a`` in some extension? ``labels`` is the grounded labelling, when already known.
    With ``witness``, a yes comes with an extension containing ``a``: preferred for complete
    and preferred semantics, or with ``least`` and complete semantics a complete extension
    found by propagation alone (no search for a largest one)."""
    g = grounded(af) if labels is None else labels
    if g[a] == OUT:
        return Answer(False)
    if semantics == "grounded":
        return Answer(g[a] == IN, tuple(_grounded_in(g)) if g[a] == IN and witness else None)
    if semantics == "stable":
        found = stable_with(af, a, g)
        return Answer(found is not None, None if found is None else tuple(found))
    grow = complete_from if least and semantics == "complete" else preferred_from
    if g[a] == IN:
        return Answer(True, tuple(grow(af, bytearray(g))) if witness else None)
    nodes = ancestors(af, a, g)
    with LabellingSolver(af, nodes) as s:
        found = s.solve([s.in_(a)])
    if found is None:
        return Answer(False)
    # A complete extension of the ancestors, which nothing else attacks, is admissible.
    return Answer(True, tuple(grow(af, bytearray(g), found)) if witness else None)


def sceptical(
    af: Framework, a: int, semantics: Semantics, labels: bytearray | None = None, *, witness: bool = False
) -> Answer:
    """Is ``a`` in every extension? (Under stable semantics, vacuously yes when there is no
    stable extension.) With ``witness``, a no comes with an extension without ``a``."""
    g = grounded(af) if labels is None else labels
    if semantics in ("grounded", "complete"):
        yes = g[a] == IN
        return Answer(yes, tuple(_grounded_in(g)) if witness and not yes else None)
    if semantics == "stable":
        found = stable_without(af, a, g)
        return Answer(found is None, None if found is None else tuple(found))
    if g[a] == IN:
        return Answer(True)
    if g[a] == OUT:
        return Answer(False, tuple(preferred_from(af, bytearray(g))) if witness else None)
    nodes = ancestors(af, a, g)
    with LabellingSolver(af, nodes) as s:
        # Most often an argument fails to be sceptically accepted because some admissible
        # set attacks it: one query finds that, and any preferred extension grown from the
        # answer lacks the argument.
        start = s.solve([s.out(a)])
        if start is None:
            start = _unguarded(s, a, af.attackers, set(nodes))
        if start is not None:
            return Answer(False, tuple(preferred_from(af, bytearray(g), start)) if witness else None)
        without = _preferred_lacking(af, g, nodes, s, {a}, s.fresh())
    if without is None:
        return Answer(True)
    # Preferred among the ancestors, ``without`` is what every preferred extension grown
    # from it holds there (preferred semantics is directional).
    return Answer(False, tuple(preferred_from(af, bytearray(g), without)) if witness else None)


def _unguarded(s: LabellingSolver, c: int, attackers: list[list[int]], inside: set[int]) -> list[int] | None:
    """A complete extension lacking ``c`` from which no preferred extension grown can defend
    it, when one query per attacker of ``c`` finds it: one making OUT every attacker of that
    attacker. Nothing grown from it can attack the attacker, so ``c`` stays out."""
    for b in attackers[c]:
        if b not in inside or b == c:
            continue
        # An argument attacking itself is never IN: it need not be OUT.
        defenders = [x for x in attackers[b] if x in inside and x not in attackers[x]]
        if defenders and c not in defenders:
            found = s.solve([-s.in_(c), *(s.out(x) for x in defenders)])
            if found is not None:
                return found
    return None


def _preferred_lacking(
    af: Framework, g: bytearray, part: list[int], s: LabellingSolver, cands: set[int], blocks: int
) -> list[int] | None:
    """A preferred extension of ``part`` (an unattacked set of the undecided core, or a part
    of it) lacking one of ``cands``; None when every preferred extension holds them all.

    A counterexample-guided search. The solver proposes a complete extension E lacking a
    candidate; if no complete extension containing E holds every candidate, any preferred
    extension grown from E lacks one and is the answer. Otherwise one that does is found, and
    within it a small admissible set D holding the candidates (each member with a defender
    against each attacker). An admissible set holding no attacker of D is not attacked by D
    either (it would hold a defender attacking D), so it stays admissible with D added: no
    counterexample is among them, and from then on E must hold an attacker of D. The clauses
    saying so hold while ``blocks`` is assumed, and stay true for any smaller set of
    candidates."""
    inside = set(part)
    while True:
        act = s.guarded([-s.in_(c) for c in cands])
        found = s.solve([act, blocks])
        s.retire(act)
        if found is None:
            return None
        missing = cands.difference(found)
        bigger = s.solve([*s.ins(found), *s.ins(missing)])
        if bigger is None:
            return preferred_from(af, bytearray(g), found, part)
        defence = _defence(af, set(bigger), cands, inside)
        s.add([-blocks, *s.ins({b for d in defence for b in af.attackers[d] if b in inside})])


def _defence(af: Framework, ext: set[int], members: set[int], inside: set[int]) -> set[int]:
    """An admissible subset of ``ext`` (admissible, within the part ``inside``, whose outside
    attackers are all OUT) holding ``members``: each member, and each defender taken, gets a
    defender from ``ext`` against each attacker not yet attacked, preferring one already in."""
    attackers = af.attackers
    chosen = set(members)
    hit = {b for d in chosen for b in af.targets[d]}
    queue = list(chosen)
    while queue:
        for b in attackers[queue.pop()]:
            if b in hit or b not in inside:
                continue
            options = [d for d in attackers[b] if d in ext]
            # Few attackers, few defenders to add: a small defence makes a strong clause.
            d = min(options, key=lambda x: (x not in chosen, len(attackers[x])))
            if d not in chosen:
                chosen.add(d)
                hit.update(af.targets[d])
                queue.append(d)
            hit.add(b)
    return chosen


# --- one extension ----------------------------------------------------------------------------


def some_extension(af: Framework, semantics: Semantics) -> list[int] | None:
    """One extension, ascending; None when there is none (only stable semantics can have none).
    For grounded and complete semantics, the grounded extension."""
    g = grounded(af)
    if semantics in ("grounded", "complete"):
        return _grounded_in(g)
    if semantics == "preferred":
        return preferred_from(af, g)
    return some_stable(af, g)


# --- every extension --------------------------------------------------------------------------


def _part_extensions(af: Framework, part: list[int], semantics: Semantics, limit: int) -> list[list[int]]:
    if _is_pair(af, part) and semantics != "complete":
        return [[part[0]], [part[1]]]
    found: list[list[int]] = []
    with LabellingSolver(af, part, stable=semantics == "stable") as s:
        while len(found) < limit:
            ext = s.solve()
            if ext is None:
                break
            if semantics == "preferred":
                ext = s.maximise(ext)
                block = s.not_within(ext)
            else:
                # A complete extension fixes its labelling: block exactly this one.
                inside = set(ext)
                block = [-s.in_(x) if x in inside else s.in_(x) for x in part]
            found.append(ext)
            if not block:
                break
            s.add(block)
    return found


def extensions(af: Framework, semantics: Semantics, limit: int | None = None) -> Iterator[list[int]]:
    """The extensions (each ascending), at most ``limit`` of them, as combinations of the
    extensions of the parts of the undecided core."""
    if limit is not None and limit <= 0:
        return
    g = grounded(af)
    base = _grounded_in(g)
    if semantics == "grounded":
        yield base
        return
    cap = limit if limit is not None else 1 << 62
    per_part = []
    for part in components(af, core(g)):
        exts = _part_extensions(af, part, semantics, cap)
        if not exts:
            return
        per_part.append(exts)
    for combo in itertools.islice(itertools.product(*per_part), cap):
        yield sorted(base + [a for ext in combo for a in ext])


# --- every argument ---------------------------------------------------------------------------


def acceptance(af: Framework, semantics: Semantics, labels: bytearray | None = None) -> Acceptance:
    """Credulous and sceptical acceptance of every argument."""
    return _acceptance(af, semantics, grounded(af) if labels is None else labels, sceptical=True)


def credulous_all(af: Framework, semantics: Semantics, labels: bytearray | None = None) -> bytes | None:
    """Credulous acceptance of every argument (1: in some extension); None when there is no
    extension at all. Cheaper than ``acceptance``: sceptical acceptance is not computed."""
    found = _acceptance(af, semantics, grounded(af) if labels is None else labels, sceptical=False)
    return found.credulous if found.exists else None


def _acceptance(af: Framework, semantics: Semantics, g: bytearray, *, sceptical: bool) -> Acceptance:
    n = af.n
    cred = bytearray(1 if g[a] == IN else 0 for a in range(n))
    scep = bytearray(cred)
    if semantics == "grounded":
        return Acceptance(bytes(cred), bytes(scep))
    stable = semantics == "stable"
    for part in components(af, core(g)):
        if _is_pair(af, part):
            cred[part[0]] = cred[part[1]] = 1
            continue
        with LabellingSolver(af, part, stable=stable, many_in=True) as s:
            first = s.solve()
            if first is None:  # only a stable part can have no labelling; then every
                # argument is vacuously in every stable extension, and in none.
                return Acceptance(bytes(n), b"\x01" * n, exists=False)
            accepted = _credulous_part(s, part, first)
            for a in accepted:
                cred[a] = 1
            if not sceptical or semantics == "complete" or not accepted:
                continue
            for a in _sceptical_part(af, g, part, s, first, accepted, stable):
                scep[a] = 1
    return Acceptance(bytes(cred), bytes(scep))


def _credulous_part(s: LabellingSolver, part: list[int], first: list[int]) -> set[int]:
    """The arguments of a part in some extension. Each answer of the solver is a witness for
    all its IN arguments, and the solver is set to try arguments IN first (see
    ``LabellingSolver``), so its answers are large and a part needs few of them."""
    accepted = set(first)
    unknown = [a for a in part if a not in accepted]
    while unknown:
        act = s.guarded([s.in_(a) for a in unknown])
        found = s.solve([act])
        s.retire(act)
        if found is None:
            break
        accepted.update(found)
        unknown = [a for a in unknown if a not in accepted]
    return accepted


def _sceptical_part(
    af: Framework, g: bytearray, part: list[int], s: LabellingSolver, first: list[int], accepted: set[int], stable: bool
) -> set[int]:
    if stable:
        return sceptical_stable_part(af, part, accepted)
    # An argument attacked by a credulously accepted one is missing from the preferred
    # extensions holding its attacker: only the others need the search, all of them at once.
    attackers = af.attackers
    cands = {a for a in accepted if accepted.isdisjoint(attackers[a])}
    for c in sorted(cands):
        if c in cands:
            # One candidate at a time: the defence of one argument is small, and so the
            # clause ruling out the sets it makes harmless is strong.
            without = _preferred_lacking(af, g, part, s, {c}, s.fresh())
            if without is not None:
                cands.intersection_update(without)
    return cands


def labelling(af: Framework, semantics: Semantics) -> bytearray:
    """One label per argument: the grounded labelling, or for the other semantics IN when in
    every extension, OUT when in none, UNDEC when in some only (see ``Acceptance.labels``)."""
    g = grounded(af)
    if semantics == "grounded":
        return g
    return acceptance(af, semantics, g).labels()
