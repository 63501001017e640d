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
  attacks the argument, then searches, among the labellings no single argument can join,
  for a complete extension lacking it that cannot be grown to hold it, each failed try
  ruling out every labelling a small set holding the argument could join in the same way
  (``_preferred_lacking``).
* The status of every argument (``acceptance``) asks each part once for a labelling with an
  argument not yet known to be credulously accepted IN; every answer settles all the
  arguments it makes IN, so a part needs a few queries, not one per argument. For sceptical
  status only the credulously accepted arguments no credulously accepted one attacks are
  candidates; those among them that defend themselves (the ideal extension) are accepted at
  once, and only the rest need the search.
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
        without = _preferred_lacking(af, nodes, s, {a}, s.fresh(), _none_can_join(af, s, nodes))
    if without is None:
        return Answer(True)
    # No admissible set of the ancestors holds ``without`` and ``a``, so none of the whole
    # framework does (preferred semantics is directional): any preferred extension grown
    # from it lacks ``a``.
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


def _none_can_join(af: Framework, s: LabellingSolver, part: list[int]) -> int:
    """An activation literal under which the solver holds only the complete labellings that
    no single UNDEC argument can join: each UNDEC argument that does not attack itself has an
    UNDEC attacker it does not attack. ``part`` must hold every UNDEC attacker of its members.

    Every preferred labelling is one: were some UNDEC ``x`` to attack every UNDEC attacker of
    its own, IN with ``x`` would still be admissible (``x`` attacks no IN argument, since an
    IN argument is defended against it and ``x`` would be OUT). So the counterexamples
    searched for are left, and most complete labellings that merely stop short are not."""
    inside = set(part)
    undec = {}
    for b in part:
        u = undec[b] = s.fresh()
        s.add([-u, -s.in_(b)])
        s.add([-u, -s.out(b)])
    act = s.fresh()
    targets, attackers = af.targets, af.attackers
    for x in part:
        mine = targets[x]
        hits = set(mine) if len(mine) > 8 else mine
        if x in hits:
            continue
        s.add([-act, s.in_(x), s.out(x), *[undec[b] for b in attackers[x] if b in inside and b not in hits]])
    return act


def _preferred_lacking(
    af: Framework, part: list[int], s: LabellingSolver, cands: set[int], blocks: int, maximal: int
) -> list[int] | None:
    """A complete extension of ``part`` (an unattacked set of the undecided core, or a part
    of it) that no admissible set holding one of ``cands`` contains, so that every preferred
    extension grown from it lacks that one; None when every preferred extension holds them
    all. (Growing it is left to the callers that need an extension.)

    A counterexample-guided search. The solver proposes a complete extension E lacking a
    candidate; if no complete extension containing E holds every candidate, E is the
    answer. Otherwise one that does is found, and within it a small set D holding the
    candidates that E could be joined by: each attacker of D is OUT in E or attacked by D
    (see ``_defence``). Any admissible set P attacking no
    member of D and making OUT the attackers D leaves to E stays admissible with D added, so
    no preferred extension lacking a candidate is among them: from then on E must hold an
    attacker of D, or leave one of those attackers not OUT. This clause stays true for any
    smaller set of candidates; the clauses hold while ``blocks`` is assumed. ``maximal``
    (from ``_none_can_join``) is assumed too: it leaves every preferred labelling, and so
    every counterexample, and most complete labellings that merely stop short are gone."""
    inside = set(part)
    targets, attackers = af.targets, af.attackers
    while True:
        act = s.guarded([-s.in_(c) for c in cands])
        found = s.solve([act, blocks, maximal])
        s.retire(act)
        if found is None:
            return None
        beaten = {b for e in found for b in targets[e]}
        missing = cands.difference(found)
        # A candidate E attacks can join no admissible set holding E.
        joining = None if not missing.isdisjoint(beaten) else _joining(af, inside, set(found), beaten, missing)
        if joining is None:
            return found
        defence, left = _defence(af, joining | set(found), cands, inside, beaten)
        against = {b for d in defence for b in attackers[d] if b in inside and b not in left}
        s.add([-blocks, *s.ins(against), *(-s.out(b) for b in left)])


def _joining(af: Framework, inside: set[int], ext: set[int], beaten: set[int], missing: set[int]) -> set[int] | None:
    """An admissible set of the reduct of ``ext`` (the arguments of ``inside`` it neither
    holds nor attacks; ``missing`` among them) holding ``missing``, or None when there is
    none: then no admissible set holds ``ext`` and ``missing`` together. Only the attackers
    of ``missing`` in the reduct, and theirs, are asked about (credulous acceptance is
    directional)."""
    attackers = af.attackers
    cone = set(missing)
    stack = list(missing)
    while stack:
        for b in attackers[stack.pop()]:
            if b not in cone and b in inside and b not in beaten and b not in ext:
                cone.add(b)
                stack.append(b)
    with LabellingSolver(af, sorted(cone), admissible=True) as r:
        found = r.solve(r.ins(missing))
    return None if found is None else set(found)


