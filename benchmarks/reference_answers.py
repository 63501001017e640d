"""Checks ``argmap solve`` against a published list of every complete extension of a framework.

    .venv/bin/python benchmarks/reference_answers.py INSTANCE REFERENCE
    .venv/bin/python benchmarks/reference_answers.py INSTANCE REFERENCE --processes
    .venv/bin/python benchmarks/reference_answers.py INSTANCE REFERENCE --every 2 --start 1

INSTANCE is the framework: APX (``.apx``), ICCMA 2023 (``.af``, arguments named 1..N) or TGF
(``.tgf``: one argument a line, ``#``, then one attack ``a b`` a line), which is written to a
temporary APX file for ``argmap solve`` to read. REFERENCE is the answer to EE-CO as ICCMA
solvers print it: ``[[a,b],[c],[]]``, every complete extension of the framework.

The reference is first checked against the instance, independently of argmap: each listed set
must be conflict-free, defend each of its members and contain every argument it defends, and
no set may be listed twice. argmap's own enumeration of the complete extensions must then be
the reference's. From the complete extensions follow the other semantics: the grounded
extension is the least (it must be listed), the preferred ones are the subset-maximal, the
stable ones those attacking every argument outside. So every problem of the ICCMA 2023
interface has a known answer for every argument: DC-CO, DS-CO, DC-PR, DS-PR, DC-ST, DS-ST,
DC-GR, and SE-CO, SE-PR, SE-ST, SE-GR.

Each problem is asked for every argument, with the witness printed (the default) and with
``--no-witness``. The answer must be right, and so must each witness: after a DC ``YES`` an
extension of that semantics containing the argument, after a DS ``NO`` one lacking it, and for
SE an extension of the semantics (or ``NO`` exactly when there is none); with
``--no-witness``, the bare line alone. The questions go through ``argmap.engine.problems`` in
this process, on the framework ``argmap solve`` reads from the same file, and in whole
``argmap solve`` processes for each problem on one argument answered YES and one answered NO
(every question with ``--processes``).

Each question is a solver call, which adds up on a large dense framework: ``--every N`` asks
about every N-th argument only (and those two), from the K-th with ``--start K``, so that runs
with ``--start 0`` to ``N-1`` side by side cover every argument. Prints the checks done and the
wrong answers per problem; exits 1 on any wrong answer or a reference that is not the
instance's.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.engine.instance import Instance

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

Extension = frozenset[str]

SEMANTICS = {"CO": "complete", "PR": "preferred", "ST": "stable", "GR": "grounded"}


# --- reading, independently of argmap ---------------------------------------------------------


def read_tgf(text: str) -> tuple[list[str], list[tuple[str, str]]]:
    head, _, tail = text.partition("\n#")
    names = [line.split()[0] for line in head.splitlines() if line.strip()]
    attacks = [(f[0], f[1]) for f in (line.split() for line in tail.splitlines()[1:]) if f]
    return names, attacks


_APX_NAME = r'(?:[A-Za-z0-9_]+|"(?:[^"\\\n]|\\.)*")'


def _apx_name(token: str) -> str:
    return re.sub(r"\\(.)", r"\1", token[1:-1]) if token.startswith('"') else token


def read_apx(text: str) -> tuple[list[str], list[tuple[str, str]]]:
    text = re.sub(r"%[^\n]*", "", text)
    names = [_apx_name(m) for m in re.findall(rf"arg\s*\(\s*({_APX_NAME})\s*\)\s*\.", text)]
    attacks = [
        (_apx_name(x), _apx_name(y))
        for x, y in re.findall(rf"att\s*\(\s*({_APX_NAME})\s*,\s*({_APX_NAME})\s*\)\s*\.", text)
    ]
    return list(dict.fromkeys(names)), attacks


def read_af(text: str) -> tuple[list[str], list[tuple[str, str]]]:
    lines = [line.split() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    n = int(lines[0][2])
    return [str(i) for i in range(1, n + 1)], [(f[0], f[1]) for f in lines[1:]]


def read_instance(path: Path) -> tuple[list[str], list[tuple[str, str]]]:
    text = path.read_text(encoding="utf-8")
    suffix = path.suffix.lower()
    if suffix == ".tgf":
        return read_tgf(text)
    if suffix == ".apx":
        return read_apx(text)
    return read_af(text)


def read_extensions(text: str) -> list[Extension]:
    """The extensions of an EE answer ``[[a,b],[]]``; what follows the closing bracket (a
    count of solutions, say) is ignored."""
    body = text[text.index("[") + 1 : text.rindex("]")]
    return [frozenset(n for n in part.replace(" ", "").split(",") if n) for part in re.findall(r"\[([^\]]*)\]", body)]


# --- the semantics, from the complete extensions ----------------------------------------------


def not_complete(names: Sequence[str], attacks: Iterable[tuple[str, str]], ext: Extension) -> str | None:
    """Why ``ext`` is not a complete extension; None when it is."""
    attackers: dict[str, set[str]] = {a: set() for a in names}
    for x, y in attacks:
        attackers[y].add(x)
    if not ext <= attackers.keys():
        return f"names no argument of the instance: {sorted(ext - attackers.keys())[:5]}"
    hit = {y for y in names if attackers[y] & ext}
    if hit & ext:
        return f"is not conflict-free: it attacks {sorted(hit & ext)[:5]}"
    defended = {a for a in names if attackers[a] <= hit}
    if ext - defended:
        return f"does not defend {sorted(ext - defended)[:5]}"
    if defended - ext:
        return f"defends {sorted(defended - ext)[:5]} without containing them"
    return None


@dataclass(frozen=True)
class Semantics:
    """The extensions of each semantics (keyed by ICCMA code), from all the complete ones."""

    extensions: dict[str, list[Extension]]

    @classmethod
    def derive(
        cls, names: Sequence[str], attacks: Iterable[tuple[str, str]], complete: Sequence[Extension]
    ) -> Semantics:
        hit: dict[str, set[str]] = {a: set() for a in names}
        for x, y in attacks:
            hit[x].add(y)
        everything = set(names)
        least = [e for e in complete if all(e <= f for f in complete)]
        if len(least) != 1:
            raise ValueError("no complete extension is contained in all the others")
        preferred = [e for e in complete if not any(e < f for f in complete)]
        stable = [e for e in complete if e | {y for x in e for y in hit[x]} == everything]
        return cls({"CO": list(complete), "PR": preferred, "ST": stable, "GR": least})

    def expected(self, problem: str, argument: str | None = None) -> bool:
        """The answer to a DC or DS problem (True for YES); for SE, whether an extension exists."""
        task, code = problem.split("-")
        exts = self.extensions[code]
        if task == "DC":
            return any(argument in e for e in exts)
        if task == "DS":
            return all(argument in e for e in exts)
        return bool(exts)


_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|\S+')


def _witness(line: str) -> Extension | None:
    tokens = _TOKEN.findall(line)
    if not tokens or tokens[0] != "w":
        return None
    return frozenset(_apx_name(t) for t in tokens[1:])


def wrong(sem: Semantics, problem: str, argument: str | None, output: str, *, witness: bool) -> str | None:
    """What is wrong with ``output``, the text printed for a problem; None when it is right."""
    task, code = problem.split("-")
    lines = output.split("\n")
    if not output.endswith("\n"):
        return f"output does not end with a line end: {output[-40:]!r}"
    lines = lines[:-1]
    exts = sem.extensions[code]
    if task == "SE":
        if not exts:
            return None if lines == ["NO"] else f"expected NO, got {output[:60]!r}"
        ext = _witness(lines[0]) if len(lines) == 1 else None
        if ext is None:
            return f"expected one 'w' line, got {output[:60]!r}"
        return None if ext in exts else f"'w' line is no {SEMANTICS[code]} extension"
    expected = sem.expected(problem, argument)
    want = "YES" if expected else "NO"
    if not lines or lines[0] != want:
        return f"expected {want}, got {output[:60]!r}"
    shown = witness and (expected if task == "DC" else not expected)
    if not shown:
        return None if len(lines) == 1 else f"expected {want} alone, got {output[:60]!r}"
    ext = _witness(lines[1]) if len(lines) == 2 else None
    if ext is None:
        return f"expected {want} and a 'w' line, got {output[:60]!r}"
    if ext not in exts:
        return f"witness is no {SEMANTICS[code]} extension"
    if (argument in ext) != (task == "DC"):
        return f"witness {'lacks' if task == 'DC' else 'holds'} the argument"
    return None


# --- asking argmap ------------------------------------------------------------------------------


@dataclass
class Tally:
    checks: Counter[str]
    wrong: Counter[str]
    examples: list[str]

    def add(self, problem: str, argument: str | None, how: str, fault: str | None) -> None:
        self.checks[problem] += 1
        if fault is not None:
            self.wrong[problem] += 1
            if len(self.examples) < 20:
                self.examples.append(f"{problem} {argument or ''} ({how}): {fault}")


def write_apx(names: Sequence[str], attacks: Iterable[tuple[str, str]], path: Path) -> None:
    from argmap.engine.instance import quoted

    lines = [f"arg({quoted(a)})." for a in names] + [f"att({quoted(x)},{quoted(y)})." for x, y in attacks]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def load(path: Path) -> Instance:
    """The framework as ``argmap solve`` reads the file."""
    from argmap.engine.instance import Instance
    from argmap.formats.registry import FRAMEWORKS, by_suffix
    from argmap.reading import gate

    parsed = by_suffix(FRAMEWORKS, path.suffix).load()(gate.read_text(path, path.name), path.name)
    if isinstance(parsed, list):
        raise SystemExit(f"argmap cannot read {path}: {parsed[0].message}")
    return parsed if isinstance(parsed, Instance) else Instance.whole(parsed)


def argmap_complete(inst: Instance) -> set[Extension]:
    from argmap.engine.semantics import extensions

    return {_witness("w" + "".join(inst.extension_text(e))) or frozenset() for e in extensions(inst.core, "complete")}


def solve_process(path: Path, problem: str, argument: str | None, *, witness: bool) -> str:
    cmd = [sys.executable, "-m", "argmap", "solve", "-p", problem, "-f", str(path)]
    cmd += ["-a", argument] if argument is not None else []
    cmd += [] if witness else ["--no-witness"]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=HERE.parent)
    if done.returncode != 0:
        return f"exit status {done.returncode}: {done.stderr.strip()[:200]}"
    return done.stdout


def sample(names: Sequence[str], every: int, start: int, keep: Iterable[str] = ()) -> list[str]:
    """Every ``every``-th of ``names`` from the ``start``-th, and those in ``keep``, in order."""
    kept = set(keep)
    return [a for i, a in enumerate(names) if i % every == start % every or a in kept]


def check(
    path: Path, names: Sequence[str], sem: Semantics, *, processes: bool, every: int = 1, start: int = 0
) -> Tally:
    """Every problem for every ``every``-th argument from the ``start``-th (and for one answered
    YES and one answered NO, which are also asked of whole processes)."""
    from argmap.engine import problems

    inst = load(path)
    tally = Tally(Counter(), Counter(), [])
    for problem in problems.PROBLEMS:
        asked: list[str | None] = [None]
        by_process: set[str | None] = {None}
        if problems.needs_argument(problem):
            yes = next((a for a in names if sem.expected(problem, a)), None)
            no = next((a for a in names if not sem.expected(problem, a)), None)
            picked = {a for a in (yes, no) if a is not None}
            asked = list(sample(names, every, start, picked))
            by_process = set(asked) if processes else set(picked)
        about = "no argument" if asked == [None] else f"{len(asked)} arguments"
        print(f"  {problem}: {about}", file=sys.stderr, flush=True)
        for argument in asked:
            local = None if argument is None else inst.find(argument)
            if argument is not None and local is None:
                tally.add(problem, argument, "in process", "argmap finds no such argument")
                continue
            for witness in (True, False):
                text = "".join(problems.answer(inst, problem, local, witness=witness))
                tally.add(problem, argument, "in process", wrong(sem, problem, argument, text, witness=witness))
                if argument in by_process:
                    out = solve_process(path, problem, argument, witness=witness)
                    tally.add(problem, argument, "process", wrong(sem, problem, argument, out, witness=witness))
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("instance", type=Path, help="the framework (.apx, .af or .tgf)")
    parser.add_argument("reference", type=Path, help="its EE-CO answer: every complete extension")
    parser.add_argument("--processes", action="store_true", help="ask every question of a whole argmap process")
    parser.add_argument(
        "--every", type=int, default=1, metavar="N", help="ask about every N-th argument only (default: all)"
    )
    parser.add_argument(
        "--start", type=int, default=0, metavar="K", help="with --every, start from the K-th argument (from 0)"
    )
    args = parser.parse_args()
    names, attacks = read_instance(args.instance)
    complete = read_extensions(args.reference.read_text(encoding="utf-8"))
    print(f"{args.instance.name}: {len(names)} arguments, {len(set(attacks))} attacks")
    print(f"{args.reference.name}: {len(complete)} complete extensions")
    bad = [f"extension {i + 1} {why}" for i, e in enumerate(complete) if (why := not_complete(names, attacks, e))]
    if len(set(complete)) != len(complete):
        bad.append("an extension is listed twice")
    if bad:
        print("the reference does not fit the instance:", *bad[:10], sep="\n  ")
        return 1
    sem = Semantics.derive(names, attacks, complete)
    print("preferred:", len(sem.extensions["PR"]), " stable:", len(sem.extensions["ST"]))
    print("grounded:", len(sem.extensions["GR"][0]), "arguments")
    with tempfile.TemporaryDirectory() as tmp:
        path = args.instance
        if path.suffix.lower() == ".tgf":
            path = Path(tmp) / (path.stem + ".apx")
            write_apx(names, attacks, path)
        found = argmap_complete(load(path))
        agree = found == set(complete)
        print(f"argmap enumerates {len(found)} complete extensions: {'the same' if agree else 'NOT the reference'}")
        tally = check(path, names, sem, processes=args.processes, every=max(1, args.every), start=args.start)
    print(f"\n| {'problem':<7} | {'checks':>7} | {'wrong':>5} |")
    print("|---------|---------|-------|")
    for problem, count in tally.checks.items():
        print(f"| {problem:<7} | {count:>7} | {tally.wrong[problem]:>5} |")
    total = sum(tally.wrong.values())
    print(f"| {'all':<7} | {sum(tally.checks.values()):>7} | {total:>5} |")
    for line in tally.examples:
        print("  wrong:", line)
    return 0 if agree and total == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
