"""who-said-it: the claim's speaker, among other speakers."""

from __future__ import annotations

from argmap.classroom.question import Choice, Kind, Labeller, Problem, Question, Reference, place, quote, when
from argmap.debate.index import Debate
from argmap.scenario.exercises import WhoSaidIt


def derive(debate: Debate, ex: WhoSaidIt, _: Labeller | None) -> Question | list[Problem]:
    claim = debate.claims[ex.claim]
    right = claim.actor
    options = list(ex.options)
    also_right = [o for o in options if o in claim.with_]
    if also_right:
        return [
            Problem("E117", f"'{also_right[0]}' is a party to this joint claim: a distractor is also right", "options")
        ]
    if not options:
        options = place(ex.id, right, _speaker_distractors(debate, ex.claim))
    elif right not in options:
        options = place(ex.id, right, options)
    choices = tuple(Choice(a, _actor_label(debate, a)) for a in options)
    prompt = ex.prompt or f"Who said this? {quote(debate, ex.claim)}"
    side = debate.side_of_claim(ex.claim)
    said = f"{debate.actor_name(right)}" + (f" ({debate.actor_name(side)})" if side else "")
    feedback = (f"{said}, {when(debate, ex.claim)}: {quote(debate, ex.claim)}",)
    return Question(ex.id, ex.kind, prompt, choices, (right,), 1, False, feedback, ex.explanation, ex.set)


def _actor_label(debate: Debate, actor: str) -> str:
    side = debate.side_of_actor.get(actor)
    if side and side != actor:
        return f"{debate.actor_name(actor)} ({debate.actor_name(side)})"
    return debate.actor_name(actor)


def _speaker_distractors(debate: Debate, claim: str) -> list[str]:
    """Three other speakers: two from the claim's own side where it has them (the plausible
    mistakes), then others, in file order."""
    own = debate.claims[claim]
    excluded = {own.actor, *own.with_}
    own_side = debate.side_of_claim(claim)
    speakers: list[str] = []
    for c in debate.scenario.claims:
        if c.actor not in excluded and c.actor not in speakers and debate.side_of_actor.get(c.actor):
            speakers.append(c.actor)
    same = [a for a in speakers if debate.side_of_actor.get(a) == own_side and a != own_side][:2]
    other = [a for a in speakers if debate.side_of_actor.get(a) != own_side]
    return (same + other)[:3]


# Options are speakers here, not claims.
KIND = Kind(WhoSaidIt, (Reference("options", "actor"), Reference("claim", "claim")), derive)
