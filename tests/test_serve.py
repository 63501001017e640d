"""``argmap serve`` without a browser: the door (Origin and Host), the cap, idle sessions, the
files served, each session's arguments and environment, and the command line."""

from __future__ import annotations

import os
import re
import socket
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer

from argmap.serve.config import ClassConfig
from argmap.serve.door import Door
from argmap.serve.process import bounded, session_environment
from argmap.serve.server import FILES, HERE, ClassServer
from argmap.serve.sessions import Sessions

BRIDGE = Path(__file__).parent / "fixtures" / "classroom" / "bridge.yaml"
FOREIGN = "http://foreign.example"
Served = tuple[ClassServer, Any]


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def served(tmp_path: Path, clock: Clock) -> AsyncIterator[Served]:
    config = ClassConfig(scenario=BRIDGE, results=tmp_path / "results", max_sessions=2, idle_minutes=10)
    server = ClassServer(config, "The bridge <dispute>", Door.for_server("127.0.0.1", 0), clock=clock, work=tmp_path)
    test_server = TestServer(server.web_app(), host="127.0.0.1")
    await test_server.start_server()
    server.door = Door.for_server("127.0.0.1", test_server.port or 0)
    client = TestClient(test_server)
    await client.start_server()
    yield server, client
    await client.close()


def own(client: Any) -> str:
    return f"http://127.0.0.1:{client.port}"


# --- the door --------------------------------------------------------------------------------


def test_the_door_admits_this_servers_own_pages_only() -> None:
    door = Door.for_server("127.0.0.1", 8000)
    assert door.admits_origin("http://127.0.0.1:8000") and door.admits_origin("http://localhost:8000")
    for origin in (FOREIGN, "http://127.0.0.1:8001", "https://127.0.0.1:8000", "null", None):
        assert not door.admits_origin(origin)
    assert door.admits_host("localhost:8000") and not door.admits_host("rebound.example:8000")
    assert door.address == "http://127.0.0.1:8000/"


def test_on_every_interface_students_are_given_the_machines_network_address() -> None:
    door = Door.for_server("0.0.0.0", 8000, lan="192.168.1.20")
    assert door.address == "http://192.168.1.20:8000/"
    assert door.admits_origin("http://192.168.1.20:8000") and door.admits_origin("http://127.0.0.1:8000")
    public = Door.for_server("0.0.0.0", 8000, public_url="https://class.school.example/", lan="10.0.0.5")
    assert public.address == "https://class.school.example/"
    assert public.admits_origin("https://class.school.example") and public.admits_host("class.school.example")


async def test_a_websocket_from_another_sites_page_is_refused(served: Served) -> None:
    server, client = served
    for headers in ({"Origin": FOREIGN}, {}):
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await client.ws_connect("/ws", headers=headers)
        assert refused.value.status == 403
    assert len(server.sessions) == 0


async def test_a_request_under_another_hosts_name_is_refused(served: Served) -> None:
    _, client = served
    response = await client.get("/", headers={"Host": f"rebound.example:{client.port}"})
    assert response.status == 403
    assert (await client.get("/")).status == 200


async def test_beyond_the_cap_the_page_says_the_class_is_full(served: Served, clock: Clock) -> None:
    server, client = served
    server.sessions.open(clock())
    server.sessions.open(clock())
    response = await client.get("/")
    assert response.status == 503
    text = await response.text()
    assert "The class is full" in text and "room for 2 students" in text
    assert "The bridge &lt;dispute&gt;" in text  # the title is escaped
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        await client.ws_connect("/ws", headers={"Origin": own(client)})
    assert refused.value.status == 503


async def test_no_folder_is_listed_and_only_the_named_files_are_served(served: Served) -> None:
    _, client = served
    for path in ("/static/", "/static", "/static/server.py", "/static/..%2Fserver.py", "/static/%2e%2e/door.py"):
        assert (await client.get(path)).status == 404, path
    for name, (_, kind) in FILES.items():
        response = await client.get(f"/static/{name}")
        assert response.status == 200 and response.headers["Content-Type"].startswith(kind)


async def test_every_response_forbids_loading_from_elsewhere(served: Served) -> None:
    _, client = served
    for path in ("/", "/static/class.js", "/nothing"):
        policy = (await client.get(path)).headers["Content-Security-Policy"]
        assert "default-src 'none'" in policy and "connect-src 'self'" in policy


def test_the_pages_and_their_files_name_no_other_site() -> None:
    own_files = [*sorted((HERE / "pages").iterdir()), *sorted((HERE / "static").iterdir())]
    assert own_files
    for path in own_files:
        assert not re.search(r"https?:|//[a-z]", path.read_text(encoding="utf-8")), path


def test_the_terminal_script_asks_for_no_font_or_page_of_another_site() -> None:
    # The stylesheet of the terminal's own page loads a font from elsewhere; argmap's page
    # replaces that page, so what it serves of the terminal must hold no such address.
    for name in ("terminal.js", "terminal.css"):
        text = FILES[name][0].read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text


# --- sessions --------------------------------------------------------------------------------


def test_the_cap_counts_open_sessions_and_a_closed_one_frees_its_place() -> None:
    sessions: Sessions[None] = Sessions(cap=2, idle_seconds=60)
    first, second = sessions.open(0), sessions.open(0)
    assert first and second and sessions.full and sessions.open(0) is None
    sessions.close(first)
    sessions.close(first)
    assert len(sessions) == 1 and sessions.open(0) is not None


def test_a_session_is_idle_once_its_student_has_typed_nothing_for_the_idle_time() -> None:
    sessions: Sessions[None] = Sessions(cap=5, idle_seconds=60)
    quiet, busy = sessions.open(0), sessions.open(0)
    assert quiet and busy
    sessions.touch(busy, 50)
    assert sessions.idle(59) == []
    assert sessions.idle(60) == [quiet]
    assert sessions.idle(110) == [quiet, busy]


