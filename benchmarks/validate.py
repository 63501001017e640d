"""Load+validate time and peak memory of `argmap validate` on generated scenarios.

Run by hand: `python benchmarks/validate.py [--runs N] [--sizes 1000,10000,100000]`.
Each figure is the median wall time of N runs of the real command in a fresh process, with
its CPU time (which other work on a shared machine disturbs less) and peak resident memory;
a baseline (`python -c pass` and importing the validator) is measured in the same run so
figures can be compared across noisy machines. For each size, the validation stage alone (the
checkers on data already parsed, as the command runs them once in a fresh process) is timed too.
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

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import write

ROOT = Path(__file__).resolve().parent.parent


def run(cmd: list[str]) -> tuple[float, float, int, float]:
    """Wall seconds, peak RSS in MiB, exit code and CPU seconds (user and system, the process
    and what it waited for) of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024, proc.returncode, usage.ru_utime + usage.ru_stime


def measure(label: str, cmd: list[str], runs: int, baseline: float | None) -> float:
    results = [run(cmd) for _ in range(runs)]
    codes = {r[2] for r in results}
    wall = statistics.median(r[0] for r in results)
    rss = max(r[1] for r in results)
    cpu = statistics.median(r[3] for r in results)
    ratio = f"  {wall / baseline:5.1f}x baseline" if baseline else ""
    print(f"{label:<34} {wall:7.3f} s  {cpu:6.3f} s cpu  {rss:8.1f} MiB peak  exit {sorted(codes)}{ratio}", flush=True)
    return wall


# Parses the file, then times one run of the checkers, as `argmap validate` runs them.
_STAGE = """
import gc, sys, time
from pathlib import Path
gc.set_threshold(50_000, 20, 20)
from argmap.reading import gate
from argmap.reading.parsing import parse
from argmap.validation.pipeline import validate
path = Path(sys.argv[1])
text, _ = gate.read(path, path.name)
data, _, _ = parse(text, path.name)
cpu, wall = time.process_time(), time.perf_counter()
validate(data, path)
print(time.perf_counter() - wall, time.process_time() - cpu)
"""


def stage(label: str, path: Path, runs: int) -> None:
    """Median wall and CPU time of the validation stage alone, each run in a fresh process."""
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", _STAGE, str(path)], capture_output=True, text=True, cwd=ROOT)
        times.append(tuple(float(x) for x in out.stdout.split()))
    wall = statistics.median(t[0] for t in times)
    cpu = statistics.median(t[1] for t in times)
    print(f"{label:<34} {wall:7.3f} s  {cpu:6.3f} s cpu", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="1000,10000,100000")
    args = parser.parse_args()
    py = sys.executable
    print(f"median of {args.runs} runs; python {sys.version.split()[0]}; {os.cpu_count()} cores")
    base = measure("baseline: python -c pass", [py, "-c", "pass"], args.runs, None)
    measure(
        "baseline: import the validator",
        [py, "-c", "import argmap.validation.load, argmap.validation.meaning"],
        args.runs,
        base,
    )
    bundled = ROOT / "scenarios" / "abm-treaty-1997-2001.yaml"
    if bundled.exists():
        measure("bundled scenario", [py, "-m", "argmap", "validate", str(bundled)], args.runs, base)
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            path = write(Path(tmp) / str(size), size)
            mb = path.stat().st_size / 2**20
            runs = args.runs if size <= 10_000 else max(1, min(args.runs, 3))
            cmd = [py, "-m", "argmap", "validate"]
            measure(f"{size:>7} claims ({mb:.1f} MB YAML)", [*cmd, str(path)], runs, base)
            stage(f"{size:>7} claims, validation stage", path, runs)
            # One broken quote: positions and the JSON Schema now run too.
            broken = path.with_name(f"broken-{size}.yaml")
            broken.write_text(path.read_text().replace("quote: ", "quote: not in the source ", 1))
            measure(f"{size:>7} claims, one error", [*cmd, str(broken)], runs, base)
            if size <= 10_000:
                # An error in every claim: the error path must stay linear in the problems.
                every = path.with_name(f"every-{size}.yaml")
                every.write_text(path.read_text().replace("    kind: ", "    knd: "))
                measure(f"{size:>7} claims, an error in each", [*cmd, str(every)], runs, base)
                keys = path.with_name(f"keys-{size}.yaml")
                keys.write_text(path.read_text() + "".join(f"unknown{i}: 1\n" for i in range(size)))
                measure(f"{size:>7} unknown top-level keys", [*cmd, str(keys)], runs, base)


if __name__ == "__main__":
    main()
