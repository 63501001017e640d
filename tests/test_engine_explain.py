"""Explanations: a chain of reasons a student can follow, naming claims by id and text."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.debate.index import Debate
from argmap.engine.evaluation import ArgumentEngine
from argmap.engine.explain import rounds
from argmap.engine.framework import Framework
from argmap.engine.grounded import grounded
from argmap.engine.mapping import MappedDebate
from argmap.engine.whatif import WhatIf

COUNCIL = Path(__file__).resolve().parent / "fixtures" / "engine" / "council.yaml"


@pytest.fixture(scope="module")
def engine(council) -> ArgumentEngine:
    return ArgumentEngine(Debate.from_loaded(council))


def test_out_names_the_accepted_attacker_and_why_it_stands(engine):
    why = engine.evaluate(2).explain("w-cost")
    assert why.label == "out"
    first, second = why.lines[0], why.lines[1]
    assert first.node == "w-cost" and first.label == "out"
    assert "e-budget supports a claim that attacks w-cost" in first.text
    assert "budget-supports-cheap, cheap-attacks-cost" in first.text
    assert second.node == "e-budget" and second.label == "in" and second.depth == 1
    assert '"The budget has room this year."' in second.text and "nothing attacks it" in second.text


def test_in_shows_each_attacker_out_and_by_what(engine):
    why = engine.evaluate(2).explain("e-cheap")
    assert why.label == "in"
    nodes = [(ln.depth, ln.node, ln.label) for ln in why.lines]
    assert nodes == [(0, "e-cheap", "in"), (1, "e-too-dear", "out"), (2, "e-budget", "in")]


def test_undecided_shows_the_cycle(engine):
    why = engine.evaluate(2).explain("w-old-ways")
    assert why.label == "undec"
    text = why.render()
    assert "cycle" in text and "e-new-works" in text


def test_an_undercut_explains_the_attack_that_fails(engine):
    why = engine.evaluate(3, commentators=True).explain("e-floods")
    text = why.render()
    assert why.label == "in"
    assert "the attack of w-no-floods on e-floods fails" in text
    assert "c-records undercuts the relation no-floods-attacks-floods" in text


def test_preferred_gives_a_standpoint_with_and_one_without(engine):
    why = engine.evaluate(2, "preferred").explain("e-new-works")
    assert why.label == "undec" and "some preferred extensions" in why.summary
    texts = [ln.text for ln in why.lines]
    assert any(t.startswith("A standpoint with it") for t in texts)
    assert any(t.startswith("A standpoint without it") and "w-old-ways" in t for t in texts)


def test_granted_and_absent_claims(engine):
    ev = engine.evaluate(2, whatif=WhatIf().toggle_granted("e-floods").toggle_claim("e-cheap"))
    assert "granted" in ev.explain("e-floods").render()
    assert "switched off" in ev.explain("e-cheap").summary
    assert "not been said yet" in engine.evaluate(1).explain("w-cost").summary
    assert "left out" in engine.evaluate(3).explain("c-records").summary


def test_rounds_order_the_grounded_labelling():
    # 0 -> 1 -> 2 -> 3: 0 in at round 0, 1 out at 0, 2 in at 1, 3 out at 1.
    af = Framework.from_edges(4, [(0, 1), (1, 2), (2, 3)], ["a", "b", "c", "d"])
    mapped = MappedDebate(af, (), {}, {}, (), (), 0, WhatIf(), False, {})
    assert rounds(mapped, bytes(grounded(af))) == [0, 0, 1, 1]
