"""Wall time of `argmap validate` beside the Argdown reference parser on the same debate.

Run by hand: `python benchmarks/versus_argdown.py [--runs N] [--claims N]`.
argmap validates a generated scenario (benchmarks/generate.py `write`), quotes verified against
its source; @argdown/core parses and builds the model of the same debate written in Argdown
(`write_argdown`: the same claim texts and the same supports/attacks relations). Each figure
is the median wall time of N fresh processes, from spawn to exit, with the runs of every
command interleaved so a change in the machine's load falls on all of them alike; `python -c
pass` and `node -e 0` are measured in the same rounds as baselines. The parser is installed
with npm, pinned, into benchmarks/.cache on first use.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NoReturn

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import write, write_argdown

ROOT = Path(__file__).resolve().parent.parent
ARGDOWN = "2.0.1"
CACHE = Path(__file__).resolve().parent / ".cache" / f"argdown-core-{ARGDOWN}"

# Parse and build the model (statements, relations, sections), as the Argdown tools do
# before any map or export; prints what it found so the caller can check the document.
RUNNER = """\
import { readFileSync } from "node:fs";
import { ArgdownApplication, ParserPlugin, ModelPlugin } from "@argdown/core";

const app = new ArgdownApplication();
app.addPlugin(new ParserPlugin(), "parse-input");
app.addPlugin(new ModelPlugin(), "build-model");
const input = readFileSync(process.argv[2], "utf8");
const start = performance.now();
const response = app.run({ input, process: ["parse-input", "build-model"], logExceptions: false });
const parseMs = performance.now() - start;
const errors =
  (response.lexerErrors ?? []).length +
  (response.parserErrors ?? []).length +
  (response.exceptions ?? []).length;
console.log(JSON.stringify({
  statements: Object.keys(response.statements ?? {}).length,
  relations: (response.relations ?? []).length,
  errors,
  parse_ms: parseMs,
}));
process.exitCode = errors === 0 ? 0 : 1;
"""


def fail(message: str) -> NoReturn:
    print(f"versus_argdown: {message}", file=sys.stderr)
    raise SystemExit(1)


def install(folder: Path) -> Path:
    """Install the pinned parser into ``folder`` unless it is there; return the runner's path."""
    for tool in ("node", "npm"):
        if shutil.which(tool) is None:
            fail(f"{tool} is not on PATH; install Node.js to run this benchmark")
    manifest = folder / "node_modules" / "@argdown" / "core" / "package.json"
    if not (manifest.exists() and json.loads(manifest.read_text())["version"] == ARGDOWN):
        folder.mkdir(parents=True, exist_ok=True)
        package = {"private": True, "type": "module", "dependencies": {"@argdown/core": ARGDOWN}}
        (folder / "package.json").write_text(json.dumps(package, indent=2) + "\n")
        print(f"installing @argdown/core@{ARGDOWN} into {folder.relative_to(ROOT)}", flush=True)
        npm = ["npm", "install", "--no-audit", "--no-fund", "--loglevel=error", "--save-exact"]
        done = subprocess.run([*npm, f"@argdown/core@{ARGDOWN}"], cwd=folder)
        if done.returncode != 0 or json.loads(manifest.read_text())["version"] != ARGDOWN:
            fail(f"npm could not install @argdown/core@{ARGDOWN}")
    runner = folder / "runner.js"
    if not runner.exists() or runner.read_text() != RUNNER:
        runner.write_text(RUNNER)
    return runner


