"""The reference-answer check (benchmarks/reference_answers.py): its completeness test, the
semantics it derives from the complete extensions and its judgement of argmap's output, each
against brute force on small frameworks, so a run on a published reference cannot pass or
fail through a fault of its own."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.engine import problems
from argmap.engine.framework import Framework
from argmap.engine.instance import Instance
from benchmarks import reference_answers as ref
from tests import brute

SMALL = settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def frameworks(draw: st.DrawFn, max_n: int = 6) -> Framework:
    n = draw(st.integers(1, max_n))
    pairs = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))
    edges = draw(st.lists(pairs, max_size=n * n // 2 + 2, unique=True))
    return Framework.from_edges(n, edges, [f"a{i}_0" for i in range(n)])


def named(af: Framework) -> tuple[list[str], list[tuple[str, str]]]:
    names = list(af.all_names())
    return names, [(names[a], names[b]) for a, b in af.edges()]


def as_names(af: Framework, exts: list[frozenset[int]]) -> list[frozenset[str]]:
    return [frozenset(af.name(a) for a in e) for e in exts]


@SMALL
@given(frameworks())
def test_a_set_passes_the_completeness_check_exactly_when_brute_force_finds_it_complete(af):
    names, attacks = named(af)
    complete = set(as_names(af, brute.complete_extensions(af)))
    for k in range(af.n + 1):
        for subset in itertools.combinations(names, k):
            s = frozenset(subset)
            assert (ref.not_complete(names, attacks, s) is None) == (s in complete)


@SMALL
@given(frameworks())
def test_grounded_preferred_and_stable_derived_from_the_complete_extensions_are_brute_forces(af):
    names, attacks = named(af)
    sem = ref.Semantics.derive(names, attacks, as_names(af, brute.complete_extensions(af)))
    assert sem.extensions["GR"] == as_names(af, [brute.grounded_extension(af)])
    assert set(sem.extensions["PR"]) == set(as_names(af, brute.preferred_extensions(af)))
    assert set(sem.extensions["ST"]) == set(as_names(af, brute.stable_extensions(af)))


@SMALL
@given(frameworks())
def test_argmaps_answers_to_every_problem_are_judged_right(af):
    names, attacks = named(af)
    sem = ref.Semantics.derive(names, attacks, as_names(af, brute.complete_extensions(af)))
    inst = Instance.whole(af)
    for problem in problems.PROBLEMS:
        asked = range(af.n) if problems.needs_argument(problem) else [None]
        for a in asked:
            for witness in (True, False):
                text = "".join(problems.answer(inst, problem, a, witness=witness))
                name = None if a is None else names[a]
                assert ref.wrong(sem, problem, name, text, witness=witness) is None, (problem, name, text)


# A ring of four rebutting pairs beside an unattacked argument: complete extensions {c},
# {a,c,d} and {b,c,e}; the last two are preferred and stable.
RING = Framework.from_names(
    ["a", "b", "c", "d", "e"],
    [("a", "b"), ("b", "a"), ("b", "d"), ("d", "b"), ("d", "e"), ("e", "d"), ("e", "a"), ("a", "e")],
)


def ring() -> ref.Semantics:
    names, attacks = named(RING)
    return ref.Semantics.derive(names, attacks, as_names(RING, brute.complete_extensions(RING)))


def test_a_wrong_answer_or_a_wrong_witness_is_caught():
    sem = ring()
    assert ref.wrong(sem, "DC-ST", "a", "YES\nw a c d\n", witness=True) is None
    assert "expected YES" in (ref.wrong(sem, "DC-ST", "a", "NO\n", witness=True) or "")
    assert "lacks" in (ref.wrong(sem, "DC-CO", "a", "YES\nw b c e\n", witness=True) or "")
    assert "no complete" in (ref.wrong(sem, "DC-CO", "a", "YES\nw a d\n", witness=True) or "")
    assert "holds" in (ref.wrong(sem, "DS-PR", "a", "NO\nw a c d\n", witness=True) or "")
    assert "alone" in (ref.wrong(sem, "DC-PR", "a", "YES\nw a c d\n", witness=False) or "")
    assert "'w' line" in (ref.wrong(sem, "DS-ST", "d", "NO\n", witness=True) or "")
    assert "alone" in (ref.wrong(sem, "DS-CO", "c", "YES\nw c\n", witness=True) or "")
    assert "no grounded" in (ref.wrong(sem, "SE-GR", None, "w a c d\n", witness=True) or "")
    assert ref.wrong(sem, "SE-GR", None, "w c\n", witness=True) is None
    assert "line end" in (ref.wrong(sem, "DC-GR", "c", "YES", witness=False) or "")


def test_se_st_must_say_no_exactly_when_there_is_no_stable_extension():
    odd = Framework.from_names(["x", "y", "z"], [("x", "y"), ("y", "z"), ("z", "x")])
    names, attacks = named(odd)
    sem = ref.Semantics.derive(names, attacks, [frozenset()])
    assert sem.extensions["ST"] == []
    assert ref.wrong(sem, "SE-ST", None, "NO\n", witness=True) is None
    assert ref.wrong(sem, "SE-ST", None, "w\n", witness=True) is not None
    assert ref.wrong(ring(), "SE-ST", None, "NO\n", witness=True) is not None


def test_the_three_instance_formats_read_to_the_same_framework():
    tgf = "a\nb\nc\n#\na b\nb c\n"
    apx = "arg(a). arg(b).\narg(c). % the last\natt(a,b).\natt(b, c).\n"
    af = "p af 3\n# a comment\n1 2\n2 3\n"
    assert ref.read_tgf(tgf) == ref.read_apx(apx) == (["a", "b", "c"], [("a", "b"), ("b", "c")])
    assert ref.read_af(af) == (["1", "2", "3"], [("1", "2"), ("2", "3")])


def test_an_ee_answer_reads_to_its_extensions():
    text = "[[],[a49_0,a99_0],[a1_0]]\n\n3 solution(s) found\n"
    assert ref.read_extensions(text) == [frozenset(), frozenset({"a49_0", "a99_0"}), frozenset({"a1_0"})]


def test_runs_from_each_start_together_ask_about_every_argument_once():
    names = [f"a{i}" for i in range(11)]
    runs = [ref.sample(names, 3, start) for start in range(3)]
    assert sorted(a for run in runs for a in run) == sorted(names)
    assert ref.sample(names, 3, 1) == ["a1", "a4", "a7", "a10"]
    assert ref.sample(names, 4, 0, keep=["a5"]) == ["a0", "a4", "a5", "a8"]
