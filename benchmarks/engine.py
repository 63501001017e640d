"""Benchmark of the argumentation engine, with clingo as an independent solver in the same run.

    .venv/bin/python benchmarks/engine.py            # 1k .. 1M map-shaped, random up to 100k
    .venv/bin/python benchmarks/engine.py --quick    # up to 10k only

Two kinds of generated frameworks:

* **map-shaped**: like argument maps. Arguments come in threads of a debate; each one answers
  1-3 earlier arguments of its thread or the one before (attacks point back in time), a third
  of them are in pairs of mutual rebuttals, and about one in a hundred closes a longer cycle
  (3 to 6 arguments).
* **random**: every argument attacks 3 arguments chosen uniformly.

Columns (milliseconds; medians of several runs where a run is cheap):

* ``build``: the framework from its edge list; ``parse``: reading its ICCMA file;
* ``GR``: grounded labelling, in-process;
* ``solve SE-GR``: ``argmap solve -p SE-GR`` as a command on the ICCMA file, start-up and
  parsing included (1M only: the target is under 5 s);
* ``DC-PR`` / ``DC-ST`` / ``DS-PR``: one query about an argument the grounded labelling leaves
  undecided (median over several such arguments);
* ``cred-PR all``: credulous status of every argument under preferred semantics;
* ``clingo GR`` / ``clingo DC-PR``: the same with clingo on answer-set encodings (grounded as
  the cautious consequences of the complete encoding), grounding included; "t/o" past the
  time limit.

Every answer of the engine is checked against clingo where clingo finishes.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from argmap.engine import semantics as sem  # noqa: E402
from argmap.engine.framework import Framework  # noqa: E402
from argmap.engine.grounded import grounded  # noqa: E402
from argmap.engine.labels import IN, UNDEC  # noqa: E402
from argmap.formats import iccma  # noqa: E402

CLINGO_LIMIT = 30.0


# --- generators --------------------------------------------------------------------------------


def map_shaped(n: int, seed: int = 1) -> list[tuple[int, int]]:
    rng = random.Random(seed)
    edges: set[tuple[int, int]] = set()
    thread = 40
    for a in range(n):
        start = max(0, (a // thread - 1) * thread)
        if a == start:
            continue
        for _ in range(rng.choice((1, 1, 2, 3))):
            edges.add((a, rng.randrange(start, a)))
        if rng.random() < 0.33:
            b = rng.randrange(start, a)
            edges.add((a, b))
            edges.add((b, a))
        if rng.random() < 0.01 and a - start >= 6:
            length = rng.randint(3, 6)
            ring = [*sorted(rng.sample(range(start, a), length - 1)), a]
            for x, y in zip(ring, ring[1:] + ring[:1], strict=True):
                edges.add((x, y))
    return sorted(edges)


def random_af(n: int, per: int = 3, seed: int = 1) -> list[tuple[int, int]]:
    rng = random.Random(seed)
    return sorted({(a, rng.randrange(n)) for a in range(n) for _ in range(per)})


# --- clingo ------------------------------------------------------------------------------------

COMPLETE = """
in(X) :- arg(X), not out(X).
out(X) :- arg(X), not in(X).
:- in(X), in(Y), att(X, Y).
defeated(X) :- in(Y), att(Y, X).
undefended(X) :- att(Y, X), not defeated(Y).
:- in(X), undefended(X).
:- out(X), not undefended(X).
#show in/1.
"""


def clingo_run(n: int, edges: list[tuple[int, int]], extra: str, options: list[str]) -> list[set[int]] | None:
    """Models of the complete encoding plus ``extra``; None past the time limit."""
    import clingo

    ctl = clingo.Control(options, logger=lambda code, message: None)
    facts = f"arg(0..{n - 1}).\n" + "".join(f"att({a},{b}).\n" for a, b in edges)
    ctl.add("base", [], facts + COMPLETE + extra)
    done = threading.Event()
    timer = threading.Timer(CLINGO_LIMIT, lambda: (done.set(), ctl.interrupt()))
    timer.start()
    try:
        ctl.ground([("base", [])])
        if done.is_set():
            return None
        models: list[set[int]] = []
        with ctl.solve(yield_=True, async_=True) as handle:
            for model in handle:
                models.append({s.arguments[0].number for s in model.symbols(shown=True)})
        return None if done.is_set() else models
    finally:
        timer.cancel()


# --- timing ------------------------------------------------------------------------------------


def timed(fn: Callable[[], object], runs: int = 1) -> tuple[float, object]:
    """Median milliseconds over ``runs``, and the last result."""
    times = []
    result: object = None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def fmt(ms: float | None) -> str:
    if ms is None:
        return "-"
    return f"{ms:.0f}" if ms >= 10 else f"{ms:.1f}"


def bench(
    kind: str, n: int, edges: list[tuple[int, int]], *, with_clingo: bool, with_solve: bool, skip: set[str]
) -> dict[str, str]:
    row: dict[str, str] = {"kind": kind, "n": f"{n:,}", "attacks": f"{len(edges):,}"}
    cheap = n <= 100_000
    ms, af = timed(lambda: Framework.from_edges(n, edges), 3 if cheap else 1)
    assert isinstance(af, Framework)
    row["build"] = fmt(ms)
    text = iccma.dumps(af)
    ms, _ = timed(lambda: iccma.parse(text), 3 if cheap else 1)
    row["parse"] = fmt(ms)
    ms, g = timed(lambda: grounded(af), 5 if cheap else 3)
    assert isinstance(g, bytearray)
    undecided = [a for a in range(n) if g[a] == UNDEC]
    row["undec"] = f"{len(undecided):,}"
    if with_solve:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "af.i23"
            path.write_text(text, encoding="utf-8")
            cmd = [sys.executable, "-m", "argmap", "solve", "-p", "SE-GR", "-f", str(path)]
            start = time.perf_counter()
            out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=True).stdout
            row["solve SE-GR"] = fmt((time.perf_counter() - start) * 1000)
            assert len(out.split()) - 1 == sum(1 for x in g if x == IN)
    row["GR"] = fmt(ms)
    if n > 100_000:
        return row
    if {"DC-PR", "DC-ST", "DS-PR", "cred-PR all"} <= skip and not with_clingo:
        return row
    rng = random.Random(7)
    queries = rng.sample(undecided, min(5, len(undecided))) or [0]
    for label, fn in (
        ("DC-PR", lambda a: sem.credulous(af, a, "preferred", g)),
        ("DC-ST", lambda a: sem.credulous(af, a, "stable", g)),
        ("DS-PR", lambda a: sem.sceptical(af, a, "preferred", g)),
    ):
        if label in skip:
            continue
        times = [timed(lambda a=a, fn=fn: fn(a))[0] for a in queries]
        row[label] = fmt(statistics.median(times))
    cred = None
    if "cred-PR all" not in skip:
        ms, cred = timed(lambda: sem.credulous_all(af, "preferred", g), 1)
        row["cred-PR all"] = fmt(ms)
    if with_clingo:
        ms, models = timed(lambda: clingo_run(n, edges, "", ["0", "--enum-mode=cautious"]))
        if models is None:
            row["clingo GR"] = "t/o"
        else:
            row["clingo GR"] = fmt(ms)
            assert models[-1] == {a for a in range(n) if g[a] == IN}, "grounded differs from clingo"
        a = queries[0]
        ms, models = timed(lambda: clingo_run(n, edges, f":- not in({a}).", ["1"]))
        if "DC-PR" in skip:
            pass
        elif models is None:
            row["clingo DC-PR"] = "t/o"
        else:
            row["clingo DC-PR"] = fmt(ms)
            assert bool(models) == sem.credulous(af, a, "preferred", g).yes, "DC-PR differs from clingo"
            assert cred is None or bool(cred[a]) == bool(models)
    return row


COLUMNS = [
    "kind", "n", "attacks", "undec", "build", "parse", "GR", "solve SE-GR", "DC-PR", "DC-ST", "DS-PR",
    "cred-PR all", "clingo GR", "clingo DC-PR",
]  # fmt: skip


def table(rows: list[dict[str, str]]) -> str:
    widths = {c: max(len(c), *(len(r.get(c, "-")) for r in rows)) for c in COLUMNS}
    lines = ["| " + " | ".join(c.ljust(widths[c]) for c in COLUMNS) + " |"]
    lines.append("| " + " | ".join("-" * widths[c] for c in COLUMNS) + " |")
    for r in rows:
        lines.append("| " + " | ".join(r.get(c, "-").rjust(widths[c]) for c in COLUMNS) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="sizes up to 10k only")
    args = parser.parse_args()
    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 100_000, 1_000_000]
    rows = []
    for n in sizes:
        skip = {"DS-PR"} if n > 10_000 else set()
        rows.append(bench("map", n, map_shaped(n), with_clingo=n <= 100_000, with_solve=n == 1_000_000, skip=skip))
        print(table(rows[-1:]).splitlines()[-1], flush=True)
    for n in [s for s in sizes if s <= 100_000]:
        # Past 10k the undecided core of a random framework is one hard SAT problem: only the
        # grounded columns are measured there.
        skip = {"DC-PR", "DC-ST", "DS-PR", "cred-PR all"} if n > 10_000 else set()
        rows.append(bench("random", n, random_af(n), with_clingo=n <= 100_000, with_solve=False, skip=skip))
        print(table(rows[-1:]).splitlines()[-1], flush=True)
    print()
    print(f"milliseconds; {os.cpu_count()} cores; clingo limit {CLINGO_LIMIT:.0f} s")
    print(table(rows))


if __name__ == "__main__":
    main()
