"""Figures for the live preview: time from a scenario file changing to the map redrawn for it.

Run by hand: `python benchmarks/live_reload.py [--runs N] [SCENARIO]` (default: the bundled
scenario, copied with its sources to a temporary folder so that it can be edited).

* reload: the app (160x48, in-process, headless) is told the file changed; timed from then
  until the scenario is read again (in a worker thread), the positions view rebuilt and the
  screen laid out and drawn; median and worst of N edits, each a different claim text, and the
  process's CPU time over the same span (apart from waiting for a shared machine's cores);
* invalid: the same for an edit that makes the file invalid, until the problems panel is up;
* load: reading and checking the file alone (``load_scenario``), median of N.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path


async def measure(scenario: Path, runs: int) -> tuple[list[float], list[float], list[float], list[float]]:
    from argmap.tui.app import LiveFile, make_app
    from argmap.tui.screens.positions import PositionsScreen
    from argmap.validation.load import load_scenario

    loaded = load_scenario(scenario)
    assert loaded.ok, [d.render() for d in loaded.diagnostics[:3]]
    claim = loaded.scenario.claims[0] if loaded.scenario else None
    assert claim is not None
    original = scenario.read_text(encoding="utf-8")
    marker = f"text: {claim.text}" if f"text: {claim.text}" in original else None
    assert marker is not None, "the first claim's text is not written on one line"

    async def never(folders, stop):  # the benchmark announces the changes itself
        await stop.wait()
        if False:
            yield set()

    app = make_app(loaded, live=LiveFile(scenario, watcher=never))
    reloads, invalid, cpu = [], [], []
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        for i in range(runs):
            scenario.write_text(original.replace(marker, f"text: {claim.text} ({i})", 1), encoding="utf-8")
            start, cpu_start = time.perf_counter(), time.process_time()
            await app.reload_scenario()
            while app.screen_stack[0].rebuilding if isinstance(app.screen_stack[0], PositionsScreen) else False:
                await pilot.pause()
            await pilot.pause()
            reloads.append(time.perf_counter() - start)
            cpu.append(time.process_time() - cpu_start)
        for _ in range(runs):
            scenario.write_text(original.replace("kind: position", "kind: positon", 1), encoding="utf-8")
            start = time.perf_counter()
            await app.reload_scenario()
            await pilot.pause()
            invalid.append(time.perf_counter() - start)
            scenario.write_text(original, encoding="utf-8")
            await app.reload_scenario()
            await pilot.pause()
    loads = []
    for _ in range(runs):
        start = time.perf_counter()
        load_scenario(scenario)
        loads.append(time.perf_counter() - start)
    return reloads, invalid, loads, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", nargs="?", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    from argmap.reading.locations import bundled_scenario, seeds_dir

    source = args.scenario or bundled_scenario()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        shutil.copytree(source.parent, folder, dirs_exist_ok=True)
        if args.scenario is None:
            shutil.copytree(seeds_dir(), folder, dirs_exist_ok=True)
        reloads, invalid, loads, cpu = asyncio.run(measure(folder / source.name, args.runs))

    def ms(values: list[float]) -> str:
        return f"median {statistics.median(values) * 1000:7.1f} ms, worst {max(values) * 1000:7.1f} ms"

    print(f"scenario: {source.name}, {args.runs} runs")
    print(f"reload (valid edit, map redrawn):   {ms(reloads)}; CPU time {ms(cpu)}")
    print(f"reload (invalid edit, panel shown): {ms(invalid)}")
    print(f"load_scenario alone:                {ms(loads)}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
