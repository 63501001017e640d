"""The debate core: what is said, held and contradicted at each step of the timeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.debate.index import Debate
from argmap.engine.state import DebateState

FIXTURES = Path(__file__).parent / "fixtures" / "tui"

# Steps of the harbour fixture.
STANDING, FIRST_HEARING, APRIL, SECOND_HEARING, COMMUNIQUE, MARCH_2021, ANALYSIS = range(7)


@pytest.fixture(scope="module")
def debate(harbour) -> Debate:
    return Debate.from_loaded(harbour)


def test_sides_in_file_order_and_commentators_apart(debate):
    assert debate.sides == ("north", "south", "west")
    assert debate.commentators == ("analyst",)
    assert debate.side_of_claim("engineer-dredging-safe") == "north"  # through the council
    assert debate.side_of_claim("analyst-trade-guess") is None
    assert debate.is_apart("analyst-trade-guess")
    assert debate.sides_of_claim("joint-share") == ("north", "south")


def test_steps_and_claims_said(debate):
    assert (debate.first_step, debate.last_step) == (STANDING, ANALYSIS)
    assert debate.step(FIRST_HEARING).label == "First hearing"
    assert debate.said_by(STANDING) == ("north-always-expand",)
    assert debate.introduced_at(FIRST_HEARING) == (
        "north-mayor-expand",
        "south-mayor-no-expand",
        "engineer-dredging-safe",
    )
    assert len(debate.said_by(FIRST_HEARING)) == 4
    assert debate.said_by(ANALYSIS) == debate.ordered
    assert debate.side_claims("west", APRIL) == ["west-share"]
    assert debate.apart_claims(MARCH_2021) == []
    assert debate.apart_claims(ANALYSIS) == ["analyst-trade-guess"]
    assert debate.step_of_date("2020-05") == APRIL
    assert debate.step_of_date("1990") == STANDING
    assert debate.step_of_date("2030") == ANALYSIS


def test_positions_follow_the_latest_claim_of_each_speaker(debate):
    at = debate.positions(FIRST_HEARING)
    assert at[("north", "expand")].stance == "for"
    # Two speakers of North hold it: the side itself (standing) and its mayor.
    assert at[("north", "expand")].claims == ("north-always-expand", "north-mayor-expand")
    assert at[("south", "expand")].stance == "against"
    assert at[("north", "dredging-safe")].stance == "for"
    assert ("west", "expand") not in at
    # The engineer changes his mind: his latest claim is what North holds now.
    later = debate.positions(SECOND_HEARING)
    assert later[("north", "dredging-safe")].stance == "against"
    assert later[("north", "dredging-safe")].claims == ("engineer-dredging-harmful",)


def test_a_side_holding_both_ways_is_conflicting(debate):
    # The council refuses to pay while the mayor signs a promise to share the cost.
    position = debate.position("north", "share-cost", COMMUNIQUE)
    assert position is not None
    assert position.stance == "conflicting"
    assert set(position.claims) == {"north-council-no-pay", "joint-share"}
    # The joint statement counts for South as well.
    south = debate.position("south", "share-cost", COMMUNIQUE)
    assert south is not None and south.stance == "for"


def test_stance_changes(debate):
    changes = {(c.side, c.topic): c for c in debate.stance_changes(SECOND_HEARING)}
    assert changes[("north", "dredging-safe")].before.stance == "for"
    assert changes[("north", "dredging-safe")].after.stance == "against"
    assert changes[("north", "share-cost")].first
    later = {(c.side, c.topic): c for c in debate.stance_changes(MARCH_2021)}
    assert list(later) == [("south", "expand")]
    assert later[("south", "expand")].after.stance == "for"
    assert debate.stance_changes(ANALYSIS) == []
    assert {(c.side, c.topic) for c in debate.stance_changes(STANDING)} == {("north", "expand")}


def test_contradictions_need_both_claims_said(debate):
    assert debate.contradictions(FIRST_HEARING) == []
    found = debate.contradictions(SECOND_HEARING)
    assert [(c.side, c.first, c.second, c.type) for c in found] == [
        ("north", "engineer-dredging-safe", "engineer-dredging-harmful", "contradicts")
    ]
    # An attack between two claims of one side is a contradiction too; across sides it is not.
    at = debate.contradictions(COMMUNIQUE)
    assert {(c.relation, c.type) for c in at} == {
        ("dredging-contradiction", "contradicts"),
        ("council-attacks-joint", "attacks"),
    }
    assert debate.contradictions(COMMUNIQUE, side="south") == []
    flagged = debate.contradicted_claims(COMMUNIQUE)
    assert set(flagged) == {
        "engineer-dredging-safe",
        "engineer-dredging-harmful",
        "north-council-no-pay",
        "joint-share",
    }


def test_debate_tree_is_limited_to_what_was_said_and_safe_from_cycles(debate):
    early = debate.tree("north-mayor-expand", FIRST_HEARING)
    edges = [(n.claim, n.edge) for n in early.children]
    # Supporters first, then attackers.
    assert edges == [
        ("north-always-expand", "supports"),
        ("engineer-dredging-safe", "supports"),
        ("south-mayor-no-expand", "attacks"),
    ]
    # The standing claim and the mayor's claim support each other: the loop stops.
    standing = early.children[0]
    assert [(n.claim, n.repeat) for n in standing.children] == [("north-mayor-expand", True)]
    late = debate.tree("north-mayor-expand", ANALYSIS)
    by_claim = {n.claim: n for n in late.children}
    # The analyst undercuts South's attack: shown under the attacking claim.
    assert [(n.claim, n.edge) for n in by_claim["south-mayor-no-expand"].children] == [
        ("analyst-trade-guess", "undercuts")
    ]
    # A contradiction goes both ways.
    assert [(n.claim, n.edge) for n in by_claim["engineer-dredging-safe"].children] == [
        ("engineer-dredging-harmful", "contradicts")
    ]
    assert sum(1 for _ in late.walk()) == 7


def test_search_over_text_speakers_and_quotes(debate):
    assert [h.claim for h in debate.search("dredging")][:2] == [
        "engineer-dredging-safe",
        "engineer-dredging-harmful",
    ]
    by_speaker = debate.search("west isles")
    assert [(h.claim, h.field) for h in by_speaker] == [("west-share", "speaker")]
    by_quote = debate.search("within a week since")
    assert [(h.claim, h.field) for h in by_quote] == [("engineer-dredging-safe", "quote")]
    assert [h.claim for h in debate.search("COST shared")] == ["west-share", "south-now-expand"]
    assert debate.search("  ") == []
    assert debate.search("no such words") == []


def test_claims_citing_a_passage(debate):
    cite = debate.citation("engineer-dredging-safe", 0)
    assert cite is not None
    text = debate.sources["hearings"].text.text
    assert text[cite.start : cite.end].startswith("dredging is safe")
    assert [c.claim for c in debate.citing("hearings", cite.start + 3, cite.start + 5)] == ["engineer-dredging-safe"]
    assert debate.citing("hearings", 0, 10) == []
    whole = {c.claim for c in debate.citing("hearings", 0, len(text))}
    assert "north-mayor-expand" in whole and "analyst-trade-guess" not in whole


def test_glossary_terms_in_text(debate):
    assert debate.terms_in(["Dredging is safe"]) == ["dredging"]
    assert debate.terms_in(["a joint communique"]) == ["communique"]
    assert debate.terms_in(["redredgingx"]) == []


def test_state_steps_and_history():
    state = DebateState(step=1, first=0, last=3)
    assert state.step_back().step_back().step == 0
    assert state.step_forward().step_forward().step_forward().step == 3
    assert state.to_last().step == 3 and state.to_first().step == 0
    state = state.select("a").follow("b").follow("c")
    assert (state.selected, state.history) == ("c", ("a", "b"))
    state = state.back()
    assert (state.selected, state.history) == ("b", ("a",))
    assert state.back().back().back().selected == "a"
    assert state.follow("b") is state
    folded = state.toggle_fold("x")
    assert folded.folded == {"x"} and folded.toggle_fold("x").folded == frozenset()
    assert folded.unfold_all().folded == frozenset()
