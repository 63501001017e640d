"""The validator's classroom checks: every exercise can be asked and agrees with the map, and
every walkthrough step points at one thing that exists."""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from typing import TYPE_CHECKING

from argmap.classroom.questions import Labeller, Problem, derive
from argmap.diagnostics import Diagnostic
from argmap.engine.debate import Debate
from argmap.model import Scenario

if TYPE_CHECKING:
    from argmap.classroom.roleplay import Labels
    from argmap.engine.evaluation import ArgumentEngine
    from argmap.loading import LoadedSource


_ENGINES: weakref.WeakKeyDictionary[Debate, ArgumentEngine] = weakref.WeakKeyDictionary()
_STUDENT_LABEL = {"in": "in", "out": "out", "undec": "undecided"}


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
    return {claim: _STUDENT_LABEL[label] for claim, label in evaluation.labels.items()}


def _label_claim(debate: Debate, off: frozenset[str], claim: str) -> str:
    # A claim outside the debate (switched off, or a commentator's) stands on nothing.
    return _labels_at_end(debate, off).get(claim, "undecided")


def engine_labeller() -> Labeller:
    """Grades what-if exercises: a claim's grounded label with some claims switched off."""
    return _label_claim


def engine_labels() -> Labels:
    """Labels every claim at the end of the debate, for the outcome of a role-play."""
    return _labels_at_end


def check(scenario: Scenario, sources: Mapping[str, LoadedSource]) -> list[Diagnostic]:
    if not scenario.exercises and not scenario.walkthroughs:
        return []
    debate = Debate(scenario, dict(sources))
    out: list[Diagnostic] = []
    labeller = engine_labeller() if any(e.kind == "what-if" for e in scenario.exercises) else None
    for i, ex in enumerate(scenario.exercises):
        result = derive(debate, ex, labeller)
        if isinstance(result, list):
            out += [_diagnostic(p, ("exercises", i)) for p in result]
    for i, walk in enumerate(scenario.walkthroughs):
        for j, step in enumerate(walk.steps):
            focus = step.focus
            if focus is None:
                continue
            at = ("walkthroughs", i, "steps", j, "focus")
            targets = [k for k in ("claim", "relation", "side", "topic") if getattr(focus, k) is not None]
            if len(targets) > 1:
                out.append(
                    Diagnostic(
                        "E118",
                        f"a step focuses one thing; this one names {' and '.join(targets)}",
                        path=at,
                        hint="split it into two steps",
                    )
                )
            if focus.side is not None and focus.side in debate.actors and focus.side not in debate.sides:
                out.append(
                    Diagnostic(
                        "E118",
                        f"'{focus.side}' is not a side",
                        path=(*at, "side"),
                        hint="sides: " + ", ".join(debate.sides),
                    )
                )
    return out


def _diagnostic(problem: Problem, at: tuple[str | int, ...]) -> Diagnostic:
    path = (*at, problem.field) if problem.field else at
    return Diagnostic(problem.code, problem.message, path=path)