def _defence(
    af: Framework, ext: set[int], members: set[int], inside: set[int], beaten: set[int]
) -> tuple[set[int], set[int]]:
    """A subset D of ``ext`` holding ``members`` that defends itself where ``beaten`` (the
    arguments a subset of ``ext`` attacks) does not: each member, and each defender taken,
    gets a defender from ``ext`` against each attacker of the part ``inside`` neither D nor
    ``beaten`` attacks, preferring one already in. Returns D and the attackers of D left to
    ``beaten``. (Attackers outside the part are OUT, attacked by the grounded extension.)"""
    attackers, targets = af.attackers, af.targets
    chosen = set(members)
    hit = {b for d in chosen for b in targets[d]}
    left: set[int] = set()
    queue = list(chosen)
    while queue:
        for b in attackers[queue.pop()]:
            if b in hit or b not in inside:
                continue
            if b in beaten:
                left.add(b)
                continue
            options = [d for d in attackers[b] if d in ext]
            # Few attackers, few defenders to add: a small defence makes a strong clause.
            d = min(options, key=lambda x: (x not in chosen, len(attackers[x])))
            if d not in chosen:
                chosen.add(d)
                hit.update(targets[d])
                queue.append(d)
            hit.add(b)
    return chosen, left - hit


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
            accepted = _credulous_part(af, s, part, first, stable)
            for a in accepted:
                cred[a] = 1
            if not sceptical or semantics == "complete" or not accepted:
                continue
            for a in _sceptical_part(af, g, part, s, first, accepted, stable):
                scep[a] = 1
    return Acceptance(bytes(cred), bytes(scep))


BRIEF = 100
"""Conflicts the ``many_in`` solver is given to answer before the admissible encoding is
asked instead: its answers on map-shaped frameworks take a few dozen."""


def _credulous_part(af: Framework, s: LabellingSolver, part: list[int], first: list[int], stable: bool) -> set[int]:
    """The arguments of a part in some extension. Each answer of the solver is a witness for
    all its IN arguments, and the solver is set to try arguments IN first (see
    ``LabellingSolver``), so its answers are large and a part needs few of them. The last
    question, answered no, can be long for it; when it does not answer in ``BRIEF``
    conflicts, a solver of the admissible sets is asked, whose proofs come faster, and a yes
    from it is grown by the first solver to a labelling making as many IN as it can. (Not
    for stable labellings: an admissible set need not grow to one.)"""
    accepted = set(first)
    unknown = [a for a in part if a not in accepted]
    other: LabellingSolver | None = None
    try:
        while unknown:
            act = s.guarded([s.in_(a) for a in unknown])
            done, found = s.attempt([act], BRIEF)
            if not done and stable:
                found = s.solve([act])
            s.retire(act)
            if not done and not stable:
                if other is None:
                    other = LabellingSolver(af, part, admissible=True)
                act = other.guarded([other.in_(a) for a in unknown])
                some = other.solve([act])
                other.retire(act)
                found = None if some is None else s.solve(s.ins(some))
            if found is None:
                break
            accepted.update(found)
            unknown = [a for a in unknown if a not in accepted]
    finally:
        if other is not None:
            other.close()
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
    ideal = _ideal(af, part, cands)
    maximal = _none_can_join(af, s, part)
    for c in sorted(cands - ideal):
        if c in cands:
            # One candidate at a time: the defence of one argument is small, and so the
            # clause ruling out the sets it makes harmless is strong.
            without = _preferred_lacking(af, part, s, {c}, s.fresh(), maximal)
            if without is not None:
                # Grown to a preferred extension, it rules out every candidate it lacks:
                # on a random framework, hundreds at once.
                cands.intersection_update(preferred_from(af, bytearray(g), without, part))
    return cands


def _ideal(af: Framework, part: list[int], cands: set[int]) -> set[int]:
    """The largest subset of ``cands`` defending itself: the part's share of the ideal
    extension. ``cands`` are the credulously accepted arguments no credulously accepted one
    attacks, so no admissible set attacks them, and an admissible set no admissible set
    attacks is in every preferred extension. (Attackers outside the part are OUT, attacked
    by the grounded extension.) Each round drops the members with an attacker the others
    leave unattacked."""
    inside = set(part)
    attackers, targets = af.attackers, af.targets
    kept = set(cands)
    while True:
        hit = {b for d in kept for b in targets[d]}
        left = {a for a in kept if all(b in hit for b in attackers[a] if b in inside)}
        if left == kept:
            return kept
        kept = left


def labelling(af: Framework, semantics: Semantics) -> bytearray:
    """One label per argument: the grounded labelling, or for the other semantics IN when in
    every extension, OUT when in none, UNDEC when in some only (see ``Acceptance.labels``)."""
    g = grounded(af)
    if semantics == "grounded":
        return g
    return acceptance(af, semantics, g).labels()
