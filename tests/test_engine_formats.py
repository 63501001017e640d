"""ICCMA 2023 and APX files: round trips, and located errors for bad input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.base.diagnostics import Diagnostic
from argmap.engine.framework import Framework
from argmap.formats import apx, iccma


@st.composite
def frameworks(draw: st.DrawFn) -> Framework:
    n = draw(st.integers(0, 12))
    if n == 0:
        return Framework.from_edges(0, [])
    pairs = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))
    return Framework.from_edges(n, draw(st.lists(pairs, max_size=3 * n, unique=True)))


def edges(af: Framework) -> set[tuple[int, int]]:
    return set(af.edges())


@settings(max_examples=300, deadline=None, derandomize=True)
@given(frameworks())
def test_iccma_round_trip(af):
    back = iccma.parse(iccma.dumps(af))
    assert isinstance(back, Framework)
    assert back.n == af.n and edges(back) == edges(af)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(frameworks(), st.sampled_from(["plain", "odd"]))
def test_apx_round_trip_keeps_names(af, style):
    names = [f"a{i}" if style == "plain" else f"claim-{i}.x" for i in range(af.n)]
    named = Framework.from_edges(af.n, af.edges(), names)
    back = apx.parse(apx.dumps(named))
    assert isinstance(back, Framework)
    assert list(back.all_names()) == names and edges(back) == edges(af)


def test_iccma_reads_comments_blank_lines_and_names_arguments_by_number():
    af = iccma.parse("# made by hand\np af 3\n\n1 2\n# the second attack\n2 3\n3 3\n")
    assert isinstance(af, Framework)
    assert af.n == 3 and edges(af) == {(0, 1), (1, 2), (2, 2)}
    assert af.index()["3"] == 2


def test_iccma_writes_names_as_comments():
    text = iccma.dumps(Framework.from_names(["x", "y"], [("x", "y")]))
    assert text == "p af 2\n# 1 x\n# 2 y\n1 2\n"


@pytest.mark.parametrize(
    ("text", "code", "line", "col"),
    [
        ("1 2\n", "E301", 1, 1),
        ("p af x\n", "E301", 1, 1),
        ("", "E301", 1, 1),
        ("p af 2\np af 2\n", "E301", 2, 1),
        ("p af 3\n1 2 3\n", "E302", 2, 1),
        ("p af 3\n1 2\n  2 b\n", "E302", 3, 3),
        ("p af 3\n1 4\n", "E303", 2, 3),
        ("p af 3\n# fine\n0 1\n", "E303", 3, 1),
    ],
)
def test_iccma_bad_input_is_located(text, code, line, col):
    found = iccma.parse(text, "bad.af")
    assert isinstance(found, list) and found
    first = found[0]
    assert (first.code, first.file, first.line, first.col) == (code, "bad.af", line, col)
    assert first.render().startswith(f"bad.af:{line}:{col}: error[{code}]:")


@pytest.mark.parametrize(
    ("text", "code", "line", "col"),
    [
        ("arg(a).\natt(a,b).\n", "E303", 2, 7),
        ("arg(a).\nfoo(a).\n", "E302", 2, 1),
        ("arg(a) att(a,a).\n", "E302", 1, 1),
        ("arg(a).\n  att(a, a)\n", "E302", 2, 3),
    ],
)
def test_apx_bad_input_is_located(text, code, line, col):
    found = apx.parse(text, "bad.apx")
    assert isinstance(found, list) and found
    assert isinstance(found[0], Diagnostic)
    assert (found[0].code, found[0].line, found[0].col) == (code, line, col)


def test_apx_accepts_comments_quotes_and_several_statements_a_line():
    af = apx.parse('% a comment\narg(a). arg("b c").\natt(a, "b c"). att("b c",a). % end\n')
    assert isinstance(af, Framework)
    assert list(af.all_names()) == ["a", "b c"] and edges(af) == {(0, 1), (1, 0)}
