"""Glossary entries say what their meaning rests on: the sources, with quotes checked like a
claim's, or background the texts do not give; the views show which."""

from __future__ import annotations

import copy

import pytest

from argmap.debate.index import Debate
from argmap.reading.locations import bundled_scenario
from argmap.reading.parsing import parse
from argmap.validation.load import load_scenario
from argmap.validation.pipeline import validate
from argmap.views.glossary import BASIS_WORD, glossary_rows

SOURCED = {
    "term": "bridge",
    "meaning": "The old bridge between the towns.",
    "basis": "sources",
    "evidence": [{"source": "council-minutes", "quote": "the old bridge was inspected in March"}],
}


def starter_data(starter):
    path = starter()
    data, _, problems = parse(path.read_text(encoding="utf-8"), path.name)
    assert not problems
    return path, data


def codes_at(v):
    return [(d.code, d.path) for d in v.diagnostics if d.severity == "error"]


def test_entry_without_a_basis_is_background_so_older_files_stay_valid(starter):
    loaded = load_scenario(starter())
    assert loaded.ok
    assert [g.basis for g in loaded.scenario.glossary] == ["background"]


def test_sourced_entry_with_a_quote_from_its_source_is_valid(starter):
    path, data = starter_data(starter)
    data["glossary"] = [SOURCED]
    v = validate(data, path)
    assert v.ok, codes_at(v)
    assert v.scenario.glossary[0].evidence[0].source == "council-minutes"


def test_glossary_quote_missing_from_its_source_is_refused_at_the_quote(starter):
    path, data = starter_data(starter)
    entry = copy.deepcopy(SOURCED)
    entry["evidence"][0]["quote"] = "the old bridge was painted in March"
    data["glossary"] = [entry]
    v = validate(data, path)
    assert codes_at(v) == [("E104", ("glossary", 0, "evidence", 0, "quote"))]
    assert "the old bridge was inspected in March" in (v.diagnostics[0].hint or "")


def test_sourced_entry_without_a_quote_is_refused(starter):
    path, data = starter_data(starter)
    data["glossary"] = [{"term": "bridge", "meaning": "The old bridge.", "basis": "sources"}]
    v = validate(data, path)
    assert codes_at(v) == [("E119", ("glossary", 0, "basis"))]
    assert "quotes none" in v.diagnostics[0].message


def test_background_entry_with_a_quote_is_refused(starter):
    path, data = starter_data(starter)
    entry = copy.deepcopy(SOURCED)
    entry["basis"] = "background"
    data["glossary"] = [entry]
    v = validate(data, path)
    assert codes_at(v) == [("E119", ("glossary", 0, "evidence"))]


def test_unknown_basis_is_a_bad_value_located_in_the_file(starter):
    path = starter(lambda text: text.replace("    meaning: The local", "    basis: hearsay\n    meaning: The local"))
    loaded = load_scenario(path)
    errors = [d for d in loaded.diagnostics if d.severity == "error"]
    assert [d.code for d in errors] == ["E204"] and errors[0].line > 0


def test_glossary_rows_name_the_basis_and_show_the_quote_with_its_source(starter):
    path, data = starter_data(starter)
    data["glossary"] = [*data["glossary"], SOURCED]
    v = validate(data, path)
    debate = Debate(v.scenario, v.sources)
    entries = [r for r in glossary_rows(debate) if r.target is not None]
    texts = ["".join(text for text, _ in r.pieces) for r in entries]
    assert BASIS_WORD["background"] in texts[0] and BASIS_WORD["sources"] not in texts[0]
    assert BASIS_WORD["sources"] in texts[1]
    assert "“the old bridge was inspected in March”" in texts[1]
    assert "Town Council Minutes, 3 May 2024" in texts[1]


@pytest.fixture(scope="module")
def bundled():
    loaded = load_scenario(bundled_scenario())
    assert loaded.ok
    return loaded


def test_every_bundled_entry_states_its_basis_in_the_file():
    data, _, problems = parse(bundled_scenario().read_text(encoding="utf-8"), "bundled.yaml")
    assert not problems
    assert data["glossary"] and all("basis" in entry for entry in data["glossary"])


def test_bundled_sourced_entries_quote_the_sources_and_background_ones_do_not(bundled):
    bases = {g.term: g.basis for g in bundled.scenario.glossary}
    assert set(bases.values()) == {"sources", "background"}
    for entry in bundled.scenario.glossary:
        assert bool(entry.evidence) == (entry.basis == "sources"), entry.term


async def test_glossary_screen_shows_what_each_meaning_rests_on(bundled):
    from argmap.tui.app import make_app
    from argmap.tui.widgets.lines import LineList
    from tests.conftest import WIDE

    app = make_app(bundled)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("g")
        await pilot.pause()
        assert type(app.screen).__name__ == "GlossaryScreen"
        rows = {
            r.target: "".join(text for text, _ in r.pieces) for r in app.screen.query_one("#glossary", LineList).rows
        }
        assert "From the sources:" in rows["ABM"] and "prohibits both countries" in rows["ABM"]
        assert "Arms Control Today" in rows["ABM"] or "Russia Sends Conflicting Messages" in rows["ABM"]
        assert rows["SS-20"].endswith(BASIS_WORD["background"])
