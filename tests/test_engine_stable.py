"""Stable semantics: the one formula over the whole framework and the solver-free sceptical
status, against brute force and clingo, on frameworks with self-attacks, odd cycles and no
stable extension at all."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.engine import semantics as sem
from argmap.engine.framework import Framework
from argmap.engine.grounded import grounded
from argmap.engine.sat import LabellingSolver
from argmap.engine.stable import StableSolver, some_stable, stable_with, stable_without
from tests import brute, clingo_af

SETTINGS = settings(max_examples=600, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def frameworks(draw: st.DrawFn, max_n: int = 7) -> Framework:
    """Small frameworks, often with self-attacks and odd cycles, and often joined to a part of
    their own (so that one part lacking a stable extension leaves the whole without one)."""
    n = draw(st.integers(1, max_n))
    pairs = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))
    edges = set(draw(st.lists(pairs, max_size=n * n // 2 + 2, unique=True)))
    if draw(st.booleans()):
        edges |= {(a, a) for a in draw(st.lists(st.integers(0, n - 1), max_size=2))}
    extra = draw(st.sampled_from(["none", "odd", "even", "loop"]))
    m = n
    if extra == "odd":
        edges |= {(m, m + 1), (m + 1, m + 2), (m + 2, m)}
        m += 3
    elif extra == "even":
        edges |= {(m, m + 1), (m + 1, m)}
        m += 2
    elif extra == "loop":
        edges |= {(m, m)}
        m += 1
    return Framework.from_edges(m, sorted(edges))


def every_extension(s: StableSolver) -> set[frozenset[int]]:
    """Every model of the solver, each blocked once found."""
    found: set[frozenset[int]] = set()
    while (ext := s.extension()) is not None:
        assert frozenset(ext) not in found
        found.add(frozenset(ext))
        inside = set(ext)
        s.add([-(a + 1) if a in inside else a + 1 for a in range(s.n)])
    return found


@SETTINGS
@given(frameworks())
def test_the_whole_framework_formula_has_exactly_the_stable_extensions(af):
    with StableSolver(af, grounded(af)) as s:
        assert every_extension(s) == set(brute.stable_extensions(af))


@SETTINGS
@given(frameworks())
def test_stable_queries_with_and_without_an_argument_match_brute_force(af):
    exts = set(brute.stable_extensions(af))
    g = grounded(af)
    found = some_stable(af, g)
    assert (found is None) == (not exts)
    assert found is None or frozenset(found) in exts
    for a in range(af.n):
        holding = stable_with(af, a, g)
        assert (holding is not None) == any(a in e for e in exts)
        assert holding is None or (a in holding and frozenset(holding) in exts)
        lacking = stable_without(af, a, g)
        assert (lacking is not None) == any(a not in e for e in exts)
        assert lacking is None or (a not in lacking and frozenset(lacking) in exts)


@SETTINGS
@given(frameworks())
def test_sceptical_status_without_a_solver_matches_brute_force(af):
    exts = brute.stable_extensions(af)
    acc = sem.acceptance(af, "stable")
    assert acc.exists == bool(exts)
    for a in range(af.n):
        assert bool(acc.credulous[a]) == any(a in e for e in exts), a
        assert bool(acc.sceptical[a]) == all(a in e for e in exts), a


@SETTINGS
@given(frameworks(max_n=5))
def test_part_solvers_under_stable_semantics_hold_the_stable_labellings_of_the_part(af):
    # The whole framework as one part: its labellings are its stable extensions, and out(a)
    # is the literal saying a is not IN.
    nodes = list(range(af.n))
    exts = set(brute.stable_extensions(af))
    with LabellingSolver(af, nodes, stable=True) as s:
        for a in nodes:
            assert s.out(a) == -s.in_(a)
            without = s.solve([s.out(a)])
            assert (without is not None) == any(a not in e for e in exts)
            assert without is None or frozenset(without) in exts


def test_an_argument_attacked_only_by_itself_leaves_no_stable_extension():
    af = Framework.from_edges(3, [(0, 0), (1, 2), (2, 1)])
    assert some_stable(af, grounded(af)) is None
    assert not sem.credulous(af, 1, "stable").yes
    assert sem.sceptical(af, 1, "stable").yes  # vacuously


def test_a_self_attacker_attacked_by_a_pair_member_is_out_in_the_one_extension_holding_it():
    # 0 <-> 1, 1 -> 2, 2 -> 2: only {1} attacks 2, so {1} is the one stable extension.
    af = Framework.from_edges(3, [(0, 1), (1, 0), (1, 2), (2, 2)])
    assert some_stable(af, grounded(af)) == [1]
    assert sem.sceptical(af, 1, "stable").yes and not sem.credulous(af, 0, "stable").yes
    assert sem.acceptance(af, "stable").labels() == bytearray([2, 1, 2])


def test_one_unattacked_odd_cycle_anywhere_means_no_stable_extension():
    # Many pairs (each with two stable labellings) and one 3-cycle far from the query.
    pairs = 50
    edges = [(2 * i, 2 * i + 1) for i in range(pairs)] + [(2 * i + 1, 2 * i) for i in range(pairs)]
    m = 2 * pairs
    edges += [(m, m + 1), (m + 1, m + 2), (m + 2, m)]
    af = Framework.from_edges(m + 3, edges)
    assert sem.some_extension(af, "stable") is None
    assert not sem.credulous(af, 0, "stable").yes and sem.sceptical(af, 0, "stable").yes
    assert not sem.acceptance(af, "stable").exists


@pytest.mark.parametrize("seed", range(10))
def test_stable_answers_agree_with_clingo_on_larger_frameworks(seed):
    rng = random.Random(seed)
    n = 30 + 3 * seed
    edges = {(rng.randrange(n), rng.randrange(n)) for _ in range(int(n * 1.3))}
    af = Framework.from_edges(n, sorted(edges))
    exts = clingo_af.extensions(af, "stable")
    g = grounded(af)
    found = some_stable(af, g)
    assert (found is None) == (not exts)
    acc = sem.acceptance(af, "stable")
    for a in range(n):
        assert bool(acc.credulous[a]) == any(a in e for e in exts), a
        if exts:
            assert bool(acc.sceptical[a]) == all(a in e for e in exts), a
        assert (stable_with(af, a, g) is not None) == any(a in e for e in exts)
        assert (stable_without(af, a, g) is None) == all(a in e for e in exts)