def test_the_browsers_terminal_size_is_a_bounded_number() -> None:
    assert bounded("120", 80, 500) == 120
    assert bounded("; rm -rf /", 80, 500) == 80
    assert bounded("99999999", 80, 500) == 500
    assert bounded("-3", 24, 200) == 10


def test_a_session_keeps_only_a_few_of_the_servers_variables() -> None:
    server = {
        "PATH": "/usr/bin",
        "HOME": "/home/t",
        "LANG": "fr_FR.UTF-8",
        "AWS_SECRET_ACCESS_KEY": "x",
        "SSH_AUTH_SOCK": "/s",
    }
    env = session_environment(100, 30, server)
    assert env["PATH"] == "/usr/bin" and env["LANG"] == "fr_FR.UTF-8" and env["TERM"]
    assert (env["COLUMNS"], env["ROWS"]) == ("100", "30")
    assert "AWS_SECRET_ACCESS_KEY" not in env and "SSH_AUTH_SOCK" not in env


def test_every_session_runs_the_same_fixed_argument_list(tmp_path: Path) -> None:
    odd = tmp_path / "-a class; rm -rf ~ $(x).yaml"
    config = ClassConfig(scenario=odd, results=tmp_path / "r", start="exercise", start_value="basics")
    argv = config.session_argv()
    assert argv[:3] == [sys.executable, "-m", "argmap.serve.session"]
    assert argv[-2:] == ["--", str(odd)]
    assert argv[argv.index("--value") + 1] == "basics"


async def test_a_session_starts_with_the_small_environment_and_ends_when_idle(
    served: Served, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    server, client = served
    monkeypatch.setenv("ARGMAP_TEST_SECRET", "do-not-pass")
    socket = await client.ws_connect("/ws?width=90&height=30", headers={"Origin": own(client)})
    frame = await socket.receive()  # the app's first drawing: the process is up
    assert frame.type == aiohttp.WSMsgType.BINARY
    (slot,) = list(server.sessions)
    held = slot.held
    assert held is not None
    pid = held.process.pid
    environ = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    names = {entry.split(b"=", 1)[0].decode() for entry in environ if entry}
    assert "ARGMAP_TEST_SECRET" not in names and {"PATH", "TERM", "COLUMNS"} <= names
    assert Path(f"/proc/{pid}/cwd").resolve() == server.work
    await socket.send_json(["stdin", "→"])
    clock.now += 9 * 60
    assert await server.end_idle() == 0
    clock.now += 60
    assert await server.end_idle() == 1
    while not socket.closed:
        await socket.receive()
    assert socket.close_code == 4000
    await held.ended.wait()
    assert len(server.sessions) == 0
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


# --- the command line ------------------------------------------------------------------------


def test_serve_refuses_a_start_it_cannot_give(run_cli: Any, tmp_path: Path) -> None:
    results = str(tmp_path / "r")
    for start, said in (
        (["bogus"], "--start takes"),
        (["browse", "x"], "--start takes"),
        (["walkthrough", "nowhere"], "nowhere"),
        (["exercise", "nothing"], "no exercise set 'nothing'"),
        (["roleplay", "nobody"], "'nobody' is not a side"),
    ):
        ran = run_cli("serve", str(BRIDGE), "--results", results, "--start", *start)
        assert ran.returncode == 2 and said in ran.stderr, (start, ran.stderr)


def test_serve_refuses_a_public_url_that_is_not_an_address_to_open(run_cli: Any, tmp_path: Path) -> None:
    for url in ("class.example", "ftp://class.example/", "https://class.example/under/a/path"):
        ran = run_cli("serve", str(BRIDGE), "--results", str(tmp_path), "--public-url", url)
        assert ran.returncode == 2 and "--public-url" in ran.stderr, url


def test_serve_says_when_its_port_is_taken(run_cli: Any, tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        ran = run_cli("serve", str(BRIDGE), "--results", str(tmp_path), "--port", port)
    assert ran.returncode == 2 and f"cannot listen on 127.0.0.1 port {port}" in ran.stderr


def test_serve_refuses_bad_numbers(run_cli: Any) -> None:
    for option, value in (("--max-sessions", "0"), ("--idle-minutes", "-1"), ("--port", "70000")):
        assert run_cli("serve", option, value).returncode == 2


async def test_a_server_ended_by_sigterm_ends_its_sessions_first(tmp_path: Path) -> None:
    import asyncio
    import signal

    server = await asyncio.create_subprocess_exec(
        *(sys.executable, "-m", "argmap", "serve", str(BRIDGE), "--port", "0", "--results", str(tmp_path)),
        stdout=asyncio.subprocess.PIPE,
    )
    assert server.stdout is not None
    line = b""
    while b"http://" not in line:
        line = await server.stdout.readline()
        assert line, "the server ended before listening"
    url = line.decode().split("http://", 1)[1].split()[0].rstrip("/")
    async with aiohttp.ClientSession() as client:
        socket = await client.ws_connect(f"http://{url}/ws", headers={"Origin": f"http://{url}"})
        assert (await socket.receive()).type == aiohttp.WSMsgType.BINARY  # its app has drawn
        (session,) = [int(p.name) for p in Path("/proc").glob("[0-9]*") if _parent(p) == server.pid]
        server.send_signal(signal.SIGTERM)
        await server.stdout.read()
        assert await server.wait() == 0
    with pytest.raises(ProcessLookupError):
        os.kill(session, 0)


def _parent(process: Path) -> int | None:
    try:
        return int((process / "stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None
