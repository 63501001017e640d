"""find-the-rebuttal: the one option that attacks or contradicts the claim."""

from __future__ import annotations

from argmap.classroom.kinds.pick import pick_claim
from argmap.classroom.question import Kind, Labeller, Problem, Question, Reference, attackers, claim_label
from argmap.debate.index import Debate
from argmap.scenario.exercises import FindTheRebuttal


def derive(debate: Debate, ex: FindTheRebuttal, _: Labeller | None) -> Question | list[Problem]:
    found = attackers(debate, ex.claim)
    prompt = f"Which claim answers (attacks) this one? {claim_label(debate, ex.claim)}"
    return pick_claim(debate, ex, "an attack on the claim", found.__contains__, prompt)


KIND = Kind(FindTheRebuttal, (Reference("options", "claim"), Reference("claim", "claim")), derive)
