"""Complete and stable labellings of part of a framework, encoded for a SAT solver.

For complete labellings each argument ``a`` of the part gets two variables, ``in(a)`` and
``out(a)`` (UNDEC is neither). A complete labelling satisfies, for every ``a`` with attackers
``B`` inside the part:

    not (in(a) and out(a))
    in(a)  <->  out(b) for every b in B
    out(a) <->  in(b) for some b in B

Attackers outside the part are ignored: the parts given are unions of weakly connected parts of
the undecided core, whose outside attackers are all OUT (see ``parts``). This encoding
propagates well, and finds answers fast. The smaller "admissible" encoding (``in(a)`` needs
every attacker attacked) leaves the solver more to search when there is an answer, but
proves faster that there is none: it is the one asked whether a set can still grow.

A stable labelling has no UNDEC, so ``out(a)`` is ``not in(a)`` and one variable per argument
is enough: a stable extension is a conflict-free set attacking everything outside it,

    not (in(a) and in(b))     for every b in B
    in(a) or in(b) for some b in B

a third of the clauses of the complete encoding, and on frameworks without a stable extension
the solver proves it many times faster.

The solver is MiniSat 2.2 through python-sat: on these formulas it loads and answers single
queries fastest of the solvers python-sat ships. When many answers are wanted, each making
as many arguments IN as it can (``many_in``: the status of every argument), it is CaDiCaL
1.5.3 told to try ``in`` true and ``out`` false first: MiniSat's saved phases override such
hints, and its answers then settle one or two arguments each, where CaDiCaL's settle
hundreds. Queries are incremental: temporary clauses are guarded by a fresh activation
variable and retired by asserting its negation. MiniSat's queries let other threads run and
can be stopped from one (see ``watch``); a stopped query raises ``KeyboardInterrupt``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import repeat
from typing import Self

from argmap.engine.framework import Framework

SOLVER = "minisat22"
MANY_IN_SOLVER = "cadical153"

_LIVE: set[SatSolver] = set()
"""The solvers open now, for ``interrupt_all``."""


def interrupt_all() -> None:
    """Stop every SAT call under way, from any thread: each raises ``KeyboardInterrupt`` in
    the thread that made it (see ``argmap.engine.watch``). MiniSat stops at once; CaDiCaL,
    which cannot be stopped from outside, is stopped by the signal itself."""
    for s in list(_LIVE):
        if s.interruptible:
            s.solver.interrupt()


@contextmanager
def _as_keyboard_interrupt() -> Iterator[None]:
    """Raise the solver's own error for a Ctrl-C it caught (CaDiCaL's) as ``KeyboardInterrupt``."""
    try:
        yield
    except Exception as exc:
        if "interrupt" in str(exc):
            raise KeyboardInterrupt from None
        raise


def clear_interrupts() -> None:
    for s in list(_LIVE):
        if s.interruptible:
            s.solver.clear_interrupt()


class SatSolver:
    """A SAT solver that ``interrupt_all`` can stop, asked incremental queries."""

    def __init__(self, *, many_in: bool = False) -> None:
        from pysat.solvers import Solver  # here: loading the solvers costs startup time

        name = MANY_IN_SOLVER if many_in else SOLVER
        self.interruptible = name == SOLVER
        self.solver = Solver(name=name)
        self._next = 1
        _LIVE.add(self)

    def close(self) -> None:
        _LIVE.discard(self)
        self.solver.delete()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def load(self, clauses: Iterable[Iterable[int]]) -> None:
        """Add clauses (any iterables of literals) with one C call each, past the solver
        wrapper's per-clause Python code."""
        inner = getattr(self.solver, "solver", None)
        handle = getattr(inner, "minisat", None)
        if handle is not None and type(inner).__name__ == "Minisat22":
            import pysolvers

            deque(map(pysolvers.minisat22_add_cl, repeat(handle), clauses), maxlen=0)
            return
        self.solver.append_formula(list(map(list, clauses)))

    def fresh(self) -> int:
        self._next += 1
        return self._next - 1

    def add(self, clause: Iterable[int]) -> None:
        self.solver.add_clause(list(clause))

    def guarded(self, clause: list[int]) -> int:
        """Add ``clause`` under a new activation literal, returned; assume it to enforce the
        clause, and call ``retire`` with it when done."""
        act = self.fresh()
        self.solver.add_clause([-act, *clause])
        return act

    def retire(self, act: int) -> None:
        self.solver.add_clause([-act])

    def _sat(self, assumptions: list[int]) -> bool:
        if self.interruptible:
            # Limited with an interrupt expected: the call lets other threads run (the watch
            # that may stop it) and returns None when stopped.
            found = self.solver.solve_limited(assumptions=assumptions, expect_interrupt=True)
            if found is None:
                raise KeyboardInterrupt
            return bool(found)
        with _as_keyboard_interrupt():
            return bool(self.solver.solve(assumptions=assumptions))


