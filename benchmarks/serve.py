"""Benchmark of ``argmap serve``: how long a student's session takes to start, and how much
memory each session's process holds, with 1, 5 and 10 students arriving at once.

    .venv/bin/python benchmarks/serve.py                 # the bundled scenario
    .venv/bin/python benchmarks/serve.py --runs 5 PATH   # another scenario, more runs

A server is started on a free loopback port; each student opens a websocket as the page does
(with the page's Origin) and waits until the first screen (the name) is drawn. Figures:

* ``start``: from opening the websocket to the first screen drawn, per session (the median
  and the slowest of the sessions of a run, then the median over runs);
* ``RSS``: resident memory of each session's process once all have drawn (median per process
  and the sum), read from ``/proc``, so on Linux only.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

DRAWN = b"your name"
"""Part of the first screen: the placeholder of the name field."""


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def one_student(url: str, origin: str, opened: list[aiohttp.ClientWebSocketResponse]) -> float:
    session = aiohttp.ClientSession()
    began = time.perf_counter()
    socket = await session.ws_connect(f"{url}/ws?width=142&height=38", headers={"Origin": origin})
    opened.append(socket)
    seen = b""
    while DRAWN not in seen:
        message = await asyncio.wait_for(socket.receive(), 120)
        if message.type == aiohttp.WSMsgType.BINARY:
            seen += message.data
        elif message.type != aiohttp.WSMsgType.TEXT:
            raise RuntimeError(f"the session ended before drawing: {message.type}")
    took = time.perf_counter() - began
    socket._bench_session = session  # type: ignore[attr-defined]
    return took


async def a_class(url: str, students: int, server_pid: int) -> tuple[list[float], list[float]]:
    opened: list[aiohttp.ClientWebSocketResponse] = []
    starts = await asyncio.gather(*(one_student(url, url, opened) for _ in range(students)))
    memory = [rss_mib(pid) for pid in children(server_pid)]
    for socket in opened:
        await socket.close()
        await socket._bench_session.close()  # type: ignore[attr-defined]
    # Wait until the server has ended every session before the next run.
    while children(server_pid):
        await asyncio.sleep(0.1)
    return list(starts), memory


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", nargs="?", help="a scenario (default: the bundled one)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as results:
        command = [sys.executable, "-m", "argmap", "serve", "--port", "0", "--max-sessions", "10"]
        command += ["--results", results, *([args.path] if args.path else [])]
        server = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        assert server.stdout is not None
        url = ""
        for line in server.stdout:
            if "http://" in line:
                url = line.split("http://", 1)[1].split()[0].rstrip("/")
                break
        url = f"http://{url}"
        try:
            print(
                f"{'students':>8}  {'start median':>12}  {'start slowest':>13}  {'RSS/session':>11}  {'RSS total':>9}"
            )
            for students in (1, 5, 10):
                medians, slowest, per, total = [], [], [], []
                for _ in range(args.runs):
                    starts, memory = asyncio.run(a_class(url, students, server.pid))
                    medians.append(statistics.median(starts))
                    slowest.append(max(starts))
                    per.append(statistics.median(memory))
                    total.append(sum(memory))
                print(
                    f"{students:>8}  {statistics.median(medians):>11.2f}s  {statistics.median(slowest):>12.2f}s"
                    f"  {statistics.median(per):>7.0f} MiB  {statistics.median(total):>5.0f} MiB"
                )
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
