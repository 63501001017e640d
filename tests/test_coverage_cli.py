"""``argmap coverage``: its exit statuses and its JSON form."""

from __future__ import annotations

import hashlib
import json


def test_full_coverage_exits_0_in_both_forms(starter, run_cli):
    path = starter()
    assert run_cli("coverage", str(path)).returncode == 0
    result = run_cli("coverage", str(path), "--format", "json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert data["complete"] is True and data["missing"] == 0
    (source,) = data["sources"]
    assert source["source"] == "council-minutes" and source["total"] == source["quoted"] == 2
    assert [p["quoted"] for p in source["paragraphs"]] == [True, True]


def _with_source(path, text):
    """Replace the scenario's source text, its sha256 kept true."""
    source = path.with_name("s-source.txt")
    old_hash = hashlib.sha256(source.read_bytes()).hexdigest()
    source.write_text(text, encoding="utf-8")
    path.write_text(path.read_text().replace(old_hash, hashlib.sha256(source.read_bytes()).hexdigest()))


def test_an_unquoted_paragraph_exits_1_and_is_listed_in_json(starter, run_cli):
    path = starter()
    extra = "\nA third paragraph that nobody quotes, long enough to count as one of substance.\n"
    _with_source(path, path.with_name("s-source.txt").read_text() + extra)
    assert run_cli("coverage", str(path)).returncode == 1
    result = run_cli("coverage", str(path), "--format", "json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["complete"] is False and data["missing"] == 1
    third = data["sources"][0]["paragraphs"][2]
    assert third == {"number": 3, "line": 9, "quoted": False, "opening": third["opening"]}
    assert third["opening"].startswith("A third paragraph that nobody quotes")


def test_an_invalid_scenario_exits_1_with_its_diagnostics_and_no_json(starter, run_cli):
    path = starter(lambda s: s.replace("kind: prediction", "kind: guess"))
    result = run_cli("coverage", str(path), "--format", "json")
    assert result.returncode == 1 and result.stdout == "" and "error[E204]" in result.stderr


def test_openings_are_written_as_the_source_writes_them(starter, run_cli):
    path = starter()
    source = path.with_name("s-source.txt").read_text()
    _with_source(path, source.replace("The mayor of Upton said", "The mayor -- of Upton -- said"))
    result = run_cli("coverage", str(path), "--all")
    assert "¶1 (line 3): The mayor -- of Upton -- said" in result.stdout
