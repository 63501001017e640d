"""``argmap solve`` on hostile framework files: bounded, strict, located, and as small in memory
as the attacks a file holds."""

from __future__ import annotations

import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.base.diagnostics import Diagnostic
from argmap.engine import problems
from argmap.engine.framework import Framework
from argmap.engine.instance import Instance, _numbers
from argmap.formats import apx, iccma
from tests import brute

ROOT = Path(__file__).resolve().parent.parent


def argmap(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args], capture_output=True, text=True, timeout=120, cwd=ROOT
    )


def first_problem(text: str) -> Diagnostic:
    found = iccma.read(text, "f.af")
    assert isinstance(found, list) and found, found
    return found[0]


# --- the header's cap ----------------------------------------------------------------------------


@pytest.mark.parametrize("declared", ["10000001", "1000000000", "9" * 30, "9" * 5000])
def test_a_header_over_the_cap_is_a_located_e301(declared):
    d = first_problem(f"# made by hand\n  p af {declared}\n1 2\n")
    assert (d.code, d.line, d.col) == ("E301", 2, 3)
    assert "at most 10,000,000" in d.message and len(d.message) < 120


def test_a_header_at_the_cap_is_read():
    found = iccma.read(f"p af {iccma.MAX_ARGUMENTS}\n1 2\n")
    assert isinstance(found, Instance) and found.n == iccma.MAX_ARGUMENTS


def test_a_huge_header_with_few_attacks_stores_only_the_attacked_arguments():
    tracemalloc.start()
    try:
        found = iccma.read("p af 10000000\n1 2\n5000000 5000000\n")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert isinstance(found, Instance)
    assert found.core.n == 3 and list(found.ids or []) == [0, 1, 4999999]
    assert peak < 1_000_000


def test_a_file_whose_attacks_touch_most_arguments_is_stored_whole():
    found = iccma.read("p af 4\n1 2\n3 4\n")
    assert isinstance(found, Instance) and found.ids is None and found.core.n == 4


# --- digits and numbers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "line", "col"),
    [
        ("p af ²\n", "E301", 1, 1),
        ("p af ٣\n1 2\n", "E301", 1, 1),
        ("p af ３\n", "E301", 1, 1),
        ("p af 3\n1 ²\n", "E302", 2, 1),
        ("p af 3\n1 ٣\n", "E302", 2, 1),
        ("p af 30\n1_0 2\n", "E302", 2, 1),
        ("p af 3\n+1 2\n", "E302", 2, 1),
        ("p af 3\n1\u00a02\n", "E302", 2, 1),
        ("p af 3\n1\x0b2\n", "E302", 2, 1),
        ("p af 3\n1 " + "9" * 5000 + "\n", "E303", 2, 3),
        ("p af 3\n  2 3\n" + "4" * 4000 + " 1\n", "E303", 3, 1),
    ],
)
def test_only_ascii_digits_are_numbers_and_every_problem_is_located(text, code, line, col):
    d = first_problem(text)
    assert (d.code, d.line, d.col) == (code, line, col)
    assert len(d.message) < 160


def test_a_number_of_thousands_of_digits_is_reported_by_its_length():
    d = first_problem("p af 3\n1 " + "7" * 5000 + "\n")
    assert d.message == "argument of 5,000 digits is not among 1..3"


def test_the_second_of_two_bad_numbers_on_a_line_is_located_at_its_own_column():
    found = iccma.read("p af 3\n4 4\n")
    assert isinstance(found, list)
    assert [(d.line, d.col) for d in found] == [(2, 1), (2, 3)]


def test_leading_zeros_and_carriage_returns_are_read():
    found = iccma.read("p af 003\r\n01 2\r\n")
    assert isinstance(found, Instance)
    assert found.n == 3 and list(found.core.edges()) == [(0, 1)]


