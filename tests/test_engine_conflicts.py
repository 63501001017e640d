"""Conflicting messages of each side and each speaker, with dates and speakers."""

from __future__ import annotations

from pathlib import Path

from argmap.debate.conflicts import side_conflicts, speaker_conflicts
from argmap.debate.index import Debate
from argmap.validation.load import load_scenario

COUNCIL = Path(__file__).resolve().parent / "fixtures" / "engine" / "council.yaml"


def council() -> Debate:
    return Debate.from_loaded(load_scenario(COUNCIL))


def test_a_side_conflict_has_dates_and_speakers():
    debate = council()
    found = side_conflicts(debate, debate.last_step)
    assert set(found) == {"east", "west"} and found["west"] == []
    (c,) = found["east"]
    assert (c.first, c.second, c.relation, c.type) == ("e-cheap", "e-too-dear", "cheap-contradicts-dear", "contradicts")
    assert (c.first_speaker, c.second_speaker) == ("east-clerk", "east-clerk")
    assert c.first_date == c.second_date == "10 February 2020" and c.same_time


def test_conflicts_appear_only_once_both_claims_are_said():
    debate = council()
    assert side_conflicts(debate, 1)["east"] == []
    assert speaker_conflicts(debate, 1) == {}


def test_a_speaker_contradicting_itself_across_time(starter):
    # In April the mayor of Upton called the old bridge sound; in May, unsafe.
    def edit(text: str) -> str:
        text = text.replace(
            "relations:\n",
            "  - id: mayor-bridge-fine\n"
            "    text: The old bridge is sound.\n"
            "    actor: upton-mayor\n"
            "    kind: assessment\n"
            "    date: 2024-04\n"
            "    evidence:\n"
            "      - source: council-minutes\n"
            "        quote: the old bridge was inspected in March and found sound\n"
            "\nrelations:\n",
        )
        return (
            text
            + "  - {id: fine-attacks-unsafe, type: attacks, from: mayor-bridge-fine, to: mayor-old-bridge-unsafe}\n"
        )

    loaded = load_scenario(starter(edit))
    assert loaded.ok, loaded.diagnostics
    debate = Debate.from_loaded(loaded)
    mine = speaker_conflicts(debate, debate.last_step)
    (c,) = mine["upton-mayor"]
    assert (c.first, c.second, c.type) == ("mayor-bridge-fine", "mayor-old-bridge-unsafe", "attacks")
    assert c.first_date == "April 2024" and c.second_date == "3 May 2024" and not c.same_time
    assert side_conflicts(debate, debate.last_step)["upton"][0].relation == "fine-attacks-unsafe"
    # In April the speaker had not contradicted herself yet.
    assert speaker_conflicts(debate, debate.first_step) == {}


def test_an_attack_within_a_side_reads_from_its_attacker_though_it_came_later():
    from argmap.formats.report_text import conflict_line
    from argmap.reading.locations import bundled_scenario

    from .conftest import valid

    debate = Debate.from_loaded(valid(bundled_scenario()))
    later = []
    for conflicts in side_conflicts(debate, debate.last_step).values():
        for c in conflicts:
            rel = debate.relations[c.relation]
            assert c.attacker == rel.from_
            line = conflict_line(c, ids=True)
            if c.type == "attacks":
                assert line.startswith(f"{rel.from_} attacks {rel.to} ")
                later.append(rel.from_ == c.second)
    assert any(later), "the bundled map has an attack by the later of two claims of a side"
