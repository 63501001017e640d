"""The question of the kinds that offer claims and ask for the one the map picks out."""

from __future__ import annotations

from collections.abc import Callable

from argmap.classroom.question import Choice, Problem, Question, claim_label, need, said, single
from argmap.debate.index import Debate
from argmap.scenario.exercises import FindTheRebuttal, WhatDoesItSupport


def pick_claim(
    debate: Debate,
    ex: FindTheRebuttal | WhatDoesItSupport,
    what: str,
    is_right: Callable[[str], bool],
    prompt: str,
) -> Question | list[Problem]:
    problems = need(ex, options=ex.options)
    if problems:
        return problems
    right = [o for o in ex.options if is_right(o)]
    problems = single(right, what)
    if problems:
        return problems
    choices = tuple(Choice(o, claim_label(debate, o)) for o in ex.options)
    feedback = (said(debate, right[0]),)
    return Question(
        ex.id, ex.kind, ex.prompt or prompt, choices, (right[0],), 1, False, feedback, ex.explanation, ex.set
    )