_PIECES = ["p af 3", "p af 12", "p af ٣", "1 2", "3 1", "2 2", "1 4", "0 1", "1", "1 2 3", "# c", " ", "\t", "1²", "x"]


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(_PIECES), max_size=6), st.sampled_from(["\n", "\r\n"]))
def test_the_fast_reading_refuses_a_file_exactly_when_the_located_reading_finds_a_problem(lines, end):
    text = end.join(lines)
    found = iccma.read(text, "f.af")
    located = iccma._errors(text.replace("\r\n", "\n"), "f.af")
    assert isinstance(found, list) == bool(located)


# --- answers over the arguments no attack touches -------------------------------------------------


@st.composite
def padded(draw: st.DrawFn) -> tuple[int, list[tuple[int, int]]]:
    """A few attacks among a few arguments, with many arguments in no attack."""
    touched = draw(st.integers(1, 5))
    n = touched + draw(st.integers(2000, 3000))
    at = draw(st.lists(st.integers(0, n - 1), min_size=touched, max_size=touched, unique=True))
    pairs = st.tuples(st.sampled_from(at), st.sampled_from(at))
    return n, draw(st.lists(pairs, max_size=8, unique=True))


def _text(n: int, edges: list[tuple[int, int]]) -> str:
    return f"p af {n}\n" + "".join(f"{a + 1} {b + 1}\n" for a, b in edges)


def _output(inst: Instance | Framework, problem: str, arg: int | None, witness: bool) -> list[str]:
    return "".join(problems.answer(inst, problem, arg, witness=witness)).splitlines()


_EXTENSIONS = {"CO": "complete", "PR": "preferred", "ST": "stable", "GR": "grounded"}


@settings(max_examples=60, deadline=None, derandomize=True)
@given(padded(), st.sampled_from(problems.PROBLEMS), st.booleans(), st.data())
def test_a_sparse_framework_answers_as_the_whole_one(case, problem, witness, data):
    n, edges = case
    sparse = iccma.read(_text(n, edges))
    assert isinstance(sparse, Instance) and sparse.ids is not None
    dense = Framework.from_edges(n, edges)
    touched = sorted({a for e in edges for a in e})
    arg = data.draw(st.sampled_from([*touched, 0, n - 1])) if problems.needs_argument(problem) else None
    got = _output(sparse, problem, arg, witness)
    want = _output(dense, problem, arg, witness)
    assert got[0].split()[0] == want[0].split()[0]  # YES, NO or w
    shown = [line for line in got if line.startswith("w")]
    if shown:
        printed = [int(x) - 1 for x in shown[0].split()[1:]]
        assert printed == sorted(set(printed))
        ext = frozenset(printed)
        semantics = _EXTENSIONS[problem.split("-")[1]]
        small = Framework.from_edges(len(touched), [(touched.index(a), touched.index(b)) for a, b in edges])
        inside = frozenset(touched.index(a) for a in ext if a in touched)
        assert inside in brute.extensions(small, semantics)
        assert ext - set(touched) == set(range(n)) - set(touched)


def test_every_isolated_argument_is_printed_in_order():
    inst = iccma.read("p af 2500\n1 2\n2 1\n7 7\n")
    assert isinstance(inst, Instance) and inst.ids is not None
    lines = _output(inst, "SE-GR", None, False)
    assert lines == ["w " + " ".join(str(a) for a in range(3, 2501) if a != 7)]


@pytest.mark.parametrize(("lo", "hi"), [(0, 0), (0, 999), (0, 1000), (998, 3005), (1000, 2000), (5, 12345)])
def test_numbers_are_named_as_str_names_them(lo, hi):
    assert "".join(_numbers(lo, hi)) == "".join(f" {i}" for i in range(lo + 1, hi + 1))


def test_the_query_argument_is_a_number_as_written_in_the_file():
    inst = iccma.read("p af 10000000\n1 2\n")
    assert isinstance(inst, Instance)
    assert inst.find("10000000") == 9999999 and inst.find("7") == 6
    assert [inst.find(s) for s in ("0", "07", "٣", "10000001", "+3", "9" * 5000)] == [None] * 6


