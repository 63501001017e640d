"""The Argdown export, checked against the reference parser (@argdown/core, installed with npm
into benchmarks/.cache on first use by ``tests.npm_cache``; the tests skip where Node.js is
missing)."""

from __future__ import annotations

import fcntl
import json
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from argmap.formats.argdown import data_block, dumps, escape
from argmap.reading.locations import bundled_scenario
from argmap.scenario.loaded import Loaded
from argmap.views.selection import Scope, select
from tests.conftest import FIXTURES, INTEROP, valid
from tests.npm_cache import installed

ROOT = Path(__file__).resolve().parent.parent
ARGDOWN = "2.0.1"

# Parse and build the model with data, then print each statement's text, data and tags and
# each relation by type and ends (arguments in <>, statements in []).
RUNNER = """\
import { readFileSync } from "node:fs";
import { ArgdownApplication, ParserPlugin, ModelPlugin, DataPlugin } from "@argdown/core";


const app = new ArgdownApplication();
app.addPlugin(new ParserPlugin(), "parse-input");
app.addPlugin(new ModelPlugin(), "build-model");
app.addPlugin(new DataPlugin(), "build-model");
const input = readFileSync(process.argv[2], "utf8");
const r = app.run({ input, process: ["parse-input", "build-model"], logExceptions: false });
const end = (m) => (m.type === "argument" ? `<${m.title}>` : `[${m.title}]`);
const errors = [...(r.lexerErrors ?? []), ...(r.parserErrors ?? []), ...(r.exceptions ?? [])];
console.log(JSON.stringify({
  errors: errors.map((e) => String(e.message ?? e)),
  statements: Object.fromEntries(Object.entries(r.statements ?? {}).map(([title, ec]) => [title, {
    text: ec.members.map((m) => m.text ?? "").find(Boolean) ?? "",
    data: ec.data ?? ec.members.map((m) => m.data).find(Boolean) ?? null,
    tags: ec.tags ?? [],
  }])),
  arguments: Object.keys(r.arguments ?? {}),
  pcs: Object.fromEntries(Object.entries(r.arguments ?? {}).map(([title, a]) => [title,
    (a.pcs ?? []).map((s) => s.title)])),
  relations: (r.relations ?? []).map((x) => [x.relationType, end(x.from), end(x.to)]),
}));
"""
TYPES = {"supports": "support", "attacks": "attack", "contradicts": "contradictory", "undercuts": "undercut"}


