"""The web server of a class: the page, its files, and one websocket per student's session.

Every response comes from this package or from textual-serve's installed files, named one by
one (no folder is listed, nothing is fetched from elsewhere: the page's policy forbids it too).
A websocket opens only from a page of this server (``door``), while the class has room
(``sessions``); a session whose student does nothing for the idle time is ended.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import json
import logging
import signal
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from string import Template

import textual_serve
from aiohttp import WSMsgType, web
from textual_serve.download_manager import DownloadManager

from argmap.serve.config import ClassConfig
from argmap.serve.door import Door
from argmap.serve.process import MAX_COLUMNS, MAX_ROWS, SessionProcess, bounded
from argmap.serve.sessions import Sessions, Slot

log = logging.getLogger("argmap.serve")

HERE = Path(__file__).parent
_TERMINAL = Path(textual_serve.__file__).parent / "static"
FILES: dict[str, tuple[Path, str]] = {
    "terminal.js": (_TERMINAL / "js" / "textual.js", "text/javascript"),
    "terminal.css": (_TERMINAL / "css" / "xterm.css", "text/css"),
    "mono.ttf": (_TERMINAL / "fonts" / "RobotoMono-VariableFont_wght.ttf", "font/ttf"),
    "class.css": (HERE / "static" / "class.css", "text/css"),
    "class.js": (HERE / "static" / "class.js", "text/javascript"),
}
"""Every file the page may load, by the name it is asked for: the terminal (xterm.js and the
glue that speaks to a session, with its font) from textual-serve, the rest argmap's."""

POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        # The terminal sets styles on its elements and adds its own style sheet.
        "style-src 'self' 'unsafe-inline'",
        "font-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    )
)
HEADERS = {
    "Content-Security-Policy": POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
MAX_MESSAGE = 64 * 1024
"""Largest message a browser may send (a paste); a key press is a few bytes."""


def page(name: str, **values: str) -> str:
    """A page of ``pages/`` with its values put in, escaped."""
    text = (HERE / "pages" / name).read_text(encoding="utf-8")
    return Template(text).substitute({k: html.escape(v) for k, v in values.items()})


@dataclass
class Held:
    """What the server holds for an open session."""

    process: SessionProcess
    socket: web.WebSocketResponse
    ended: asyncio.Event = field(default_factory=asyncio.Event)
    """Set once the process has stopped and the place is free."""


class ClassServer:
    """Serves ``config``'s class to browsers; ``title`` is shown on its pages."""

    def __init__(
        self,
        config: ClassConfig,
        title: str,
        door: Door,
        *,
        clock: Callable[[], float] = time.monotonic,
        work: Path | None = None,
    ) -> None:
        self.config = config
        self.title = title
        self.door = door
        self.clock = clock
        self.sessions: Sessions[Held] = Sessions(config.max_sessions, config.idle_minutes * 60)
        self.argv = config.session_argv()
        self.work = work
        """The working folder of session processes (where an export of the view is written)."""
        self._made_work = False
        self._sweeper: asyncio.Task[None] | None = None
        self._stopping: set[asyncio.Future[None]] = set()

    # --- the application ---------------------------------------------------------------------

    def web_app(self) -> web.Application:
        app = web.Application(middlewares=[self._guard], client_max_size=MAX_MESSAGE)
        app.add_routes(
            [
                web.get("/", self.index),
                web.get("/ws", self.websocket),
                web.get("/static/{name}", self.static),
            ]
        )
        app.on_startup.append(self._on_startup)
        app.on_shutdown.append(self._on_shutdown)
        return app

    @web.middleware
    async def _guard(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        if not self.door.admits_host(request.host):
            response: web.StreamResponse = web.Response(status=403, text="This server does not answer that name.\n")
        else:
            try:
                response = await handler(request)
            except web.HTTPException as refusal:
                response = web.Response(status=refusal.status, text=refusal.text)
        if not response.prepared:
            response.headers.update(HEADERS)
        return response

    async def _on_startup(self, _: web.Application) -> None:
        if self.work is None:
            self.work = Path(tempfile.mkdtemp(prefix="argmap-class-"))
            self._made_work = True
        self._sweeper = asyncio.create_task(self._sweep())

    async def _on_shutdown(self, _: web.Application) -> None:
        if self._sweeper is not None:
            self._sweeper.cancel()
        await asyncio.gather(*(self._end(slot) for slot in self.sessions), return_exceptions=True)
        await asyncio.gather(*self._stopping, return_exceptions=True)
        if self._made_work and self.work is not None:
            with contextlib.suppress(OSError):
                self.work.rmdir()  # only when empty: a view a student exported stays

    # --- pages and files ---------------------------------------------------------------------

    async def index(self, request: web.Request) -> web.Response:
        if self.sessions.full:
            return self.full()
        text = page("index.html", title=self.title, socket=self._socket_url(request))
        return web.Response(text=text, content_type="text/html")

    def full(self) -> web.Response:
        cap = self.config.max_sessions
        text = page("full.html", title=self.title, cap=f"{cap} student{'s' if cap != 1 else ''}")
        return web.Response(status=503, text=text, content_type="text/html", headers={"Retry-After": "30"})

    def _socket_url(self, request: web.Request) -> str:
        base = self.config.public_url or f"{request.scheme}://{request.host}"
        scheme, rest = base.split(":", 1)
        return ("wss:" if scheme == "https" else "ws:") + rest.rstrip("/") + "/ws"

    async def static(self, request: web.Request) -> web.FileResponse:
        found = FILES.get(request.match_info["name"])
        if found is None:
            raise web.HTTPNotFound(text="Not found.\n")
        path, kind = found
        return web.FileResponse(path, headers={"Content-Type": kind})

    # --- sessions ----------------------------------------------------------------------------

    async def websocket(self, request: web.Request) -> web.StreamResponse:
        if not self.door.admits_origin(request.headers.get("Origin")):
            raise web.HTTPForbidden(text="Sessions open only from this server's own page.\n")
        slot = self.sessions.open(self.clock())
        if slot is None:
            return self.full()
        socket = web.WebSocketResponse(heartbeat=15, max_msg_size=MAX_MESSAGE)
        try:
            await socket.prepare(request)
            width = bounded(request.query.get("width"), 80, MAX_COLUMNS)
            height = bounded(request.query.get("height"), 24, MAX_ROWS)
            assert self.work is not None
            process = SessionProcess(
                self.argv,
                self.work,
                write_bytes=socket.send_bytes,
                write_str=socket.send_str,
                close=socket.close,
                download_manager=DownloadManager(),
            )
            slot.held = Held(process, socket)
            await process.start(width, height)
            await self._relay(slot, socket, process)
        except asyncio.CancelledError:
            pass
        except Exception:
            log.exception("a session failed")
        finally:
            await self._end(slot)
        return socket

    async def _relay(self, slot: Slot[Held], socket: web.WebSocketResponse, process: SessionProcess) -> None:
        """Pass what the browser sends to the session: keys, its size, focus."""
        async for message in socket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
            except ValueError:
                continue
            if not (isinstance(envelope, list) and envelope and isinstance(envelope[0], str)):
                continue
            kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
            if kind == "stdin" and isinstance(data, str):
                self.sessions.touch(slot, self.clock())
                await process.send_bytes(data.encode("utf-8", "replace"))
            elif kind == "resize" and isinstance(data, dict):
                width = bounded(data.get("width"), 80, MAX_COLUMNS)
                await process.set_terminal_size(width, bounded(data.get("height"), 24, MAX_ROWS))
            elif kind == "ping" and isinstance(data, str):
                await socket.send_json(["pong", data[:32]])
            elif kind == "blur":
                await process.blur()
            elif kind == "focus":
                await process.focus()

    async def _end(self, slot: Slot[Held]) -> None:
        """Stop the session's process, close its socket and free its place; again does nothing.

        The stopping runs in a task of its own, so that it finishes even when the request that
        asked for it is cancelled (a browser gone)."""
        held, slot.held = slot.held, None
        if held is None:
            self.sessions.close(slot)
            return
        task = asyncio.ensure_future(self._stop(slot, held))
        self._stopping.add(task)
        task.add_done_callback(self._stopping.discard)
        await asyncio.shield(task)

    async def _stop(self, slot: Slot[Held], held: Held) -> None:
        try:
            try:
                await held.process.stop()
            except Exception:
                log.exception("a session did not stop cleanly")
            with contextlib.suppress(Exception):
                await held.socket.close()
        finally:
            self.sessions.close(slot)
            held.ended.set()

    async def _sweep(self) -> None:
        """End the sessions idle too long, looking a few times per idle period."""
        every = max(1.0, min(60.0, self.sessions.idle_seconds / 4))
        while True:
            await asyncio.sleep(every)
            await self.end_idle()

    async def end_idle(self) -> int:
        """End every session idle for the idle time; how many were ended."""
        idle = self.sessions.idle(self.clock())
        for slot in idle:
            held = slot.held
            if held is not None:
                # Closing the socket ends the relay, whose ``finally`` stops the process.
                await held.socket.close(code=4000, message=b"idle")
        return len(idle)


async def serve_class(config: ClassConfig, title: str, announce: Callable[[Door], None]) -> None:
    """Serve the class until cancelled; ``announce`` is told the door once the server listens.
    ``OSError`` when the address cannot be listened on."""
    from argmap.serve.door import is_wildcard, lan_address

    lan = lan_address() if is_wildcard(config.host) else None
    server = ClassServer(config, title, Door.for_server(config.host, config.port, config.public_url, lan))
    runner = web.AppRunner(server.web_app(), handle_signals=False, access_log=None)
    await runner.setup()
    try:
        site = web.TCPSite(runner, config.host, config.port)
        await site.start()
        port = config.port or _bound_port(runner)
        server.door = Door.for_server(config.host, port, config.public_url, lan)
        announce(server.door)
        # Ended by Ctrl+C (asyncio.run cancels this), or by SIGTERM or SIGHUP as from a
        # service manager or a terminal closed: every way, the sessions are ended first.
        ended = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signal_number in (signal.SIGTERM, signal.SIGHUP):
            with contextlib.suppress(NotImplementedError, AttributeError):
                loop.add_signal_handler(signal_number, ended.set)
        await ended.wait()
    finally:
        await runner.cleanup()


def _bound_port(runner: web.AppRunner) -> int:
    address = runner.addresses[0]
    return int(address[1])
