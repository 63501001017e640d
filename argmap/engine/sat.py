"""Complete and stable labellings of part of a framework, encoded for a SAT solver.

Each argument ``a`` of the part gets two variables, ``in(a)`` and ``out(a)`` (UNDEC is
neither). A complete labelling satisfies, for every ``a`` with attackers ``B`` inside the
part:

    not (in(a) and out(a))
    in(a)  <->  out(b) for every b in B
    out(a) <->  in(b) for some b in B

Attackers outside the part are ignored: the parts given are unions of weakly connected parts of
the undecided core, whose outside attackers are all OUT (see ``parts``). A stable labelling
also has ``in(a) or out(a)``. This encoding propagates well; the smaller "admissible" encoding
(``in(a)`` needs every attacker attacked) leaves the solver to search where this one deduces.

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

from collections.abc import Iterable

from argmap.engine.framework import Framework

SOLVER = "minisat22"
MANY_IN_SOLVER = "cadical153"

_LIVE: set[LabellingSolver] = set()
"""The solvers open now, for ``interrupt_all``."""


def interrupt_all() -> None:
    """Stop every SAT call under way, from any thread: each raises ``KeyboardInterrupt`` in
    the thread that made it (see ``argmap.engine.watch``). MiniSat stops at once; CaDiCaL,
    which cannot be stopped from outside, is stopped by the signal itself."""
    for s in list(_LIVE):
        if s.interruptible:
            s.solver.interrupt()


def clear_interrupts() -> None:
    for s in list(_LIVE):
        if s.interruptible:
            s.solver.clear_interrupt()


class LabellingSolver:
    """A SAT solver holding the complete (or stable) labellings of a part of a framework; or,
    with ``admissible``, only its admissible sets (``in`` variables alone, see
    ``_admissible_clauses``)."""

    def __init__(
        self, af: Framework, nodes: list[int], *, stable: bool = False, many_in: bool = False, admissible: bool = False
    ) -> None:
        self.nodes = nodes
        n = len(nodes)
        self.size = n
        local = {a: i for i, a in enumerate(nodes)}
        self.local = local
        clauses = _admissible_clauses(af, nodes, local) if admissible else _clauses(af, nodes, local, stable)
        self._next = 2 * n + 1
        from pysat.solvers import Solver  # here: loading the solvers costs startup time

        name = MANY_IN_SOLVER if many_in else SOLVER
        self.interruptible = name == SOLVER
        self.solver = Solver(name=name)
        _add_all(self.solver, clauses)
        if many_in:
            self.solver.set_phases([*range(1, n + 1), *range(-n - 1, -2 * n - 1, -1)])
        _LIVE.add(self)

    def close(self) -> None:
        _LIVE.discard(self)
        self.solver.delete()

    def __enter__(self) -> LabellingSolver:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- literals ---------------------------------------------------------------------------

    def in_(self, a: int) -> int:
        """The variable ``in(a)`` of an argument of the framework."""
        return self.local[a] + 1

    def out(self, a: int) -> int:
        """The variable ``out(a)``."""
        return self.size + self.local[a] + 1

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
        try:
            found = self.solver.solve_limited(assumptions=list(assumptions))
        except Exception as exc:  # the solver's own error for a Ctrl-C it caught
            if "interrupt" in str(exc):
                raise KeyboardInterrupt from None
            raise
        if found is None:
            return False, None
        return True, self._model() if found else None

    def _model(self) -> list[int]:
        model = self.solver.get_model()
        assert model is not None
        nodes = self.nodes
        return [nodes[v - 1] for v in model[: self.size] if v > 0]

    def _sat(self, assumptions: list[int]) -> bool:
        if self.interruptible:
            # Limited with an interrupt expected: the call lets other threads run (the watch
            # that may stop it) and returns None when stopped.
            found = self.solver.solve_limited(assumptions=assumptions, expect_interrupt=True)
            if found is None:
                raise KeyboardInterrupt
            return bool(found)
        try:
            return bool(self.solver.solve(assumptions=assumptions))
        except Exception as exc:  # the solver's own error for a Ctrl-C it caught
            if "interrupt" in str(exc):
                raise KeyboardInterrupt from None
            raise

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


def _clauses(af: Framework, nodes: list[int], local: dict[int, int], stable: bool) -> list[list[int]]:
    """The clauses of the labellings of ``nodes``: variable ``i + 1`` is ``in(nodes[i])``,
    ``n + i + 1`` is ``out(nodes[i])``. Built a whole argument at a time: one comprehension
    per argument, not one Python statement per literal."""
    n = len(nodes)
    attackers = af.attackers
    get = local.get
    clauses: list[list[int]] = []
    add, extend = clauses.append, clauses.extend
    for i, a in enumerate(nodes):
        ia, oa = i + 1, n + i + 1
        inner = [j + 1 for j in map(get, attackers[a]) if j is not None]
        add([-ia, -oa])
        if inner:
            extend([[-ia, n + j] for j in inner])
            extend([[-j, oa] for j in inner])
            add([ia, *[-(n + j) for j in inner]])
            add([-oa, *inner])
        else:
            add([ia])
            add([-oa])
        if stable:
            add([ia, oa])
    return clauses


def _admissible_clauses(af: Framework, nodes: list[int], local: dict[int, int]) -> list[list[int]]:
    """The clauses of the admissible sets of ``nodes`` (variable ``i + 1`` is ``in(nodes[i])``):
    no member attacks another, and each attacker of a member has an attacker among them.
    Where the answer is no (is there a non-empty admissible set? one holding this argument?),
    MiniSat proves it faster on this encoding than on the labellings."""
    attackers = af.attackers
    get = local.get
    clauses: list[list[int]] = []
    add = clauses.append
    for i, a in enumerate(nodes):
        ia = -(i + 1)
        for b in attackers[a]:
            j = get(b)
            if j is None:
                continue  # OUT: attacked by an IN argument outside
            add([ia, -(j + 1)])
            add([ia, *[k + 1 for k in map(get, attackers[b]) if k is not None]])
    return clauses


def _add_all(solver: object, clauses: list[list[int]]) -> None:
    """Load clauses with one C call each, past the solver wrapper's per-clause Python code."""
    import pysolvers

    inner = getattr(solver, "solver", None)
    handle = getattr(inner, "minisat", None)
    if handle is not None and type(inner).__name__ == "Minisat22":
        add = pysolvers.minisat22_add_cl
        for clause in clauses:
            add(handle, clause)
        return
    solver.append_formula(clauses)  # type: ignore[attr-defined]
