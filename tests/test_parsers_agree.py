"""The fast path is exactly as strict as the careful one: on random and hostile texts the two
agree on valid or invalid, and on the data when both accept."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from argmap.authoring.starter import SOURCE_TEXT, render
from argmap.reading import parsing
from argmap.reading.parsing import parse, positioned_parse, same_data
from argmap.scenario.model import Catalogue
from argmap.validation import shape
from argmap.validation.load import load_scenario

FRAGMENTS = [
    "title",
    "a",
    "b",
    "1",
    ": ",
    ":",
    "- ",
    "-",
    "? ",
    "\n",
    "  ",
    "    ",
    "\t",
    "[",
    "]",
    "{",
    "}",
    ", ",
    ",",
    "'",
    '"',
    "''",
    "!",
    "!!str ",
    "!!int ",
    "!foo ",
    "&x ",
    "*x",
    "%YAML 1.2\n",
    "%YAML 1.1\n",
    "%TAG ! tag:x,2000:\n",
    "---\n",
    "...\n",
    "# c",
    "\\",
    "\\e",
    "\\x1b",
    "\\u00e9",
    "\\n",
    "1_0",
    "0x1F",
    "0o7",
    "0b1",
    ".inf",
    "-.5",
    "+1",
    "1e3",
    "08",
    "~",
    "null",
    "Null",
    "true",
    "yes",
    "on",
    "é",
    "\u2028",
    "\u00a0",
    "|",
    ">",
    "|-\n",
    "x y",
    "=",
    "<<: ",
    "0b1",
    "0X1F",
    "+0x1",
    "_1",
    "9E_4",
    "._5",
    "425._",
    "[>x",
    "[|y",
    "{n: |o",
    "{p:, ",
    ":}",
    ":]",
    "? ",
    "|2-",
    ">+",
    "2001-01-01",
    "@",
    "`",
]

texts = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)

SCENARIO = render("s.yaml", "s-source.txt")[0]
# Whole-file variants: a valid scenario with a fragment spliced in at a line start.
spliced = st.tuples(st.integers(0, SCENARIO.count("\n")), texts).map(
    lambda t: "\n".join(
        [*SCENARIO.split("\n")[: t[0]], t[1] + SCENARIO.split("\n")[t[0]], *SCENARIO.split("\n")[t[0] + 1 :]]
    )
)


def _non_text_key(data) -> bool:
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if any(not isinstance(k, str) for k in node):
                return True
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return False


def _agree(text: str, name: str) -> None:
    data, _, problems = parse(text, name)
    careful = positioned_parse(text, name) if text.strip() else None
    if careful is None:
        assert problems and problems[0].code == "E004"
        return
    if not problems and careful.diagnostics and _non_text_key(data):
        # The fast parser keeps a key such as 1, null or an empty or explicit key as it is; no
        # model has such a key, so the file is refused at the next layer, and the careful
        # parse then says why.
        assert shape.validate(data)[1] and shape.validate(data, Catalogue)[1]
        return
    assert bool(problems) == bool(careful.diagnostics), (text, problems, careful.diagnostics)
    if not problems:
        assert same_data(data, careful.data), (text, data, careful.data)


@settings(max_examples=1500, deadline=None)
@given(texts)
@example("a: 1_000\n")
@example("a: !!binary aGk=\n")
@example("a: 1\n---\nb: 2\n")
@example("a:\tb\n")
@example("1: x\nb: y\n")
@example("%YAML 9.9\n---\na: 1\n")
@example('a: "\\e]0;x\\a"\n')
def test_yaml_fast_and_careful_parsers_agree(text):
    _agree(text, "s.yaml")


@settings(max_examples=300, deadline=None)
@given(spliced)
def test_parsers_agree_on_damaged_scenarios(text):
    _agree(text, "s.yaml")


json_texts = st.lists(
    st.sampled_from(
        [
            '{"a": ',
            '"b"',
            "1",
            "1.5",
            "-0",
            "1e999",
            "NaN",
            "Infinity",
            "true",
            "null",
            "[",
            "]",
            "{",
            "}",
            ", ",
            ": ",
            '"\\u001b"',
            '"\\ud800"',
            '"\\n"',
            '"x"',
            "\t",
            "\n",
            " ",
            "'",
            '"a": 1, "a": 2',
        ]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=1000, deadline=None)
@given(json_texts)
@example('{"a": 1, "a": 2}')
@example('{"a": NaN}')
@example('{"a": "\\u001b"}')
def test_json_fast_and_careful_parsers_agree(text):
    _agree(text, "s.json")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(spliced)
def test_loading_gives_the_same_verdict_and_codes_on_either_path(tmp_path, monkeypatch, text):
    (tmp_path / "s-source.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    either = load_scenario(path)
    with monkeypatch.context() as m:
        m.setattr(parsing, "needs_care", lambda text, name, **_: "forced")
        careful = load_scenario(path)
    assert either.ok == careful.ok
    assert [(d.code, d.line, d.col) for d in either.diagnostics] == [
        (d.code, d.line, d.col) for d in careful.diagnostics
    ]


HOSTILE = {
    "deep-block-sequence.yaml": "- " * 20000 + "x\n",
    "deep-block-mapping.yaml": "".join(" " * i + "a:\n" for i in range(3000)) + " " * 3000 + "b\n",
    "deep-flow.yaml": "title: " + "[" * 100000 + "]" * 100000 + "\n",
    "deep.json": "[" * 100000 + "]" * 100000,
    "deep-object.json": '{"a":' * 50000 + "1" + "}" * 50000,
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_deep_nesting_is_a_located_error_in_a_fresh_process(tmp_path, name):
    path = tmp_path / name
    path.write_text(HOSTILE[name], encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "argmap", "validate", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert "error[E008]: nesting deeper than 64 levels" in proc.stdout
    assert f"{name}:" in proc.stdout


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("format: 1", "format: 0b1"),
        ("format: 1", "format: 0X1"),
        ("format: 1", "format: +0o1"),
        ("format: 1", "format: 0_1"),
        ("    date: 2024-05-03", "    date: 2024-05-03\n    order: 0X10"),
        ("    date: 2024-05-03", "    date: _2024"),
        ("    published: 2024-05-03", "    published: 0b11111101000"),
        ("{id: reed, name: Councillor Reed,", "{id: reed, name: |ouncillor Reed,"),
        ("    stance: for\n    kind: position", "    stance: for\n    tags: [>x, |y]\n    kind: position"),
        ("parent: upton}", "parent: upton, colour:}"),
    ],
)
def test_numbers_and_indicators_the_parsers_read_differently_never_pass(tmp_path, old, new):
    text = SCENARIO.replace(old, new, 1)
    assert text != SCENARIO
    (tmp_path / "s-source.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    assert parsing.needs_care(text, "s.yaml") is not None
    assert not load_scenario(path).ok
