"""The reasoning problems of the ICCMA 2023 solver interface, answered as ICCMA solvers print
them.

A problem is ``TASK-SEMANTICS``: DC (is the argument credulously accepted?), DS (sceptically
accepted?) or SE (give one extension), for CO (complete), PR (preferred), ST (stable), plus
SE-GR and DC-GR (grounded). DC and DS answer ``YES`` or ``NO``; SE answers ``w`` followed by the
arguments of an extension, or ``NO`` when there is none. With a witness, a DC ``YES`` and a DS
``NO`` are followed by the ``w`` line of an extension that shows it.
"""

from __future__ import annotations

from collections.abc import Sequence

from argmap.engine.framework import Framework
from argmap.engine.semantics import SHORT, credulous, sceptical, some_extension

PROBLEMS: tuple[str, ...] = (
    *(f"{task}-{sem}" for task in ("DC", "DS", "SE") for sem in ("CO", "PR", "ST")),
    "SE-GR",
    "DC-GR",
)


def problems_line() -> str:
    """What ``--problems`` prints: the supported problems, as ICCMA solvers list them."""
    return "[" + ",".join(PROBLEMS) + "]"


def needs_argument(problem: str) -> bool:
    return problem.startswith(("DC-", "DS-"))


def _w(af: Framework, ext: Sequence[int]) -> str:
    return " ".join(["w", *(af.name(a) for a in ext)])


def answer(af: Framework, problem: str, argument: int | None = None, *, witness: bool = False) -> list[str]:
    """The lines a solver prints for a problem (one of ``PROBLEMS``)."""
    if problem not in PROBLEMS:
        raise ValueError(f"unsupported problem '{problem}'")
    task, short = problem.split("-")
    semantics = SHORT[short]
    if task == "SE":
        ext = some_extension(af, semantics)
        return ["NO"] if ext is None else [_w(af, ext)]
    if argument is None:
        raise ValueError(f"{problem} needs an argument")
    if task == "DC":
        result = credulous(af, argument, semantics, witness=witness)
        show = result.yes
    else:
        result = sceptical(af, argument, semantics, witness=witness)
        show = not result.yes
    lines = ["YES" if result.yes else "NO"]
    if witness and show and result.witness is not None:
        lines.append(_w(af, result.witness))
    return lines