class LabellingSolver(SatSolver):
    """A SAT solver holding the complete (or stable) labellings of a part of a framework.
    Under stable semantics ``out(a)`` is the literal ``-in(a)``. With ``admissible``, it
    holds the part's admissible sets instead, with ``in`` variables alone (see
    ``_admissible_clauses``)."""

    def __init__(
        self, af: Framework, nodes: list[int], *, stable: bool = False, many_in: bool = False, admissible: bool = False
    ) -> None:
        super().__init__(many_in=many_in)
        self.nodes = nodes
        n = len(nodes)
        self.size = n
        self.stable = stable
        local = {a: i for i, a in enumerate(nodes)}
        self.local = local
        if admissible:
            self.load(_admissible_clauses(nodes, af.attackers))
            self._next = 2 * n + 1
        elif stable:
            self.load(_stable_clauses(nodes, af.attackers))
            self._next = n + 1
        else:
            self.load(_clauses(nodes, af.attackers))
            self._next = 2 * n + 1
        if many_in:
            ins = range(1, n + 1)
            self.solver.set_phases([*ins] if stable else [*ins, *range(-n - 1, -2 * n - 1, -1)])

    # --- literals ---------------------------------------------------------------------------

    def in_(self, a: int) -> int:
        """The variable ``in(a)`` of an argument of the framework."""
        return self.local[a] + 1

    def out(self, a: int) -> int:
        """The literal ``out(a)``: a variable of its own, or ``-in(a)`` under stable semantics."""
        if self.stable:
            return -self.local[a] - 1
        return self.size + self.local[a] + 1

    # --- solving ----------------------------------------------------------------------------

    def solve(self, assumptions: Iterable[int] = ()) -> list[int] | None:
        """The IN arguments (framework numbering, ascending) of a labelling meeting the
        assumptions, or None when there is none."""
        if not self._sat(list(assumptions)):
            return None
        return self._model()

    def attempt(self, assumptions: Iterable[int], conflicts: int) -> tuple[bool, list[int] | None]:
        """Like ``solve``, but giving up after ``conflicts`` conflicts: (False, None) when it
        did, else (True, the answer). For the ``many_in`` solver, whose proofs that there is
        no answer can be slow where another encoding's are fast."""
        assert not self.interruptible
        self.solver.conf_budget(conflicts)
        with _as_keyboard_interrupt():
            found = self.solver.solve_limited(assumptions=list(assumptions))
        if found is None:
            return False, None
        return True, self._model() if found else None

    def _model(self) -> list[int]:
        model = self.solver.get_model()
        assert model is not None
        nodes = self.nodes
        return [nodes[v - 1] for v in model[: self.size] if v > 0]

    def maximise(self, extension: list[int], assumptions: Iterable[int] = ()) -> list[int]:
        """Grow a complete extension until no complete extension strictly contains it: the
        result is a preferred extension of the part (containing ``extension``)."""
        held = list(assumptions)
        current = extension
        while True:
            outside = self.not_within(current)
            if not outside:
                return current
            act = self.guarded(outside)
            bigger = self.solve([*held, act, *self.ins(current)])
            self.retire(act)
            if bigger is None:
                return current
            current = bigger

    def ins(self, arguments: Iterable[int]) -> list[int]:
        """The variables ``in(a)`` of arguments of the part."""
        local = self.local
        return [local[a] + 1 for a in arguments]

    def not_within(self, extension: list[int]) -> list[int]:
        """A clause saying: some argument outside ``extension`` is IN."""
        inside = set(map(self.local.__getitem__, extension))
        return [i + 1 for i in range(self.size) if i not in inside]


def _clauses(nodes: list[int], attackers: list[list[int]]) -> Iterator[Iterable[int]]:
    """The clauses of the complete labellings of ``nodes``: variable ``i + 1`` is
    ``in(nodes[i])``, ``n + i + 1`` is ``out(nodes[i])``. Per argument, the attackers inside
    are found and the clauses made by C-level maps, with no Python code per literal."""
    n = len(nodes)
    var = {a: i + 1 for i, a in enumerate(nodes)}.get
    negate = (0).__sub__
    out_of = n.__add__
    not_out_of = (-n).__sub__
    for ia, a in enumerate(nodes, 1):
        oa = n + ia
        inner = list(filter(None, map(var, attackers[a])))
        yield (-ia, -oa)
        if inner:
            yield from zip(repeat(-ia), map(out_of, inner))  # in(a) -> out(b)
            yield from zip(map(negate, inner), repeat(oa))  # in(b) -> out(a)
            yield [ia, *map(not_out_of, inner)]
            yield [-oa, *inner]
        else:
            yield (ia,)
            yield (-oa,)


def _stable_clauses(nodes: list[int], attackers: list[list[int]]) -> Iterator[Iterable[int]]:
    """The clauses of the stable labellings of ``nodes``, variable ``i + 1`` being
    ``in(nodes[i])``: per argument, the attackers inside found by C-level maps (no Python
    code per literal), one clause that some attacker or the argument is IN, and one pair per
    attacker that they are not both IN."""
    var = {a: i + 1 for i, a in enumerate(nodes)}.get
    negate = (0).__sub__
    for i, a in enumerate(nodes, 1):
        inner = list(filter(None, map(var, attackers[a])))
        yield [i, *inner]
        yield from zip(repeat(-i), map(negate, inner))


def _admissible_clauses(nodes: list[int], attackers: list[list[int]]) -> Iterator[Iterable[int]]:
    """The clauses of the admissible sets of ``nodes``, variable ``i + 1`` being
    ``in(nodes[i])``: per attack inside, the two ends are not both IN, and the attacker has
    an attacker IN. Where the answer is no (is there a non-empty admissible set? one holding
    this argument?), MiniSat proves it faster on this encoding than on the labellings."""
    var = {a: i + 1 for i, a in enumerate(nodes)}.get
    for i, a in enumerate(nodes, 1):
        for j in filter(None, map(var, attackers[a])):
            yield (-i, -j)
            yield [-i, *filter(None, map(var, attackers[nodes[j - 1]]))]