def _install() -> Path:
    folder = installed("@argdown/core", ARGDOWN)
    runner = folder / "argmap-test-runner.js"
    with (folder / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not runner.exists() or runner.read_text() != RUNNER:
            runner.write_text(RUNNER)
    return runner


@pytest.fixture(scope="session")
def parse_argdown() -> Any:
    runner = _install()

    def parse(text: str, tmp: Path) -> dict[str, Any]:
        file = tmp / "map.argdown"
        file.write_text(text, encoding="utf-8")
        done = subprocess.run(["node", str(runner), str(file)], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        result: dict[str, Any] = json.loads(done.stdout)
        return result

    return parse


def _cases() -> list[tuple[str, Loaded]]:
    return [("bundled", valid(bundled_scenario())), ("council", valid(FIXTURES / "engine" / "council.yaml"))]


@pytest.mark.parametrize("name", ["bundled", "council"])
def test_reference_parser_reads_the_export(name: str, parse_argdown: Any, tmp_path: Path) -> None:
    loaded = dict(_cases())[name]
    selection = select(loaded, Scope(commentators=True))
    parsed = parse_argdown(dumps(selection), tmp_path)
    assert parsed["errors"] == []
    statements = parsed["statements"]
    assert sorted(statements) == sorted(c.id for c in selection.claims)
    for claim in selection.claims:
        got = statements[claim.id]
        side = selection.side_of(claim.id)
        assert got["text"].removesuffix(f"#({side}) " if side else "").strip() == " ".join(claim.text.split())
        assert got["data"]["speaker"] == selection.actor(claim.actor).name
        assert got["data"]["quotes"] == [e.quote for e in claim.evidence]
        assert got["data"]["kind"] == claim.kind
        assert got["tags"] == ([side] if side else [])
    want = sorted(
        [TYPES[r.type], f"[{r.from_}]", f"<{r.to}>" if r.type == "undercuts" else f"[{r.to}]"]
        for r in selection.relations
    )
    assert sorted(parsed["relations"]) == want
    undercut = {r.to for r in selection.relations if r.type == "undercuts"}
    assert sorted(parsed["arguments"]) == sorted(undercut)
    if name == "council":
        assert undercut, "the fixture has an undercut"


def test_markup_in_texts_stays_text(parse_argdown: Any, tmp_path: Path) -> None:
    hostile = r"A [b] <c> #d {e: f} *g* _h_ @[i] http://j.org/k_l // m /* n */ \o + p - q -> r"
    text = f"[s]: {escape(hostile)} {data_block({'speaker': hostile})}\n"
    parsed = parse_argdown(text, tmp_path)
    assert parsed["errors"] == []
    assert parsed["statements"]["s"]["text"].strip() == hostile
    assert parsed["statements"]["s"]["data"]["speaker"] == hostile
    assert parsed["relations"] == []


ARGDOWN_FILES = INTEROP / "argdown"


@pytest.mark.parametrize("name", ["bundled", "council"])
def test_round_trip_keeps_claims_relations_speakers_dates(name: str) -> None:
    from argmap.formats.argdown_import import read

    selection = select(dict(_cases())[name], Scope(commentators=True))
    draft = read(dumps(selection), "map.argdown")
    assert draft.problems == []
    claims = {c["id"]: c for c in draft.claims}
    assert sorted(claims) == sorted(c.id for c in selection.claims)
    names = {a["id"]: a["name"] for a in draft.actors}
    for claim in selection.claims:
        assert names[claims[claim.id]["actor"]] == selection.actor(claim.actor).name
        date = selection.debate.date_of_claim(claim.id)
        assert claims[claim.id].get("date") == (str(date) if date else None)
    got = sorted((r["type"], r["from"], r["to"]) for r in draft.relations)
    assert got == sorted((r.type, r.from_, r.to) for r in selection.relations)


REAL = sorted(ARGDOWN_FILES.glob("*.argdown")) if ARGDOWN_FILES.is_dir() else []
# The reference's relation types as argmap's: a contrary is an attack, a contradictory contradicts.
AS_ARGMAP = {"support": "supports", "attack": "attacks", "contrary": "attacks", "contradictory": "contradicts"}
AS_ARGMAP["undercut"] = "undercuts"


@pytest.mark.skipif(not REAL, reason="the shared Argdown files are not here")
@pytest.mark.parametrize("file", REAL, ids=lambda f: f.name)
def test_real_files_match_the_reference_counts(file: Path, parse_argdown: Any, tmp_path: Path) -> None:
    """An argument with premises and a conclusion maps onto its conclusion (its premises support
    it); an argument without them becomes a claim of its own (its description). So the claims are
    the reference's statements and its unreconstructed arguments, and the relations are the
    reference's, by type, plus one support for each premise of a reconstructed argument."""
    from argmap.formats.argdown_import import read

    text = file.read_text(encoding="utf-8")
    parsed = parse_argdown(text, tmp_path)
    assert parsed["errors"] == []
    reconstructed = {title: pcs for title, pcs in parsed["pcs"].items() if pcs}
    draft = read(text, file.name)
    assert draft.problems == []
    assert len(draft.claims) == len(parsed["statements"]) + len(parsed["arguments"]) - len(reconstructed)
    want = Counter(AS_ARGMAP[type_] for type_, _, _ in parsed["relations"])
    want["supports"] += sum(len(pcs) - 1 for pcs in reconstructed.values())
    assert Counter(r["type"] for r in draft.relations) == want
    assert draft.notes == ["the Argdown file names no speaker: rename the actor 'Unnamed speaker' and assign claims"]


def test_continuation_lines_join_and_inference_lines_are_no_claims() -> None:
    from argmap.formats.argdown_import import read

    text = """[A]: One statement
wrapped over lines, with @[B] in it.
  + <Arg>: A description
  also wrapped.

<R>

(1) [B]: A premise
    on two lines.
-- Modus ponens {uses: [1]} --
(2) A conclusion
--
rule text over
two lines
--
(3) Another conclusion
"""
    draft = read(text, "t.argdown")
    assert [c["text"] for c in draft.claims] == [
        "One statement wrapped over lines, with @[B] in it.",
        "A description also wrapped.",
        "A premise on two lines.",
        "A conclusion",
        "Another conclusion",
    ]
    assert sorted((r["type"], r["from"], r["to"]) for r in draft.relations) == [
        ("supports", "arg", "a"),
        ("supports", "b", "untitled-2"),
        ("supports", "untitled-1", "untitled-2"),
    ]


def test_undercut_of_an_unreconstructed_argument() -> None:
    from argmap.formats.argdown_import import read

    draft = read("[T]: t\n  + <A>: a\n    <_ <U>: u\n\n<X>: x\n  <_ <V>: v\n", "t.argdown")
    support = next(r["id"] for r in draft.relations if r["type"] == "supports")
    assert ("undercuts", "u", support) in [(r["type"], r["from"], r["to"]) for r in draft.relations]
    # <X> stands for no relation: its undercut is left out, and said where
    assert not [r for r in draft.relations if r["from"] == "v"]
    assert any(n.startswith("line 6: the undercut of <X>") for n in draft.notes)


def test_an_unreadable_data_block_is_located() -> None:
    from argmap.formats.argdown_import import read

    draft = read("[A]: a\n\n[B]: b {x: [}\n", "t.argdown")
    assert [(d.code, d.line) for d in draft.problems] == [("E304", 3)]
    assert len(draft.claims) == 2


def test_data_blocks_read_together_read_as_each_reads_alone():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from argmap.formats.argdown_import import _data, _yaml

    pieces = st.sampled_from(
        ["{", "}", "[", "]", ", ", ": ", "a", "b", '"', "'", "#", " ", "-", "?", "&x", "*x", "!t", "1", "yes", "\\"]
    )
    block = st.lists(pieces, max_size=12).map(lambda ps: "{" + "".join(ps) + "}")

    @settings(deadline=None, max_examples=300)
    @given(st.lists(block | st.sampled_from(["{a: 1}", "{q: [x, y]}", '{s: "a, b"}']), max_size=6))
    def check(blocks: list[str]) -> None:
        assert _data(blocks) == [_yaml(b) for b in blocks]

    check()


def _split_data_by_characters(rest: str) -> tuple[str, str | None]:
    depth, start = 0, None
    for i, ch in enumerate(rest):
        if ch == "\\":
            continue
        if ch == "{" and (i == 0 or rest[i - 1] != "\\"):
            if depth == 0:
                start = i
            depth += 1
        elif ch == "}" and depth and rest[i - 1] != "\\":
            depth -= 1
            if depth == 0 and start is not None and not rest[i + 1 :].strip():
                return rest[:start], rest[start:]
    return rest, None


def test_a_trailing_data_block_is_found_as_a_walk_over_every_character_finds_it():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from argmap.formats.argdown_import import _split_data

    @settings(deadline=None, max_examples=500)
    @given(st.text(st.sampled_from(list("{}\\ a:\t\u3000")), max_size=20))
    def check(rest: str) -> None:
        assert _split_data(rest) == _split_data_by_characters(rest)

    check()


def test_markdown_emphasis_is_read_as_argdown_shows_it_the_words_without_the_marks():
    from argmap.formats.argdown_import import read

    text = (
        "[a]: A __rich__ *text* with **bold** and __*both*__.\n"
        "[b]: Escaped \\*stars\\* and snake_case_words, 2 * 3 * 4.\n"
    )
    claims = {c["id"]: c["text"] for c in read(text, "t.argdown").claims}
    assert claims == {
        "a": "A rich text with bold and both.",
        "b": "Escaped *stars* and snake_case_words, 2 * 3 * 4.",
    }


def test_comments_are_found_as_the_two_patterns_over_the_whole_text_find_them():
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from argmap.formats.argdown_import import _strip_comments

    def by_patterns(text: str) -> str:
        text = re.sub(r"<!--.*?-->|/\*.*?\*/", lambda m: "\x00" + "\n\x00" * m.group(0).count("\n"), text, flags=re.S)
        return re.sub(r"(?<![:\\])//.*", "\x00", text)

    pieces = st.sampled_from(["<!--", "-->", "/*", "*/", "//", "/", "*", ":", "\\", "\n", "a", " ", "<", "-"])

    @settings(deadline=None, max_examples=400)
    @given(st.lists(pieces, max_size=30).map("".join))
    def check(text: str) -> None:
        assert _strip_comments(text) == by_patterns(text)

    check()
