"""The validator's classroom checks: every exercise can be asked and agrees with the map, and
every walkthrough step points at one thing that exists."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from argmap.base.diagnostics import Diagnostic
from argmap.classroom.labels import engine_labeller
from argmap.classroom.question import Problem
from argmap.classroom.questions import derive
from argmap.debate.index import Debate
from argmap.scenario.model import Scenario

if TYPE_CHECKING:
    from argmap.scenario.loaded import LoadedSource


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
