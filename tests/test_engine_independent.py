"""The engine against clingo (answer set programming, encodings in ``tests/clingo_af.py``) on
frameworks too large to enumerate subsets of."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.engine import semantics as sem
from argmap.engine.framework import Framework
from tests import clingo_af


def random_framework(rng: random.Random, n: int, per_argument: float) -> Framework:
    edges = {(rng.randrange(n), rng.randrange(n)) for _ in range(int(n * per_argument))}
    return Framework.from_edges(n, sorted(edges))


@st.composite
def frameworks(draw: st.DrawFn) -> Framework:
    n = draw(st.integers(1, 14))
    pairs = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))
    return Framework.from_edges(n, draw(st.lists(pairs, max_size=2 * n, unique=True)))


@settings(max_examples=200, deadline=None, derandomize=True)
@given(frameworks())
def test_extensions_agree_with_clingo(af):
    for s in sem.SEMANTICS:
        ours = {frozenset(e) for e in sem.extensions(af, s)}
        assert ours == set(clingo_af.extensions(af, s)), s


@pytest.mark.parametrize("seed", range(12))
def test_acceptance_agrees_with_clingo_on_larger_frameworks(seed):
    rng = random.Random(seed)
    af = random_framework(rng, 24 + seed, 1.2)
    for s in ("preferred", "stable"):
        exts = clingo_af.extensions(af, s)
        acc = sem.acceptance(af, s)
        for a in range(af.n):
            assert bool(acc.credulous[a]) == any(a in e for e in exts), (s, a)
            if exts:
                assert bool(acc.sceptical[a]) == all(a in e for e in exts), (s, a)
        for a in rng.sample(range(af.n), 5):
            assert sem.credulous(af, a, s).yes == any(a in e for e in exts)
            assert sem.sceptical(af, a, s).yes == all(a in e for e in exts)
