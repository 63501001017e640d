"""AIF: export as AIFdb writes it, import of real AIFdb nodesets, and the round trip."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from argmap.formats.aif import dumps
from argmap.formats.aif_import import read
from argmap.formats.draft import files_of
from argmap.reading.locations import bundled_scenario
from argmap.validation.load import load_scenario
from argmap.views.selection import Scope, select

from .conftest import INTEROP as SHARED

INTEROP = SHARED / "aif"
REAL = sorted(INTEROP.glob("*.json")) if INTEROP.is_dir() else []
IRREGULAR = sorted((INTEROP / "irregular").glob("*.json")) if INTEROP.is_dir() else []
RELATIONS = ("RA", "CA", "MA")


def expected_counts(document: dict[str, Any]) -> tuple[int, int]:
    """Claims and relations the file holds, counted from its nodes and edges: one claim per
    I-node (and per L-node that is a relation's end while asserting no I-node), one relation per
    premise and conclusion of each RA, CA and MA node."""
    kind = {n["nodeID"]: n["type"] for n in document["nodes"]}
    into: dict[str, list[str]] = {n: [] for n in kind}
    out: dict[str, list[str]] = {n: [] for n in kind}
    for e in document["edges"]:
        if e["fromID"] != e["toID"]:
            out[e["fromID"]].append(e["toID"])
            into[e["toID"]].append(e["fromID"])
    asserted = {
        n for n in kind if kind[n] == "L" for ya in out[n] if kind[ya] == "YA" for i in out[ya] if kind[i] == "I"
    }
    proper = {
        n for n in kind if kind[n] == "L" and n not in asserted and any(kind[m] in RELATIONS for m in into[n] + out[n])
    }
    claims = sum(k == "I" for k in kind.values()) + len(proper)

    def ends(node: str, edges: dict[str, list[str]]) -> list[str]:
        return [m for m in edges[node] if kind[m] in ("I", "L")]

    made: dict[str, int] = {}

    def count(node: str) -> int:
        if node not in made:
            premises = len(ends(node, into))
            targets = len(ends(node, out)) + sum(count(t) for t in out[node] if kind[t] in RELATIONS)
            made[node] = premises * targets
        return made[node]

    return claims, sum(count(n) for n in kind if kind[n] in RELATIONS)


@pytest.mark.skipif(not REAL, reason="interop files absent")
@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_real_files_import_every_node(path: Path, tmp_path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    draft = read(text, path.name)
    assert draft.problems == []
    claims, relations = expected_counts(json.loads(text))
    assert (len(draft.claims), len(draft.relations)) == (claims, relations)
    for name, written in files_of(draft, tmp_path / "out.yaml"):
        name.write_text(written, encoding="utf-8")
    loaded = load_scenario(tmp_path / "out.yaml")
    assert [d for d in loaded.diagnostics if d.severity == "error"] == []


def test_microtexts_undercuts_target_the_relations(tmp_path: Path) -> None:
    path = INTEROP / "microtexts-nodeset6365.json"
    if not path.is_file():
        pytest.skip("interop files absent")
    draft = read(path.read_text(encoding="utf-8"), path.name)
    ids = {r["id"]: r for r in draft.relations}
    undercuts = [r for r in draft.relations if r["type"] == "undercuts"]
    assert len(undercuts) == 2
    # One undercuts a support (CA onto RA), the other an undercut (CA onto CA).
    assert sorted(ids[u["to"]]["type"] for u in undercuts) == ["supports", "undercuts"]


@pytest.mark.skipif(not IRREGULAR, reason="interop files absent")
@pytest.mark.parametrize("path", IRREGULAR, ids=lambda p: p.name)
def test_irregular_files_give_located_diagnostics(path: Path) -> None:
    draft = read(path.read_text(encoding="utf-8"), path.name)
    assert draft.problems
    assert all(d.file == path.name and d.line > 0 and d.col > 0 for d in draft.problems)
    assert {d.code for d in draft.problems} <= {"E108", "E114"}
    assert draft.claims and draft.relations


def test_qt30_speakers_and_dates() -> None:
    path = INTEROP / "qt30-nodeset21008.json"
    if not path.is_file():
        pytest.skip("interop files absent")
    draft = read(path.read_text(encoding="utf-8"), path.name)
    # The locutions' start (when it was said), else their timestamp.
    assert Counter(c["date"] for c in draft.claims) == {"2020-10-15": 10, "2021-04-29": 1}
    assert "Ryan Unknown" in {a["name"] for a in draft.actors}
    text = next(iter(draft.source_texts.values()))
    assert all(c["evidence"][0]["quote"] in text for c in draft.claims)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "E005"),
        ("[1, 2]", "E201"),
        ('{"nodes": 3, "edges": []}', "E201"),
        ('{"edges": []}', "E203"),
        ('{"nodes": [{"nodeID": "1", "type": "I", "text": "a"}, 7], "edges": []}', "E201"),
        ('{"nodes": [{"nodeID": "1", "type": "I", "text": "a"}, {"nodeID": "1", "type": "I", "text": "b"}]}', "E102"),
        ('{"nodes": [{"nodeID": "1", "type": "Q", "text": "a"}], "edges": []}', "E204"),
        ('{"nodes": [{"nodeID": "1", "type": "I", "text": "a"}], "edges": [{"fromID": "1", "toID": "9"}]}', "E101"),
        ('{"nodes": [{"nodeID": "1", "type": "I", "text": ""}], "edges": []}', "E204"),
        ('{"nodes": [{"nodeID": [], "type": "I", "text": "a"}], "edges": []}', "E201"),
        ('{"nodes": [], "edges": [], "locutions": [{"nodeID": "4"}]}', "E101"),
        (
            '{"nodes": [{"nodeID": "1", "type": "I", "text": "a"}, {"nodeID": 2, "type": "RA"}], '
            '"edges": [{"fromID": "1", "toID": "2"}, {"fromID": 2, "toID": "1"}]}',
            "E108",
        ),
        ('{"nodes": [{"nodeID": "1",, }', "E005"),
    ],
)
def test_bad_input_is_located_never_raised(text: str, code: str) -> None:
    draft = read(text, "bad.json")
    assert code in {d.code for d in draft.problems}
    assert all(d.file == "bad.json" for d in draft.problems)


@pytest.fixture(scope="module")
def exported() -> tuple[Any, dict[str, Any]]:
    loaded = load_scenario(bundled_scenario())
    selection = select(loaded, Scope(commentators=True))
    return selection, json.loads(dumps(selection))


def test_export_has_the_aifdb_shape(exported: tuple[Any, dict[str, Any]]) -> None:
    selection, document = exported
    assert set(document) == {"nodes", "edges", "locutions", "participants"}
    kinds = Counter(n["type"] for n in document["nodes"])
    assert kinds["I"] == len(selection.claims)
    assert kinds["L"] == kinds["YA"] == len(document["locutions"]) == sum(len(c.evidence) for c in selection.claims)
    rel = Counter(r.type for r in selection.relations)
    assert kinds["RA"] == rel["supports"]
    assert kinds["CA"] == rel["attacks"] + 2 * rel["contradicts"] + rel["undercuts"]
    ids = [n["nodeID"] for n in document["nodes"]]
    assert len(set(ids)) == len(ids) and all(isinstance(i, str) for i in ids)
    for edge in document["edges"]:
        assert {edge["fromID"], edge["toID"]} <= set(ids)
    people = {p["participantID"] for p in document["participants"]}
    assert all(loc["personID"] in people and loc["timestamp"] for loc in document["locutions"])
    for node in document["nodes"]:
        if node["type"] == "L":
            assert " : " in node["text"]


def test_round_trip_keeps_claims_relations_speakers_dates(
    exported: tuple[Any, dict[str, Any]], tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    selection, document = exported
    source = tmp_path / "map.aif.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    ran = run_cli("import", str(source), "--from", "aif", "-o", str(tmp_path / "again.yaml"))
    assert "Traceback" not in ran.stderr
    draft = read(source.read_text(encoding="utf-8"), source.name)
    assert draft.problems == []
    claims = {c["id"]: c for c in draft.claims}
    actors = {a["id"]: a["name"] for a in draft.actors}
    for claim in selection.claims:
        got = claims[claim.id]
        assert got["text"] == claim.text
        assert got["kind"] == claim.kind
        assert actors[got["actor"]] == selection.actor(claim.actor).name
        date = selection.debate.date_of_claim(claim.id)
        assert got.get("date") == (str(date) if date is not None else None)
    assert len(draft.claims) == len(selection.claims)
    relations = {r["id"]: (r["type"], r["from"], r["to"]) for r in draft.relations}
    assert relations == {r.id: (r.type, r.from_, r.to) for r in selection.relations}
    # Sides, kinds and ids of speakers come back from argmap's own keys: the map is valid again.
    loaded = load_scenario(tmp_path / "again.yaml")
    assert [d for d in loaded.diagnostics if d.severity == "error"] == []
    assert loaded.scenario is not None
    back = {a.id: a for a in loaded.scenario.actors}
    for claim in selection.claims:
        side = selection.debate.side_of_actor.get(claim.actor)
        mine = back[claims[claim.id]["actor"]]
        assert mine.id == claim.actor and mine.kind == selection.actor(claim.actor).kind
        if side is not None and side != claim.actor:
            assert back[mine.parent or ""].name == selection.actor(side).name
            assert back[mine.parent or ""].kind == "side"
    assert "AIF has no sides" not in ran.stderr


def test_speakers_sides_read_back_only_where_argmap_wrote_them_well(
    tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    def person(pid: str, name: str, **extra: Any) -> dict[str, Any]:
        return {"participantID": pid, "firstname": name, "surname": "", **extra}

    nodes, edges, locutions = [], [], []
    people = [
        person("1", "Ann", argmapID="ann", argmapKind="person", argmapSide="north", argmapSideName="North"),
        person("2", "Bob", argmapID="ann", argmapKind="person", argmapSide="north", argmapSideName="North"),
        person("3", "Cy", argmapID="Not An Id!", argmapSide="Not A Side!", argmapSideName="x"),
        person("4", "Di", argmapID="di", argmapSide="south"),  # a side with no name
        person("5", "North", argmapID="north", argmapKind="side"),
    ]
    for i, p in enumerate(people):
        i_id, l_id, ya_id = f"i{i}", f"l{i}", f"y{i}"
        nodes += [
            {"nodeID": i_id, "text": f"Claim {i}.", "type": "I"},
            {"nodeID": l_id, "text": f"{p['firstname']} : Claim {i}.", "type": "L"},
            {"nodeID": ya_id, "text": "Asserting", "type": "YA"},
        ]
        edges += [
            {"edgeID": f"e{i}a", "fromID": l_id, "toID": ya_id},
            {"edgeID": f"e{i}b", "fromID": ya_id, "toID": i_id},
        ]
        locutions.append({"nodeID": l_id, "personID": p["participantID"], "timestamp": f"2001-01-0{i + 1} 10:00:00"})
    source = tmp_path / "odd.json"
    source.write_text(json.dumps({"nodes": nodes, "edges": edges, "locutions": locutions, "participants": people}))
    ran = run_cli("import", str(source), "-o", str(tmp_path / "odd.yaml"))
    assert "Traceback" not in ran.stderr
    loaded = load_scenario(tmp_path / "odd.yaml")
    assert loaded.scenario is not None
    actors = {a.name: a for a in loaded.scenario.actors}
    assert actors["Ann"].id == "ann" and actors["Bob"].id != "ann"  # an id is given once
    assert actors["Ann"].parent == actors["Bob"].parent == "north" and actors["North"].kind == "side"
    assert actors["Cy"].parent is None and actors["Di"].parent is None
    assert len({a.id for a in loaded.scenario.actors}) == len(loaded.scenario.actors)
    assert not [d for d in loaded.diagnostics if d.code in ("E101", "E102", "E109", "E115")]
