"""Validation tells an author every problem in one run, each where it can be fixed: no warning
that a broken item causes, no check held back by an unrelated error, hints that keep their word."""

from __future__ import annotations

import hashlib

import pytest

from argmap.authoring.starter import SOURCE_TEXT
from argmap.validation.load import load_scenario

from .conftest import codes


@pytest.fixture
def write(starter):
    """The starter scenario with some text added at its end, and optionally one replacement."""

    def write(extra: str, old: str = "", new: str = ""):
        return starter(lambda s: (s.replace(old, new, 1) if old else s) + extra)

    return write


HASH_AS = "sha256: {}\n    note: the right hash was "
"""Replaces the start of the starter's hash line: another hash, the right one kept in a note."""
WRONG_ANSWER = (
    "\nexercises:\n  - {id: x, kind: fill-the-stance, side: downton, topic: new-bridge, date: 2024-05, answer: for}\n"
)
SECOND_TOPIC = (
    "  - id: new-bridge\n    question: Should a new bridge be built this year?\n"
    "  - id: traffic\n    question: Will traffic grow?\n"
)


def test_a_topic_taken_up_only_by_a_misshapen_claim_is_not_called_unaddressed(load_starter):
    loaded = load_starter(
        lambda s: s.replace(
            "  - id: new-bridge\n    question: Should a new bridge be built this year?\n", SECOND_TOPIC
        ).replace(
            "topic: new-bridge\n    stance: against\n    kind: prediction",
            "topic: traffic\n    stance: against\n    kind: guess",
        )
    )
    assert codes(loaded) == ["E204"]


def test_a_topic_no_claim_takes_up_is_still_unaddressed(load_starter):
    loaded = load_starter(
        lambda s: s.replace(
            "  - id: new-bridge\n    question: Should a new bridge be built this year?\n", SECOND_TOPIC
        ).replace("kind: prediction", "kind: guess")
    )
    assert sorted(codes(loaded)) == ["E204", "W102"]


def test_a_claim_related_only_by_a_misshapen_relation_is_not_called_unrelated(load_starter):
    loaded = load_starter(
        lambda s: s.replace("{id: traffic-attacks-build, type: attacks", "{id: traffic-attacks-build, type: hits")
    )
    assert codes(loaded) == ["E204"]


def test_an_exercise_the_map_contradicts_is_reported_beside_a_quote_error(write):
    path = write(WRONG_ANSWER, "the old one is no longer safe for lorries", "the old one is no longer safe for trucks")
    assert codes(load_scenario(path)) == ["E104", "E117"]


def test_an_exercise_the_map_contradicts_is_reported_beside_a_hash_error(write):
    path = write(WRONG_ANSWER, "sha256: ", HASH_AS.format("a" * 64))
    assert codes(load_scenario(path)) == ["E105", "E117"]


def test_exercises_wait_for_a_map_whose_references_are_broken(write):
    path = write(WRONG_ANSWER, "parent: downton", "parent: dowtnon")
    assert codes(load_scenario(path)) == ["E101"]


def test_a_malformed_sha256_is_told_the_hash_its_file_has(load_starter):
    loaded = load_starter(lambda s: s.replace("sha256: ", HASH_AS.format("TODO"), 1))
    (d,) = loaded.diagnostics
    assert d.code == "E204" and d.path == ("sources", 0, "sha256")
    assert d.hint == "its file has sha256: " + hashlib.sha256(SOURCE_TEXT.encode()).hexdigest()


def test_quotes_of_a_source_with_a_malformed_sha256_are_still_checked(load_starter):
    loaded = load_starter(
        lambda s: s.replace("sha256: ", HASH_AS.format("TODO"), 1).replace(
            "the old one is no longer safe for lorries", "the old one is no longer safe for trucks", 1
        )
    )
    assert codes(loaded) == ["E104", "E204"]


def test_a_duplicate_id_names_the_first_holder_counting_from_one_in_words(load_starter):
    loaded = load_starter(lambda s: s.replace("id: traffic-attacks-build", "id: unsafe-supports-build"))
    (d,) = loaded.diagnostics
    assert d.code == "E102" and d.path == ("relations", 2, "id")
    assert d.message == "duplicate id 'unsafe-supports-build': the 1st relation has it too"


def test_a_duplicate_of_a_claim_id_in_relations_names_the_claim(load_starter):
    loaded = load_starter(lambda s: s.replace("id: sound-attacks-unsafe", "id: reed-bridge-sound"))
    (d,) = loaded.diagnostics
    assert d.message == "duplicate id 'reed-bridge-sound': the 3rd claim has it too"


TOUR = "\nwalkthroughs:\n  - id: t\n    title: T\n    steps:\n      - narration: N.\n{step}"


def test_a_view_written_beside_focus_is_pointed_inside_it(write):
    loaded = load_scenario(write(TOUR.format(step="        focus: {claim: reed-bridge-sound}\n        view: tree\n")))
    (d,) = loaded.diagnostics
    assert d.code == "E202" and d.path == ("walkthroughs", 0, "steps", 0, "view")
    assert d.hint == "'view' belongs inside 'focus:', e.g. focus: {..., view: tree}"
    assert d.line > 1


def test_a_tree_view_on_a_side_is_refused_where_the_view_is_written(write):
    loaded = load_scenario(write(TOUR.format(step="        focus: {side: downton, view: tree}\n")))
    (d,) = loaded.diagnostics
    assert d.code == "E118" and d.path == ("walkthroughs", 0, "steps", 0, "focus", "view")
    assert "focuses a side" in d.message and d.line > 1


def test_a_tree_view_on_a_claim_or_a_relation_is_accepted(write):
    steps = (
        "        focus: {claim: reed-bridge-sound, view: tree}\n"
        "      - narration: M.\n        focus: {relation: sound-attacks-unsafe, view: tree}\n"
    )
    assert codes(load_scenario(write(TOUR.format(step=steps)))) == []
