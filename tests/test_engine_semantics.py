"""The semantics against brute-force enumeration, and the laws relating them."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from argmap.engine import semantics as sem
from argmap.engine.framework import Framework
from argmap.engine.grounded import grounded
from argmap.engine.labels import IN, OUT, UNDEC
from argmap.engine.parts import ancestors, components, core
from tests import brute

SETTINGS = settings(max_examples=1500, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def frameworks(draw: st.DrawFn, max_n: int = 7) -> Framework:
    n = draw(st.integers(0, max_n))
    if n == 0:
        return Framework.from_edges(0, [])
    pairs = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))
    edges = draw(st.lists(pairs, max_size=n * n // 2 + 2, unique=True))
    return Framework.from_edges(n, edges)


def as_sets(exts) -> set[frozenset[int]]:
    return {frozenset(e) for e in exts}


def is_complete(af: Framework, ext: frozenset[int]) -> bool:
    return ext in set(brute.complete_extensions(af))


@SETTINGS
@given(frameworks())
def test_extensions_match_brute_force(af):
    for s in sem.SEMANTICS:
        expected = brute.extensions(af, s)
        found = list(sem.extensions(af, s))
        assert len(found) == len(as_sets(found)), "an extension listed twice"
        assert as_sets(found) == set(expected), s


@SETTINGS
@given(frameworks())
def test_acceptance_of_every_argument_matches_brute_force(af):
    for s in sem.SEMANTICS:
        exts = brute.extensions(af, s)
        acc = sem.acceptance(af, s)
        assert acc.exists == bool(exts)
        assert sem.credulous_all(af, s) == (acc.credulous if exts else None)
        for a in range(af.n):
            assert bool(acc.credulous[a]) == any(a in e for e in exts), (s, a)
            assert bool(acc.sceptical[a]) == all(a in e for e in exts), (s, a)


# Found by a random search: {0} is admissible but in no stable extension, while 1 is in one.
ADMISSIBLE_NOT_STABLE = [(0, 2), (1, 5), (2, 0), (2, 4), (3, 0), (3, 2), (3, 3), (5, 1), (5, 3)]


@SETTINGS
@given(frameworks())
@example(Framework.from_edges(6, ADMISSIBLE_NOT_STABLE))
def test_acceptance_matches_brute_force_when_the_first_solver_always_gives_up(af):
    # Large frameworks hand the long questions to the admissible sets' solver; small ones
    # never need to, so here the first solver gives up on every question.
    from argmap.engine.sat import LabellingSolver

    attempt = LabellingSolver.attempt
    LabellingSolver.attempt = lambda self, assumptions, conflicts: (False, None)  # type: ignore[method-assign]
    try:
        for s in sem.SEMANTICS:
            exts = brute.extensions(af, s)
            acc = sem.acceptance(af, s)
            assert acc.exists == bool(exts)
            for a in range(af.n):
                assert bool(acc.credulous[a]) == any(a in e for e in exts), (s, a)
                assert bool(acc.sceptical[a]) == all(a in e for e in exts), (s, a)
    finally:
        LabellingSolver.attempt = attempt  # type: ignore[method-assign]


@SETTINGS
@given(frameworks())
def test_single_queries_match_brute_force_with_valid_witnesses(af):
    for s in sem.SEMANTICS:
        exts = set(brute.extensions(af, s))
        for a in range(af.n):
            c = sem.credulous(af, a, s, witness=True)
            assert c.yes == any(a in e for e in exts), (s, a)
            if c.yes:
                assert c.witness is not None and a in c.witness and frozenset(c.witness) in exts
            d = sem.sceptical(af, a, s, witness=True)
            assert d.yes == all(a in e for e in exts), (s, a)
            if not d.yes:
                assert d.witness is not None and a not in d.witness and frozenset(d.witness) in exts


@SETTINGS
@given(frameworks())
def test_some_extension_is_an_extension(af):
    for s in sem.SEMANTICS:
        exts = set(brute.extensions(af, s))
        found = sem.some_extension(af, s)
        if found is None:
            assert not exts and s == "stable"
        else:
            assert frozenset(found) in exts


@SETTINGS
@given(frameworks(max_n=8))
def test_the_laws(af):
    g = frozenset(sem.some_extension(af, "grounded") or [])
    complete = as_sets(sem.extensions(af, "complete"))
    preferred = as_sets(sem.extensions(af, "preferred"))
    stable = as_sets(sem.extensions(af, "stable"))
    # Grounded is the least complete extension.
    assert g in complete and all(g <= e for e in complete)
    # Every stable extension is preferred; every preferred one is complete and contains grounded.
    assert stable <= preferred <= complete
    assert all(g <= p for p in preferred)
    # Preferred extensions are the maximal complete ones; there is always one.
    assert preferred == {e for e in complete if not any(e < f for f in complete)}
    assert preferred


@SETTINGS
@given(frameworks(max_n=10))
def test_grounded_labelling_is_a_complete_labelling(af):
    labels = grounded(af)
    attackers = af.attackers
    for a in range(af.n):
        if labels[a] == IN:
            assert all(labels[b] == OUT for b in attackers[a])
        elif labels[a] == OUT:
            assert any(labels[b] == IN for b in attackers[a])
        else:
            assert not any(labels[b] == IN for b in attackers[a])
            assert not all(labels[b] == OUT for b in attackers[a])


@settings(max_examples=300, deadline=None, derandomize=True)
@given(frameworks(max_n=9), st.integers(1, 5))
def test_enumeration_stops_at_the_limit(af, limit):
    for s in ("complete", "preferred", "stable"):
        every = list(sem.extensions(af, s))
        some = list(sem.extensions(af, s, limit))
        assert len(some) == min(limit, len(every))
        assert as_sets(some) <= as_sets(every)


def test_labels_name_sceptical_credulous_and_rejected():
    # 0 <-> 1, 1 -> 2, 3 unattacked attacks 4.
    af = Framework.from_edges(5, [(0, 1), (1, 0), (1, 2), (3, 4)])
    assert list(sem.labelling(af, "grounded")) == [UNDEC, UNDEC, UNDEC, IN, OUT]
    assert list(sem.labelling(af, "preferred")) == [UNDEC, UNDEC, UNDEC, IN, OUT]
    # An odd cycle: no argument is in a preferred extension; there is no stable one.
    odd = Framework.from_edges(3, [(0, 1), (1, 2), (2, 0)])
    assert list(sem.labelling(odd, "preferred")) == [OUT, OUT, OUT]
    acc = sem.acceptance(odd, "stable")
    assert not acc.exists and list(acc.labels()) == [UNDEC] * 3
    # Without a stable extension, everything is vacuously sceptically accepted.
    assert sem.sceptical(odd, 0, "stable").yes and not sem.credulous(odd, 0, "stable").yes


def test_sceptical_preferred_needs_every_extension():
    # 0 <-> 1, both attack 2, 2 attacks 3: 3 is defended by whichever of 0, 1 holds.
    af = Framework.from_edges(4, [(0, 1), (1, 0), (0, 2), (1, 2), (2, 3)])
    assert sem.sceptical(af, 3, "preferred").yes
    assert not sem.sceptical(af, 3, "grounded").yes
    assert not sem.sceptical(af, 0, "preferred").yes


def test_parts_cut_the_undecided_core():
    af = Framework.from_edges(6, [(0, 1), (1, 0), (2, 3), (3, 2), (4, 5)])
    g = grounded(af)
    assert core(g) == [0, 1, 2, 3]
    assert components(af, core(g)) == [[0, 1], [2, 3]]
    chain = Framework.from_edges(4, [(0, 1), (1, 2), (2, 3), (3, 2)])
    assert ancestors(chain, 3) == [0, 1, 2, 3]
    assert ancestors(chain, 1) == [0, 1]
