"""what-if: the claim's grounded label with some claims switched off."""

from __future__ import annotations

from argmap.base.quoting import quoted
from argmap.classroom.question import Choice, Kind, Labeller, Problem, Question, Reference, need
from argmap.debate.index import Debate
from argmap.engine.labels import STUDENT_LABELS
from argmap.scenario.exercises import WhatIf


def derive(debate: Debate, ex: WhatIf, labeller: Labeller | None) -> Question | list[Problem]:
    problems = need(ex, switch_off=ex.switch_off)
    if problems:
        return problems
    if labeller is None:
        return [Problem("E116", "what-if exercises need the argumentation engine", "kind")]
    label = labeller(debate, frozenset(ex.switch_off), ex.claim)
    off = "; ".join(quoted(debate.claims[c].text) for c in ex.switch_off)
    these = "this claim was" if len(ex.switch_off) == 1 else "these claims were"
    prompt = ex.prompt or (
        f"Suppose {these} never made: {off} At the end of the debate, does "
        f"{quoted(debate.claims[ex.claim].text)} stand (in), fall (out) or stay undecided?"
    )
    choices = tuple(Choice(value, value) for value in STUDENT_LABELS)
    feedback = (f"With those claims switched off, the claim is {label} under grounded semantics.",)
    return Question(ex.id, ex.kind, prompt, choices, (label,), 1, False, feedback, ex.explanation, ex.set)


KIND = Kind(WhatIf, (Reference("switch_off", "claim"), Reference("claim", "claim")), derive)
