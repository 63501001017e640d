"""Argdown's own JSON export read as a scenario: counts taken from each real file itself."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from argmap.formats.argdown_json import TYPES, read
from argmap.validation.load import load_scenario

from .conftest import INTEROP

FILES = sorted((INTEROP / "argdown-json").glob("*.json"))


def expected(data):
    """Claims: every statement, and every argument without a main conclusion. Relations: the
    file's, by argmap type, and a support from each premise of an argument to its conclusion."""
    with_conclusion = {
        t: a for t, a in data["arguments"].items() if any(p.get("role") == "main-conclusion" for p in a.get("pcs", []))
    }
    claims = len(data["statements"]) + len(data["arguments"]) - len(with_conclusion)
    relations = Counter(TYPES[r["relationType"]] for r in data["relations"])
    premise_supports = {
        (p["title"], next(c["title"] for c in a["pcs"] if c.get("role") == "main-conclusion"))
        for a in with_conclusion.values()
        for p in a["pcs"]
        if p.get("role") == "premise"
    }
    relations["supports"] += len(premise_supports)
    return claims, relations


@pytest.mark.skipif(not FILES, reason="the interchange test files are not on this machine")
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_each_real_file_imports_with_its_counts(path, tmp_path, run_cli):
    data = json.loads(path.read_text(encoding="utf-8"))
    draft = read(path.read_text(encoding="utf-8"), path.name)
    assert not draft.problems
    claims, relations = expected(data)
    assert len(draft.claims) == claims
    assert Counter(r["type"] for r in draft.relations) == relations
    out = tmp_path / "imported.yaml"
    ran = run_cli("import", str(path), "-o", str(out))  # found to be Argdown's by its content
    assert ran.returncode == 0, ran.stderr
    loaded = load_scenario(out)
    assert loaded.ok and len(loaded.scenario.claims) == claims


def test_a_file_that_is_not_argdown_json_is_a_located_error():
    draft = read('{"nodes": []}', "x.json")
    assert [d.code for d in draft.problems] == ["E203"] and draft.problems[0].line == 1
    draft = read("[1, 2", "x.json")
    assert draft.problems and draft.problems[0].line == 1 and not draft.claims
