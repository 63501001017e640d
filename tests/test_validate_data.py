"""Validation of data already in memory, as an importer hands it over: the same checkers and the
same diagnostics as loading a file, without positions."""

from __future__ import annotations

import copy

import yaml

from argmap.reading.parsing import parse
from argmap.validation.load import load_scenario
from argmap.validation.pipeline import CHECKERS, validate


def starter_data(starter):
    path = starter()
    data, _, problems = parse(path.read_text(encoding="utf-8"), path.name)
    assert not problems
    return path, data


def test_valid_data_gives_the_model_and_its_sources(starter):
    path, data = starter_data(starter)
    v = validate(data, path)
    assert v.ok and v.scenario is not None
    assert v.scenario == load_scenario(path).scenario
    assert set(v.sources) == {s.id for s in v.scenario.sources}


def test_every_problem_comes_with_its_data_path_and_matches_the_file(starter):
    path, data = starter_data(starter)
    broken = copy.deepcopy(data)
    broken["claims"][0]["actor"] = "nobody"
    broken["claims"][1]["evidence"][0]["quote"] = "words the source never says"
    del broken["title"]
    v = validate(broken, path)
    assert not v.ok
    assert [(d.code, d.path) for d in v.diagnostics] == [
        ("E203", ()),
        ("E101", ("claims", 0, "actor")),
        ("E104", ("claims", 1, "evidence", 0, "quote")),
    ]
    assert all(d.line == 0 and not d.file for d in v.diagnostics)
    path.write_text(yaml.safe_dump(broken, allow_unicode=True, sort_keys=False), encoding="utf-8")
    from_file = load_scenario(path).diagnostics
    assert [(d.code, d.message, d.path) for d in v.diagnostics] == [(d.code, d.message, d.path) for d in from_file]
    assert all(d.line > 0 for d in from_file)


def test_data_that_is_not_a_mapping_stops_at_the_first_checker(tmp_path):
    v = validate(["a", "list"], tmp_path / "s.yaml")
    assert [d.code for d in v.diagnostics] == ["E201"] and v.scenario is None


def test_the_checkers_run_in_their_order():
    assert [name for name, _ in CHECKERS] == ["document", "shape", "sources", "meaning", "classroom"]
