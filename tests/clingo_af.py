"""Extensions computed by clingo from answer-set encodings written for these tests: an
independent check of the engine (a different solver, a different encoding)."""

from __future__ import annotations

import clingo

from argmap.engine.framework import Framework

GUESS = """
in(X) :- arg(X), not out(X).
out(X) :- arg(X), not in(X).
:- in(X), in(Y), att(X, Y).
defeated(X) :- in(Y), att(Y, X).
#show in/1.
"""
COMPLETE = (
    GUESS
    + """
undefended(X) :- att(Y, X), not defeated(Y).
:- in(X), undefended(X).
:- out(X), not undefended(X).
"""
)
STABLE = (
    GUESS
    + """
:- out(X), not defeated(X).
"""
)
# Preferred: complete extensions that are subset-maximal, by clingo's domain heuristic.
PREFERRED = (
    COMPLETE
    + """
#heuristic in(X) : arg(X). [1, true]
"""
)


def _facts(af: Framework) -> str:
    args = "".join(f"arg({a}). " for a in range(af.n))
    return args + "".join(f"att({a}, {b}). " for a, b in af.edges())


def _models(program: str, options: list[str]) -> list[frozenset[int]]:
    ctl = clingo.Control(["0", *options], logger=lambda code, message: None)
    ctl.add("base", [], program)
    ctl.ground([("base", [])])
    found: list[frozenset[int]] = []
    ctl.solve(on_model=lambda m: found.append(frozenset(s.arguments[0].number for s in m.symbols(shown=True))))
    return found


def extensions(af: Framework, semantics: str) -> list[frozenset[int]]:
    facts = _facts(af)
    if semantics == "grounded":
        # The grounded extension is the intersection of the complete ones.
        return [_models(facts + COMPLETE, ["--enum-mode=cautious"])[-1]]
    if semantics == "complete":
        return _models(facts + COMPLETE, [])
    if semantics == "stable":
        return _models(facts + STABLE, [])
    return _models(facts + PREFERRED, ["--heuristic=Domain", "--enum-mode=domRec"])
