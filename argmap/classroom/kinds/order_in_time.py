"""order-in-time: the claims in timeline order."""

from __future__ import annotations

from itertools import pairwise

from argmap.classroom.question import Choice, Kind, Labeller, Problem, Question, Reference, need, undated_label, when
from argmap.debate.index import Debate
from argmap.scenario.exercises import OrderInTime


def derive(debate: Debate, ex: OrderInTime, _: Labeller | None) -> Question | list[Problem]:
    problems = need(ex, claims=ex.claims)
    if not problems and len(ex.claims) < 2:
        problems = [Problem("E116", "an order-in-time exercise needs two claims or more", "claims")]
    if problems:
        return problems
    ordered = sorted(ex.claims, key=lambda c: (debate.step_of_claim(c), debate.order[c]))
    for a, b in pairwise(ordered):
        if debate.step_of_claim(a) == debate.step_of_claim(b):
            return [
                Problem("E117", f"'{a}' and '{b}' were said at the same step: the map does not order them", "claims")
            ]
    # The choices carry no dates: they would give the order away.
    choices = tuple(Choice(c, undated_label(debate, c)) for c in ex.claims)
    feedback = tuple(f"{when(debate, c)}: {debate.claims[c].text}" for c in ordered)
    prompt = ex.prompt or "Put these statements in the order they were made, earliest first."
    return Question(
        ex.id, ex.kind, prompt, choices, tuple(ordered), len(ordered), True, feedback, ex.explanation, ex.set
    )


KIND = Kind(OrderInTime, (Reference("claims", "claim"),), derive)
