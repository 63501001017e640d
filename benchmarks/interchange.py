"""Export and import times on a generated scenario, every format in the registries.

Run by hand: `python benchmarks/interchange.py [--runs N] [--claims 10000]`. Each figure is the
median wall time of N runs of the real command in a fresh process, with its peak resident
memory, beside a baseline (`python -c pass`) measured in the same run. Imports read what the
matching export wrote; Kialo, which argmap does not write, reads a generated discussion.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from generate import write
from validate import measure

from argmap.formats.picture import MAX_DRAWN
from argmap.formats.registry import EXPORTERS, IMPORTERS


def kialo(n_claims: int) -> str:
    """A discussion in Kialo's plain-text export: a thesis, then pros and cons three deep."""
    lines = ["Discussion Title: Should the generated treaty stand?", "", "1. The generated treaty should stand."]
    numbers = ["1."]
    for i in range(1, n_claims):
        parent = numbers[(i - 1) // 3]
        number = f"{parent}{(i - 1) % 3 + 1}."
        numbers.append(number)
        lines.append(f"{number} {'Pro' if i % 2 else 'Con'}: Generated point {i} about the treaty.")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--claims", type=int, default=10_000)
    args = parser.parse_args()
    py = sys.executable
    print(f"median of {args.runs} runs; python {sys.version.split()[0]}; {os.cpu_count()} cores; {args.claims} claims")
    base = measure("baseline: python -c pass", [py, "-c", "pass"], args.runs, None)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        scenario = write(folder / "gen", args.claims)
        measure("validate (for comparison)", [py, "-m", "argmap", "validate", str(scenario)], args.runs, base)
        written: dict[str, Path] = {}
        for fmt in EXPORTERS:
            if fmt.name == "svg" and (shutil.which("dot") is None or args.claims > MAX_DRAWN):
                print(f"export svg: skipped (argmap draws at most {MAX_DRAWN} claims as one picture)")
                continue
            out = folder / f"out-{fmt.name}{fmt.suffixes[0] if fmt.suffixes else '.' + fmt.name}"
            cmd = [py, "-m", "argmap", "export", str(scenario), "--format", fmt.name, "-o", str(out)]
            # Each run writes a new file: the command never writes over one it did not make.
            measure(f"export {fmt.name}", [sys.executable, "-c", _fresh(cmd, out)], args.runs, base)
            written[fmt.name] = out
        (folder / "kialo.txt").write_text(kialo(args.claims), encoding="utf-8")
        written.setdefault("kialo", folder / "kialo.txt")
        for fmt in IMPORTERS:
            source = written.get(fmt.name)
            if source is None:
                continue
            target = folder / f"imported-{fmt.name}" / "scenario.yaml"
            cmd = [py, "-m", "argmap", "import", str(source), "--from", fmt.name, "-o", str(target)]
            measure(f"import {fmt.name}", [sys.executable, "-c", _fresh(cmd, target.parent)], args.runs, base)


def _fresh(cmd: list[str], out: Path) -> str:
    """A one-liner that removes the last run's output, then runs ``cmd``."""
    return (
        "import shutil, subprocess, pathlib, sys\n"
        f"p = pathlib.Path({str(out)!r})\n"
        "shutil.rmtree(p) if p.is_dir() else p.unlink(missing_ok=True)\n"
        f"sys.exit(subprocess.call({cmd!r}, stdout=subprocess.DEVNULL))\n"
    )


if __name__ == "__main__":
    main()
