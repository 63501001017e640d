"""From a scenario to a framework: supports, undercuts, contradictions, commentators, time,
what-ifs; and the labels the engine gives the claims."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.debate.index import Debate
from argmap.engine.evaluation import ArgumentEngine, changes
from argmap.engine.mapping import map_debate
from argmap.engine.whatif import WhatIf

COUNCIL = Path(__file__).resolve().parent / "fixtures" / "engine" / "council.yaml"


@pytest.fixture(scope="module")
def debate(council) -> Debate:
    return Debate.from_loaded(council)


@pytest.fixture
def engine(debate: Debate) -> ArgumentEngine:
    return ArgumentEngine(debate)


def attacks(
    debate: Debate, step: int, whatif: WhatIf | None = None, commentators: bool = False
) -> set[tuple[str, str]]:
    m = map_debate(debate, step, whatif, commentators=commentators)
    return {(m.af.name(a), m.af.name(b)) for a, b in m.af.edges()}


def test_only_claims_said_by_the_step_are_arguments(debate):
    m = map_debate(debate, 1)
    assert m.claims == ("e-wall", "e-floods", "w-no-floods")
    assert attacks(debate, 1) == {("w-no-floods", "e-floods"), ("w-no-floods", "e-wall")}


def test_contradicts_is_a_pair_of_attacks(debate):
    found = attacks(debate, 2)
    assert {("e-cheap", "e-too-dear"), ("e-too-dear", "e-cheap")} <= found


def test_supports_add_secondary_and_supported_attacks(debate):
    m = map_debate(debate, 2)
    kinds = {(r.source, r.target): r.kind for rs in m.reasons.values() for r in rs}
    # w-no-floods attacks e-floods, a reason for e-wall: secondary attack on e-wall.
    assert kinds[("w-no-floods", "e-wall")] == "secondary"
    # e-budget supports e-cheap, which attacks w-cost and contradicts e-too-dear: supported attacks.
    assert kinds[("e-budget", "w-cost")] == "supported"
    assert kinds[("e-budget", "e-too-dear")] == "supported"
    reason = next(r for rs in m.reasons.values() for r in rs if r.kind == "supported" and r.target == "w-cost")
    assert reason.relations == ("budget-supports-cheap", "cheap-attacks-cost")
    # A support with no attack around it adds nothing: e-floods does not attack anything.
    assert not any(a == "e-floods" for a, _ in attacks(debate, 2))


def test_commentators_stay_out_unless_switched_in(debate):
    default = map_debate(debate, 3)
    assert "c-records" not in default.claims and "ferry-cheaper" not in default.claims
    assert set(default.left_out) == {"c-records", "ferry-cheaper"}
    both = map_debate(debate, 3, commentators=True)
    assert {"c-records", "ferry-cheaper"} <= set(both.claims)


def test_a_relation_drawn_by_a_commentator_between_side_claims_stays_in(debate):
    # cheap-contradicts-dear is drawn by the critic, but joins two claims of Eastbank.
    assert ("e-cheap", "e-too-dear") in attacks(debate, 2)


def test_an_undercut_becomes_a_relation_node_that_the_attacks_need(debate):
    m = map_debate(debate, 3, commentators=True)
    found = attacks(debate, 3, commentators=True)
    assert ("c-records", "relation:no-floods-attacks-floods") in found
    # The attack of w-no-floods on e-floods (and its secondary attack on e-wall) now go
    # through attack nodes that whatever defeats the relation also defeats.
    assert ("w-no-floods", "e-floods") not in found
    carriers = [n for n in m.nodes if n.kind == "attack"]
    assert {n.ref for n in carriers} == {"e-floods", "e-wall"}
    for node in carriers:
        assert node.attack is not None and "relation:no-floods-attacks-floods" in node.attack.needs
        assert ("c-records", node.name) in found


def test_labels_over_time_and_the_undercut(engine):
    assert engine.evaluate(1).labels == {"e-wall": "out", "e-floods": "out", "w-no-floods": "in"}
    at2 = engine.evaluate(2)
    assert at2.label("w-cost") == "out" and at2.label("e-cheap") == "in" and at2.label("e-too-dear") == "out"
    assert at2.label("w-old-ways") == at2.label("e-new-works") == "undec"
    assert at2.label("c-records") is None
    # The critic's undercut saves e-floods, and with it the wall.
    at3 = engine.evaluate(3, commentators=True)
    assert at3.label("e-floods") == "in" and at3.label("e-wall") == "in" and at3.label("w-no-floods") == "in"
    assert at3.node_label("relation:no-floods-attacks-floods") == "out"


def test_changes_between_steps(engine):
    moved = {c.claim: (c.before, c.after) for c in engine.changes(2, 3, commentators=True)}
    assert moved["e-floods"] == ("out", "in") and moved["c-records"] == (None, "in")
    assert "w-no-floods" not in moved
    assert changes(engine.evaluate(2), engine.evaluate(2)) == []


def test_preferred_shows_the_open_pair_as_two_standpoints(engine):
    ev = engine.evaluate(2, "preferred")
    assert ev.label("w-old-ways") == ev.label("e-new-works") == "undec"
    assert ev.label("e-cheap") == "in" and ev.label("e-wall") == "out"
    standpoints = ev.standpoints()
    assert len(standpoints) == 2
    assert {frozenset({"w-old-ways", "e-new-works"}) & s for s in standpoints} == {
        frozenset({"w-old-ways"}),
        frozenset({"e-new-works"}),
    }
    assert all("e-cheap" in s and "e-wall" not in s for s in standpoints)
    stable = engine.evaluate(2, "stable")
    assert stable.exists and stable.labels == ev.labels


def test_what_if_switches_claims_speakers_sides_and_sources_off(debate, engine):
    off = WhatIf().toggle_claim("w-no-floods")
    assert off.active and not off.toggle_claim("w-no-floods").active
    ev = engine.evaluate(2, whatif=off)
    assert ev.label("w-no-floods") is None and ev.label("e-floods") == "in" and ev.label("e-wall") == "in"
    # A side takes its speakers; a joint statement stays while one party is on.
    west_off = map_debate(debate, 2, WhatIf().toggle_actor("west"))
    assert "w-cost" not in west_off.claims and "w-no-floods" not in west_off.claims
    assert "joint-meet" in west_off.claims
    both_off = map_debate(debate, 2, WhatIf().toggle_actor("west").toggle_actor("east-mayor"))
    assert "joint-meet" not in both_off.claims and "e-cheap" in both_off.claims
    # A source off takes the claims quoted from it alone.
    no_review = map_debate(debate, 3, WhatIf().toggle_source("review"), commentators=True)
    assert "c-records" not in no_review.claims and "e-wall" in no_review.claims
    # Switching off the critic takes its claims and the relations it draws.
    no_critic = attacks(debate, 3, WhatIf().toggle_actor("critic"), commentators=True)
    assert ("e-cheap", "e-too-dear") not in no_critic


def test_a_granted_claim_loses_the_attacks_on_it_and_what_they_imply(engine):
    granted = WhatIf().toggle_granted("e-floods")
    ev = engine.evaluate(2, whatif=granted)
    assert ev.label("e-floods") == "in"
    # The secondary attack on e-wall came from the attack on e-floods, so it goes too;
    # w-cost is out, so the wall stands.
    assert ev.label("e-wall") == "in"
    assert ev.label("w-no-floods") == "in"
    assert engine.evaluate(2).label("e-wall") == "out"


def test_the_engine_remembers_its_answers(engine):
    first = engine.evaluate(2, "preferred", WhatIf().toggle_claim("e-cheap"))
    again = engine.evaluate(2, "preferred", WhatIf().toggle_claim("e-cheap"))
    assert first is again
    assert engine.evaluate(2, "grounded") is not engine.evaluate(2, "preferred")


def test_the_starter_scenario(load_starter):
    loaded = load_starter()
    debate = Debate.from_loaded(loaded)
    ev = ArgumentEngine(debate).evaluate(debate.last_step)
    assert ev.labels == {
        "mayor-build-now": "out",
        "mayor-old-bridge-unsafe": "out",
        "reed-bridge-sound": "in",
        "reed-more-traffic": "in",
    }
