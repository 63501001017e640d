"""spot-the-contradiction: the one pair of options in conflict within the side."""

from __future__ import annotations

from argmap.classroom.question import Choice, Kind, Labeller, Problem, Question, Reference, claim_label, need, said
from argmap.debate.index import Debate
from argmap.scenario.exercises import SpotTheContradiction


def derive(debate: Debate, ex: SpotTheContradiction, _: Labeller | None) -> Question | list[Problem]:
    problems = need(ex, options=ex.options)
    if problems:
        return problems
    options = set(ex.options)
    pairs = sorted(
        {
            tuple(sorted((c.first, c.second)))
            for c in debate.contradictions(debate.last_step, ex.side)
            if c.first in options and c.second in options
        }
    )
    if not pairs:
        return [
            Problem("E117", f"no two options are claims of '{ex.side}' in conflict according to the map", "options")
        ]
    if len(pairs) > 1:
        listed = "; ".join(" and ".join(p) for p in pairs)
        return [
            Problem(
                "E117", f"more than one pair of options conflicts ({listed}): a distractor is also right", "options"
            )
        ]
    pair = pairs[0]
    choices = tuple(Choice(o, claim_label(debate, o)) for o in ex.options)
    feedback = tuple(said(debate, c) for c in pair)
    prompt = ex.prompt or f"Two of these claims of {debate.actor_name(ex.side)} cannot both hold. Which two?"
    return Question(ex.id, ex.kind, prompt, choices, pair, 2, False, feedback, ex.explanation, ex.set)


KIND = Kind(SpotTheContradiction, (Reference("options", "claim"), Reference("side", "actor")), derive)
