"""Exercises as questions whose right answers come from the map.

An exercise in a scenario names what it is about (a claim, some options, a side and a topic);
``derive`` turns it into a ``Question`` with its choices and its right answer, read off the
argument map by the exercise's kind (``argmap.classroom.kinds``). An exercise cannot disagree
with the map it stands on: when the map gives no right answer, or more than one, or not the one
the author wrote, ``derive`` reports a ``Problem`` instead, and the validator shows it.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.classroom.kinds import KINDS
from argmap.classroom.question import Choice, Labeller, Problem, Question, attackers
from argmap.debate.index import Debate
from argmap.scenario.exercises import Exercise

__all__ = ["Choice", "Graded", "Labeller", "Problem", "Question", "attackers", "derive", "grade"]


def derive(debate: Debate, ex: Exercise, labeller: Labeller | None = None) -> Question | list[Problem]:
    """The question an exercise asks, or the problems that stop it being asked. The exercise's
    references must resolve in the map, as the validator's meaning checks make sure."""
    result = KINDS[ex.kind].derive(debate, ex, labeller)
    if isinstance(result, list):
        return result
    if ex.answer is not None:
        expected = (ex.answer,) if isinstance(ex.answer, str) else tuple(ex.answer)
        same = expected == result.answer if result.ordered else set(expected) == set(result.answer)
        if not same:
            return [
                Problem(
                    "E117",
                    f"the answer given ({', '.join(expected)}) is not the map's ({', '.join(result.answer)})",
                    "answer",
                )
            ]
    return result


@dataclass(frozen=True, slots=True)
class Graded:
    correct: bool
    answer: tuple[str, ...]
    expected: tuple[str, ...]


def grade(question: Question, answer: tuple[str, ...]) -> Graded:
    """Right or wrong: order matters only for order-in-time."""
    if question.ordered:
        ok = tuple(answer) == question.answer
    else:
        ok = set(answer) == set(question.answer) and len(answer) == len(question.answer)
    return Graded(ok, tuple(answer), question.answer)
