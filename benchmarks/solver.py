"""Benchmark of ``argmap solve`` against clingo, both as whole processes, in the same run.

    .venv/bin/python benchmarks/solver.py                 # 1k, 10k, 100k; map-shaped and random
    .venv/bin/python benchmarks/solver.py --sizes 1000    # only 1k
    .venv/bin/python benchmarks/solver.py --root DIR      # time the argmap found in DIR

Frameworks are generated as in ``benchmarks/engine.py``: *map-shaped* (threads of a debate,
each argument answering one to three earlier ones, a third in mutual rebuttals, about one in a
hundred closing a longer cycle) and *random* (each argument attacks three chosen uniformly).

Every problem of the ICCMA 2023 interface is timed, plus ``SK-PR``: the sceptical status of
every argument under preferred semantics (the engine's ``acceptance``, read from the same
file). DC and DS ask about one argument the grounded labelling leaves undecided (the one
nearest the middle), or argument 1 when none is. Each cell is the median wall time of 3
runs of a fresh process, file reading included; ``t/o`` past the limit (then not repeated).
``x`` is clingo's time over argmap's: above 1, argmap is faster.

clingo (the Python package's ``clingo.Control``) runs answer-set encodings written here:
grounded as the least model of a positive program, complete and stable as guesses with
constraints, preferred as complete with a domain heuristic making each model subset-maximal
(``--heuristic=Domain``; enumerated with ``--enum-mode=domRec`` for DS-PR and SK-PR, stopping
at the first preferred extension without the argument, or once the intersection is the
grounded extension). Where both finish, their yes/no answers must agree.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from engine import map_shaped, random_af  # noqa: E402

# The encodings the differential tests check the engine against.
from tests.clingo_af import COMPLETE, PREFERRED, STABLE  # noqa: E402

PROBLEMS = [
    "SE-GR", "DC-GR", "SE-CO", "DC-CO", "DS-CO", "SE-PR", "DC-PR", "DS-PR", "SE-ST", "DC-ST", "DS-ST", "SK-PR",
]  # fmt: skip

GROUNDED = """
in(X) :- arg(X), defeated(Y) : att(Y, X).
defeated(X) :- att(Y, X), in(Y).
#show in/1.
"""


# --- the clingo side (run in its own process) ------------------------------------------------


def clingo_worker(problem: str, facts: str, arg: int) -> str:
    import clingo

    task, code = problem.split("-")

    def control(program: str, options: list[str]) -> clingo.Control:
        ctl = clingo.Control(options, logger=lambda c, m: None)
        ctl.load(facts)
        ctl.add("base", [], program)
        ctl.ground([("base", [])])
        return ctl

    def first(program: str, options: list[str] = ()) -> set[int] | None:  # type: ignore[assignment]
        ctl = control(program, ["1", *options])
        found: list[set[int]] = []
        ctl.solve(on_model=lambda m: found.append({s.arguments[0].number for s in m.symbols(shown=True)}))
        return found[0] if found else None

    if code == "GR" or (code == "CO" and task == "DS"):
        ext = first(GROUNDED)
        assert ext is not None
        return ("YES" if arg in ext else "NO") if task in ("DC", "DS") else f"{len(ext)}"
    if task == "SE":
        ext = first(STABLE if code == "ST" else PREFERRED if code == "PR" else COMPLETE, ["--heuristic=Domain"])
        return "NO" if ext is None else f"{len(ext)}"
    if task == "DC":
        ext = first((STABLE if code == "ST" else COMPLETE) + f":- not in({arg}).")
        return "NO" if ext is None else "YES"
    if code == "ST":
        return "YES" if first(STABLE + f":- in({arg}).") is None else "NO"
    grounded = first(GROUNDED) or set()
    ctl = control(PREFERRED, ["0", "--heuristic=Domain", "--enum-mode=domRec"])
    common: set[int] | None = None
    with ctl.solve(yield_=True) as handle:
        for model in handle:
            ext = {s.arguments[0].number for s in model.symbols(shown=True)}
            common = ext if common is None else common & ext
            if task == "DS" and arg not in ext:
                return "NO"
            if task == "SK" and common == grounded:
                break
    if task == "DS":
        return "YES"
    return f"{len(common or set())}"


# --- the argmap side -------------------------------------------------------------------------

SKEPTICAL_ALL = """
import sys
from argmap.engine.semantics import acceptance
from argmap.formats import iccma
from argmap.reading import gate
found = iccma.read(gate.read_text(__import__("pathlib").Path(sys.argv[1]), sys.argv[1]))
acc = acceptance(found.core, "preferred")
inside = found.n - found.core.n
print(sum(acc.sceptical) + inside)
"""


def argmap_command(python: str, problem: str, path: Path, arg: int) -> list[str]:
    if problem == "SK-PR":
        return [python, "-c", SKEPTICAL_ALL, str(path)]
    cmd = [python, "-m", "argmap", "solve", "-p", problem, "-f", str(path)]
    return [*cmd, "-a", str(arg)] if problem.startswith(("DC", "DS")) else cmd


def answer_of(out: str, problem: str) -> str:
    first = out.split("\n", 1)[0]
    if problem.startswith("SE") and first.startswith("w"):
        return f"{len(first.split()) - 1}"
    return first.strip()


# --- timing ----------------------------------------------------------------------------------


def timed(cmd: list[str], cwd: Path, limit: float, runs: int) -> tuple[float | None, str]:
    """Median seconds of ``runs`` runs and the output; None past ``limit`` (not repeated)."""
    times: list[float] = []
    out = ""
    for _ in range(runs):
        start = time.perf_counter()
        try:
            done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=limit)
        except subprocess.TimeoutExpired:
            return None, ""
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stderr}")
        out = done.stdout
    return statistics.median(times), out


def seconds(s: float | None) -> str:
    return "t/o" if s is None else f"{s:.3f}"


def query_argument(n: int, edges: list[tuple[int, int]]) -> int:
    """The 1-based argument nearest the middle that the grounded labelling leaves undecided."""
    sys.path.insert(0, str(HERE.parent))
    from argmap.engine.framework import Framework
    from argmap.engine.grounded import grounded
    from argmap.engine.labels import UNDEC

    labels = grounded(Framework.from_edges(n, edges))
    undecided = [a for a in range(n) if labels[a] == UNDEC]
    if not undecided:
        return 1
    return min(undecided, key=lambda a: abs(a - n // 2)) + 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--kinds", nargs="+", default=["map", "random"], choices=["map", "random"])
    parser.add_argument("--problems", nargs="+", default=PROBLEMS, choices=PROBLEMS)
    parser.add_argument("--limit", type=float, default=10.0, help="seconds per run (default 10)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--root", type=Path, default=HERE.parent, help="the argmap tree to time")
    parser.add_argument("--worker", nargs=3, metavar=("PROBLEM", "FACTS", "ARG"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        problem, facts, arg = args.worker
        print(clingo_worker(problem, facts, int(arg)))
        return
    python = sys.executable
    # Timed as installed: modules compiled once, as pip does, not at every start.
    subprocess.run([python, "-m", "compileall", "-q", str(args.root / "argmap")], check=True)
    rows = []
    disagreements = []
    header = f"| {'framework':<12} | {'problem':<7} | {'argmap s':>8} | {'clingo s':>8} | {'x':>6} |"
    print(header)
    print("|" + "|".join("-" * (len(c)) for c in header.split("|")[1:-1]) + "|", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        for kind in args.kinds:
            for n in args.sizes:
                edges = map_shaped(n) if kind == "map" else random_af(n)
                af_path = Path(tmp) / f"{kind}-{n}.af"
                af_path.write_text(f"p af {n}\n" + "".join(f"{a + 1} {b + 1}\n" for a, b in edges), encoding="utf-8")
                lp_path = Path(tmp) / f"{kind}-{n}.lp"
                lp_path.write_text(
                    f"arg(1..{n}).\n" + "".join(f"att({a + 1},{b + 1}).\n" for a, b in edges), encoding="utf-8"
                )
                arg = query_argument(n, edges)
                name = f"{kind}-{n // 1000}k"
                for problem in args.problems:
                    ours, our_out = timed(
                        argmap_command(python, problem, af_path, arg), args.root, args.limit, args.runs
                    )
                    worker = [python, str(HERE / "solver.py"), "--worker", problem, str(lp_path), str(arg)]
                    theirs, their_out = timed(worker, args.root, args.limit, args.runs)
                    ratio = "-" if ours is None or theirs is None else f"{theirs / ours:.2f}"
                    if ours is not None and theirs is not None:
                        mine, other = answer_of(our_out, problem), answer_of(their_out, problem)
                        # SE answers may be different extensions; their existence must agree.
                        if (mine == "NO") != (other == "NO") or (not problem.startswith("SE") and mine != other):
                            disagreements.append(f"{name} {problem} -a {arg}: argmap {mine}, clingo {other}")
                    row = f"| {name:<12} | {problem:<7} | {seconds(ours):>8} | {seconds(theirs):>8} | {ratio:>6} |"
                    rows.append(row)
                    print(row, flush=True)
    print(f"\nseconds, medians of {args.runs} runs; limit {args.limit:.0f} s; {os.cpu_count()} cores")
    for d in disagreements:
        print("DISAGREE", d)
    if disagreements:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
