"""Labels from the engine, in students' words: how what-if exercises and role-play are graded."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from argmap.classroom.question import Labeller
from argmap.debate.index import Debate
from argmap.engine.labels import STUDENT_WORD

if TYPE_CHECKING:
    from argmap.classroom.roleplay import Labels
    from argmap.engine.evaluation import ArgumentEngine


_ENGINES: weakref.WeakKeyDictionary[Debate, ArgumentEngine] = weakref.WeakKeyDictionary()


def _engine(debate: Debate) -> ArgumentEngine:
    from argmap.engine.evaluation import ArgumentEngine

    engine = _ENGINES.get(debate)
    if engine is None:
        engine = _ENGINES[debate] = ArgumentEngine(debate)
    return engine


def _labels_at_end(debate: Debate, off: frozenset[str]) -> dict[str, str]:
    """Grounded labels at the last step with some claims switched off, in students' words."""
    from argmap.engine.whatif import WhatIf

    evaluation = _engine(debate).evaluate(debate.last_step, "grounded", WhatIf(off_claims=off))
    return {claim: STUDENT_WORD[label] for claim, label in evaluation.labels.items()}


def _label_claim(debate: Debate, off: frozenset[str], claim: str) -> str:
    # A claim outside the debate (switched off, or a commentator's) stands on nothing.
    return _labels_at_end(debate, off).get(claim, STUDENT_WORD["undec"])


def engine_labeller() -> Labeller:
    """Grades what-if exercises: a claim's grounded label with some claims switched off."""
    return _label_claim


def engine_labels() -> Labels:
    """Labels every claim at the end of the debate, for the outcome of a role-play."""
    return _labels_at_end
