"""The reasoning problems of the ICCMA 2023 solver interface, answered as ICCMA solvers print
them.

A problem is ``TASK-SEMANTICS``: DC (is the argument credulously accepted?), DS (sceptically
accepted?) or SE (give one extension), for CO (complete), PR (preferred), ST (stable), plus
SE-GR and DC-GR (grounded). DC and DS answer ``YES`` or ``NO``; SE answers ``w`` followed by the
arguments of an extension, or ``NO`` when there is none. With a witness, a DC ``YES`` and a DS
``NO`` are followed by the ``w`` line of an extension that shows it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence

from argmap.engine.framework import Framework
from argmap.engine.instance import Instance
from argmap.engine.semantics import SHORT, Semantics, credulous, sceptical, some_extension
from argmap.engine.semantics_registry import REGISTRY

# Grounded has a single extension, so of its problems ICCMA lists only SE and DC, last.
_SEVERAL = tuple(s.code for s in REGISTRY if s.name != "grounded")
PROBLEMS: tuple[str, ...] = (
    *(f"{task}-{code}" for task in ("DC", "DS", "SE") for code in _SEVERAL),
    "SE-GR",
    "DC-GR",
)


def problems_line() -> str:
    """What ``--problems`` prints: the supported problems, as ICCMA solvers list them."""
    return "[" + ",".join(PROBLEMS) + "]"


def needs_argument(problem: str) -> bool:
    return problem.startswith(("DC-", "DS-"))


def _w(inst: Instance, ext: Sequence[int]) -> Iterator[str]:
    yield "w"
    yield from inst.extension_text(ext)
    yield "\n"


def answer(
    af: Framework | Instance, problem: str, argument: int | None = None, *, witness: bool = False
) -> Iterator[str]:
    """The text a solver prints for a problem (one of ``PROBLEMS``), in pieces: an extension
    of ten million arguments is one line of 80 MB. Every line ends with a newline."""
    if problem not in PROBLEMS:
        raise ValueError(f"unsupported problem '{problem}'")
    inst = af if isinstance(af, Instance) else Instance.whole(af)
    task, short = problem.split("-")
    semantics = SHORT[short]
    if task == "SE":
        ext = some_extension(inst.core, semantics)
        return iter(["NO\n"]) if ext is None else _w(inst, ext)
    if argument is None:
        raise ValueError(f"{problem} needs an argument")
    local = inst.local(argument)
    if local is None:
        return _isolated(inst, task, semantics, witness)
    if task == "DC":
        # ICCMA asks for an extension of the semantics holding the argument: for complete
        # semantics any complete one, so none is grown to a preferred one.
        result = credulous(inst.core, local, semantics, witness=witness, least=True)
        show = result.yes
    else:
        result = sceptical(inst.core, local, semantics, witness=witness)
        show = not result.yes
    head = iter(["YES\n" if result.yes else "NO\n"])
    if witness and show and result.witness is not None:
        return itertools.chain(head, _w(inst, result.witness))
    return head


def _isolated(inst: Instance, task: str, semantics: Semantics, witness: bool) -> Iterator[str]:
    """An argument in no attack is in every extension there is: sceptically accepted always
    (vacuously when there is no stable extension), credulously when some extension exists."""
    if task == "DS":
        return iter(["YES\n"])
    if semantics == "stable":
        ext = some_extension(inst.core, "stable")
        if ext is None:
            return iter(["NO\n"])
    elif not witness:
        return iter(["YES\n"])
    else:
        ext = some_extension(inst.core, "preferred" if semantics == "preferred" else "grounded")
    return itertools.chain(["YES\n"], _w(inst, ext or []) if witness else [])