# --- the command ----------------------------------------------------------------------------------


def test_solve_on_ten_million_arguments_and_one_attack_answers_quickly(tmp_path, run_cli):
    path = tmp_path / "huge.af"
    path.write_text("p af 10000000\n1 2\n", encoding="utf-8")
    assert run_cli("solve", "-p", "DC-PR", "-f", str(path), "-a", "9999999", "--no-witness").stdout == "YES\n"
    assert run_cli("solve", "-p", "DS-ST", "-f", str(path), "-a", "2", "--no-witness").stdout == "NO\n"


def test_solve_prints_an_extension_of_a_million_unattacked_arguments(tmp_path, run_cli):
    path = tmp_path / "wide.af"
    path.write_text("p af 1000000\n2 1\n", encoding="utf-8")
    result = run_cli("solve", "-p", "SE-ST", "-f", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "w " + " ".join(str(a) for a in range(2, 1_000_001)) + "\n"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("p af 1000000000\n1 2\n", "big.af:1:1: error[E301]: the header declares 1,000,000,000 arguments"),
        ("p af ²\n", "big.af:1:1: error[E301]: malformed header 'p af ²'"),
        ("p af 3\n1 ²\n", "big.af:2:1: error[E302]:"),
        ("p af 3\n1 " + "9" * 5000 + "\n", "big.af:2:3: error[E303]: argument of 5,000 digits"),
    ],
)
def test_solve_reports_bad_numbers_located_without_a_traceback(tmp_path, content, expected, run_cli):
    path = tmp_path / "big.af"
    path.write_text(content, encoding="utf-8")
    result = run_cli("solve", "-p", "SE-GR", "-f", "big.af", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith(expected) and "Traceback" not in result.stderr


@pytest.mark.parametrize("arg", ["٣", "03", "4", "+1"])
def test_solve_refuses_a_query_argument_not_in_the_file(tmp_path, arg, run_cli):
    path = tmp_path / "small.af"
    path.write_text("p af 3\n1 2\n", encoding="utf-8")
    result = run_cli("solve", "-p", "DC-GR", "-f", str(path), "-a", arg)
    assert result.returncode == 2 and "no argument" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_solve_refuses_a_named_pipe_instead_of_waiting(tmp_path):
    fifo = tmp_path / "pipe.af"
    os.mkfifo(fifo)
    result = argmap("solve", "-p", "SE-GR", "-f", str(fifo))
    assert result.returncode == 1
    assert "error[E001]: is a named pipe (FIFO), not a regular file" in result.stderr


def test_solve_refuses_a_file_that_is_not_utf8_at_its_place(tmp_path, run_cli):
    path = tmp_path / "latin.af"
    path.write_bytes(b"p af 2\n# caf\xe9\n1 2\n")
    result = run_cli("solve", "-p", "SE-GR", "-f", str(path))
    assert result.returncode == 1 and ":2:6: error[E003]" in result.stderr


def test_solve_refuses_control_characters_in_a_framework_file(tmp_path, run_cli):
    path = tmp_path / "esc.af"
    path.write_text("p af 2\n# \x1b[31m\n1 2\n", encoding="utf-8")
    result = run_cli("solve", "-p", "SE-GR", "-f", str(path))
    assert result.returncode == 1 and ":2:3: error[E010]" in result.stderr


# --- APX ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "col"),
    [
        ("arg(a).\u3000arg(b).\n", 1, 8),
        ("arg(a).\narg(\u00e9).\n", 2, 1),
        ("arg(a).\n" + "x" * 5000 + ".\n", 2, 1),
    ],
)
def test_apx_takes_ascii_names_and_spaces_only_and_cuts_long_text_short(text, line, col):
    found = apx.parse(text, "f.apx")
    assert isinstance(found, list)
    assert (found[0].code, found[0].line, found[0].col) == ("E302", line, col)
    assert len(found[0].message) < 120