def run(cmd: list[str]) -> tuple[float, int, str]:
    """Wall seconds, exit code and output of one fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=ROOT)
    assert proc.stdout is not None
    out = proc.stdout.read().decode("utf-8", "replace")
    _, status, _ = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.stdout.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, proc.returncode, out


def parse_report(out: str) -> dict[str, float]:
    try:
        report: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    except (ValueError, IndexError):
        fail(f"the Argdown runner printed no report:\n{out}")
    return report


def check_argdown(out: str, code: int, claims: int) -> dict[str, float]:
    report = parse_report(out)
    if code != 0 or report["errors"] != 0:
        fail(f"the Argdown parser reported errors (exit {code}): {report}")
    if report["statements"] != claims or report["relations"] != claims:
        fail(f"expected {claims} statements and {claims} relations, the parser found {report}")
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="fresh processes per command (default 5)")
    parser.add_argument("--claims", type=int, default=10_000, help="claims and statements (default 10000)")
    args = parser.parse_args()
    if args.runs < 1 or args.claims < 2:
        parser.error("--runs must be at least 1 and --claims at least 2")
    runner = install(CACHE)
    py, node = sys.executable, shutil.which("node") or "node"
    node_version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()

    with tempfile.TemporaryDirectory() as tmp:
        scenario = write(Path(tmp) / "argmap", args.claims)
        document = write_argdown(Path(tmp) / "argdown", args.claims)
        source = scenario.with_name("big-source.txt")

        # Untimed first runs: they warm the file cache and show that both files are valid.
        _, code, out = run([py, "-m", "argmap", "validate", str(scenario)])
        if code != 0:
            fail(f"argmap validate exited {code} on the generated scenario:\n{out}")
        broken = scenario.with_name("broken.yaml")
        broken.write_text(scenario.read_text().replace("quote: ", "quote: not in the source ", 1))
        if run([py, "-m", "argmap", "validate", str(broken)])[1] != 1:
            fail("argmap validate accepted a quote that is not in the source")
        broken.unlink()
        _, code, out = run([node, str(runner), str(document)])
        check_argdown(out, code, args.claims)

        commands = {
            "baseline: python -c pass": [py, "-c", "pass"],
            "baseline: node -e 0": [node, "-e", "0"],
            "argmap validate": [py, "-m", "argmap", "validate", str(scenario)],
            f"argdown {ARGDOWN} parse + model": [node, str(runner), str(document)],
        }
        results: dict[str, list[tuple[float, int, str]]] = {label: [] for label in commands}
        for _ in range(args.runs):
            for label, cmd in commands.items():
                results[label].append(run(cmd))
        argmap_runs, argdown_runs = results["argmap validate"], results[f"argdown {ARGDOWN} parse + model"]
        if any(r[1] != 0 for r in argmap_runs):
            fail("argmap validate did not exit 0 on every timed run")
        for _, code, out in argdown_runs:
            check_argdown(out, code, args.claims)

        mib = 2**20
        print(
            f"median of {args.runs} fresh processes a command, interleaved; python {sys.version.split()[0]}; "
            f"node {node_version}; @argdown/core {ARGDOWN}; {os.cpu_count()} cores"
        )
        print(
            f"argmap:  {args.claims} claims, {args.claims} relations, quotes verified "
            f"({scenario.stat().st_size / mib:.1f} MB YAML, {source.stat().st_size / mib:.1f} MB source)"
        )
        print(
            f"argdown: {args.claims} statements, {args.claims} relations "
            f"({document.stat().st_size / mib:.1f} MB Argdown), checked: 0 errors"
        )
        walls = {}
        for label, runs in results.items():
            times = [r[0] for r in runs]
            walls[label] = statistics.median(times)
            codes = sorted({r[1] for r in runs})
            print(
                f"{label:<32} {walls[label]:7.3f} s  (min {min(times):.3f}, max {max(times):.3f})  exit {codes}",
                flush=True,
            )
        parse_ms = statistics.median(parse_report(r[2])["parse_ms"] for r in argdown_runs)
        print(f"{'  in-process parse + model':<32} {parse_ms / 1000:7.3f} s  (median, timed inside node)")

        am, ad = walls["argmap validate"], walls[f"argdown {ARGDOWN} parse + model"]
        py0, node0 = walls["baseline: python -c pass"], walls["baseline: node -e 0"]
        print(f"ratio argmap/argdown: {am / ad:.2f}x")
        if am > py0 and ad > node0:
            print(f"ratio less each runtime's baseline: {(am - py0) / (ad - node0):.2f}x")
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
        print(
            f"note: medians of wall clock on a machine shared with other work "
            f"(load average {load}); run twice to see the spread"
        )


if __name__ == "__main__":
    main()
