"""Labels from the engine, in students' words: how what-if exercises and role-play are graded."""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.classroom.question import Labeller
from argmap.debate.index import Debate
from argmap.engine.labels import STUDENT_WORD

if TYPE_CHECKING:
    from argmap.classroom.roleplay import Labels
    from argmap.engine.evaluation import ArgumentEngine


class _EngineLabels:
    """Grounded labels at the end of a debate with some claims switched off. Each grader keeps
    the engine of the debate it last graded: the engine caches its frameworks, and one set of
    exercises asks many questions of the same debate."""

    def __init__(self) -> None:
        self._debate: Debate | None = None
        self._engine: ArgumentEngine | None = None

    def engine(self, debate: Debate) -> ArgumentEngine:
        from argmap.engine.evaluation import ArgumentEngine

        if self._engine is None or self._debate is not debate:
            self._debate, self._engine = debate, ArgumentEngine(debate)
        return self._engine

    def at_end(self, debate: Debate, off: frozenset[str]) -> dict[str, str]:
        from argmap.engine.whatif import WhatIf

        evaluation = self.engine(debate).evaluate(debate.last_step, "grounded", WhatIf(off_claims=off))
        return {claim: STUDENT_WORD[label] for claim, label in evaluation.labels.items()}

    def of_claim(self, debate: Debate, off: frozenset[str], claim: str) -> str:
        # A claim outside the debate (switched off, or a commentator's) stands on nothing.
        return self.at_end(debate, off).get(claim, STUDENT_WORD["undec"])


def engine_labeller() -> Labeller:
    """Grades what-if exercises: a claim's grounded label with some claims switched off."""
    return _EngineLabels().of_claim


def engine_labels() -> Labels:
    """Labels every claim at the end of the debate, for the outcome of a role-play."""
    return _EngineLabels().at_end
