"""what-does-it-support: the one option the claim supports."""

from __future__ import annotations

from argmap.classroom.kinds.pick import pick_claim
from argmap.classroom.question import Kind, Labeller, Problem, Question, Reference, claim_label, supported_by
from argmap.debate.index import Debate
from argmap.scenario.exercises import WhatDoesItSupport


def derive(debate: Debate, ex: WhatDoesItSupport, _: Labeller | None) -> Question | list[Problem]:
    found = supported_by(debate, ex.claim)
    prompt = f"What does this claim support? {claim_label(debate, ex.claim)}"
    return pick_claim(debate, ex, "supported by the claim", found.__contains__, prompt)


KIND = Kind(WhatDoesItSupport, (Reference("options", "claim"), Reference("claim", "claim")), derive)
