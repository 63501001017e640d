"""One numbering of the questions, shared by the handout, its answer key and the results.

A question's number is its exercise's place in the scenario (1 for the first), whatever set it
belongs to and whichever sets are printed, so "question 12" means the same exercise on every
sheet and in every gradebook column.
"""

from __future__ import annotations

from argmap.scenario.model import Scenario


def numbers(scenario: Scenario) -> dict[str, int]:
    """Each exercise's number, by id."""
    return {ex.id: n for n, ex in enumerate(scenario.exercises, 1)}
