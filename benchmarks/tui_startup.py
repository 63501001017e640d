"""Figures for the terminal UI: time to the first painted positions view, and time per step.

Run by hand: `python benchmarks/tui_startup.py [--runs N] [--claims N] [--steps N]`.

* startup: from starting a fresh Python process until the app has written its first frame of
  the positions view (with the matrix filled) to a real terminal (a pseudo-terminal of
  120x40), for the bundled scenario (or the starter scenario when there is no bundled one);
  median of N runs, next to the time to start Python and import ``textual.app`` alone.
* step: a generated scenario of N claims (``generate.py``) opened at 160x48; each step is
  timed from the key's action until its messages are handled and the screen has been laid
  out and drawn again in full (idle waiting excluded); median and worst over S steps, and the
  first jump to the last step (every claim shown, nothing cached).
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import os
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import write

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

# Run in the child: open the app as `argmap open` does, note the wall time of the first frame
# written while the positions view shows its matrix, then quit.
CHILD = r"""
import sys, time
from pathlib import Path
from argmap.validation.load import load_scenario
from argmap.tui.app import ArgmapApp, make_app

out = Path(sys.argv[2])
display = ArgmapApp._display

def first_frame(self, screen, renderable):
    display(self, screen, renderable)
    matrix = getattr(screen, "query", None) and screen.query("#matrix")
    if renderable is not None and matrix and matrix.first().rows and not out.exists():
        out.write_text(repr(time.time()))
        self.exit()

ArgmapApp._display = first_frame
loaded = load_scenario(Path(sys.argv[1]))
make_app(loaded).run()
"""


def _drain(fd: int) -> None:
    try:
        while os.read(fd, 65536):
            pass
    except OSError:
        pass


def in_terminal(cmd: list[str], size: tuple[int, int] = (120, 40)) -> float:
    """Run a command in a pseudo-terminal; return its wall time in seconds."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
    reader = threading.Thread(target=_drain, args=(master,), daemon=True)
    reader.start()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(size[0]), "LINES": str(size[1])}
    start = time.time()
    proc = subprocess.Popen(cmd, stdin=slave, stdout=slave, stderr=slave, cwd=ROOT, env=env, start_new_session=True)
    os.close(slave)
    proc.wait(timeout=60)
    elapsed = time.time() - start
    os.close(master)
    return elapsed


def startup(scenario: Path, runs: int) -> list[float]:
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(runs):
            out = Path(tmp) / f"painted-{i}"
            start = time.time()
            in_terminal([PYTHON, "-c", CHILD, str(scenario), str(out)])
            if not out.exists():
                raise SystemExit("the app did not paint the positions view")
            times.append(float(out.read_text()) - start)
    return times


def baseline(runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([PYTHON, "-c", "import textual.app"], check=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return times


async def stepping(scenario: Path, steps: int) -> tuple[list[float], float]:
    from argmap.tui.app import make_app
    from argmap.validation.load import load_scenario

    loaded = load_scenario(scenario)
    assert loaded.ok, loaded.diagnostics[:3]
    app = make_app(loaded)
    times = []
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        screen = app.screen

        async def timed(action: str) -> float:
            await pilot.pause()
            start = time.perf_counter()
            getattr(screen, f"action_{action}")()
            # The messages it sent are handled, then the screen is laid out and drawn as the
            # next display refresh would, and every line of it drawn once more in full.
            await pilot._wait_for_screen()
            screen._on_timer_update()
            screen._compositor.render_strips()
            return time.perf_counter() - start

        # Steps deep into the debate, where the columns hold thousands of claims.
        await timed("last_step")
        for _ in range(steps // 2):
            times.append(await timed("step_back"))
        for _ in range(steps - steps // 2):
            times.append(await timed("step_forward"))
        await timed("first_step")
        app.home.maker = type(app.home.maker)(app.debate)  # forget cached rows
        jump = await timed("last_step")
    return times, jump


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--claims", type=int, default=5_000)
    parser.add_argument("--steps", type=int, default=40)
    args = parser.parse_args()

    from argmap.reading.locations import bundled_scenario

    scenario = bundled_scenario()
    tmp = Path(tempfile.mkdtemp())
    if not scenario.exists():
        from argmap.authoring.starter import render

        text, source = render("starter.yaml", "starter-source.txt")
        (tmp / "starter-source.txt").write_text(source, encoding="utf-8")
        scenario = tmp / "starter.yaml"
        scenario.write_text(text, encoding="utf-8")

    base = baseline(args.runs)
    print(f"python + import textual.app: median {statistics.median(base) * 1000:.0f} ms")
    times = startup(scenario, args.runs)
    print(
        f"startup to painted positions view ({scenario.name}): median {statistics.median(times) * 1000:.0f} ms"
        f" (min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}, {args.runs} runs)"
    )

    big = write(tmp / "big", args.claims)
    steps, jump = asyncio.run(stepping(big, args.steps))
    print(
        f"step on {args.claims} claims: median {statistics.median(steps) * 1000:.1f} ms, "
        f"worst {max(steps) * 1000:.1f} ms ({len(steps)} steps)"
    )
    print(f"first jump to the last step (all {args.claims} claims shown): {jump * 1000:.0f} ms")


if __name__ == "__main__":
    main()
