"""fill-the-stance: the side's position on the topic at the date."""

from __future__ import annotations

from argmap.classroom.question import Choice, Kind, Labeller, Problem, Question, Reference, in_date, said
from argmap.debate.index import Debate
from argmap.scenario.dates import FuzzyDate
from argmap.scenario.exercises import FillTheStance

STANCES = ("for", "against", "neutral", "conflicting")


def derive(debate: Debate, ex: FillTheStance, _: Labeller | None) -> Question | list[Problem]:
    step = debate.step_of_date(ex.date)
    position = debate.position(ex.side, ex.topic, step)
    when = in_date(FuzzyDate.parse(ex.date))
    if position is None:
        return [Problem("E117", f"the map gives no stance of '{ex.side}' on '{ex.topic}' {when}", "date")]
    question = debate.topics[ex.topic].question
    prompt = (
        ex.prompt or f"{debate.actor_name(ex.side)}, {when}: where did this side stand on this question? {question}"
    )
    choices = tuple(Choice(s, s) for s in STANCES)
    feedback = tuple(said(debate, c) for c in position.claims)
    return Question(ex.id, ex.kind, prompt, choices, (position.stance,), 1, False, feedback, ex.explanation, ex.set)


KIND = Kind(FillTheStance, (Reference("side", "actor"), Reference("topic", "topic")), derive)
