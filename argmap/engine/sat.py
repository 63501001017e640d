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
variable and retired by asserting its negation.
"""

from __future__ import annotations

from collections.abc import Iterable

from argmap.engine.framework import Framework

SOLVER = "minisat22"
MANY_IN_SOLVER = "cadical153"


class LabellingSolver:
    """A SAT solver holding the complete (or stable) labellings of a part of a framework."""

    def __init__(self, af: Framework, nodes: list[int], *, stable: bool = False, many_in: bool = False) -> None:
        self.nodes = nodes
        n = len(nodes)
        self.size = n
        local = {a: i for i, a in enumerate(nodes)}
        self.local = local
        attackers = af.attackers
        clauses: list[list[int]] = []
        add = clauses.append
        for i, a in enumerate(nodes):
            ia, oa = i + 1, n + i + 1
            add([-ia, -oa])
            all_out = [ia]
            some_in = [-oa]
            for b in attackers[a]:
                j = local.get(b)
                if j is None:
                    continue
                add([-ia, n + j + 1])
                add([-(j + 1), oa])
                all_out.append(-(n + j + 1))
                some_in.append(j + 1)
            add(all_out)
            add(some_in)
            if stable:
                add([ia, oa])
        self._next = 2 * n + 1
        from pysat.solvers import Solver  # here: loading the solvers costs startup time

        self.solver = Solver(name=MANY_IN_SOLVER if many_in else SOLVER, bootstrap_with=clauses)
        if many_in:
            self.solver.set_phases([*range(1, n + 1), *range(-n - 1, -2 * n - 1, -1)])

    def close(self) -> None:
        self.solver.delete()

    def __enter__(self) -> LabellingSolver:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- literals ---------------------------------------------------------------------------

    def in_(self, a: int) -> int:
        """The variable ``in(a)`` of an argument of the framework."""
        return self.local[a] + 1

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
        if not self.solver.solve(assumptions=list(assumptions)):
            return None
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
            inside = set(current)
            outside = [self.in_(a) for a in self.nodes if a not in inside]
            if not outside:
                return current
            act = self.guarded(outside)
            bigger = self.solve([*held, act, *(self.in_(a) for a in current)])
            self.retire(act)
            if bigger is None:
                return current
            current = bigger

    def not_within(self, extension: list[int]) -> list[int]:
        """A clause saying: some argument outside ``extension`` is IN."""
        inside = set(extension)
        return [self.in_(a) for a in self.nodes if a not in inside]
