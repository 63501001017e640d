"""Who may come in: the origins a session's websocket may be opened from, and the hosts the
page may be asked for under.

A page of another site open in a student's browser could otherwise open sessions and type in
them (browsers let any page open a websocket anywhere); so a websocket is opened only from a
page of this server, by its ``Origin``. The ``Host`` of every request is checked as well, so
that a name of another site pointed at this machine (DNS rebinding) is not served.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def is_wildcard(host: str) -> bool:
    return host in ("", "0.0.0.0", "::", "[::]")


def lan_address() -> str | None:
    """This machine's address on its local network, as others would reach it, or None.

    Connecting a UDP socket sends nothing: it only asks the system which interface it would use.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.254.254.254", 1))
            address = probe.getsockname()[0]
        except OSError:
            return None
    return None if ipaddress.ip_address(address).is_loopback else str(address)


def _netloc(host: str, port: int) -> str:
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"{host}:{port}"


def origin_of(url: str) -> str:
    """``scheme://host[:port]`` of a URL, lower-cased, without a default port."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


@dataclass(frozen=True, slots=True)
class Door:
    """The origins and hosts a server answers."""

    origins: frozenset[str]
    hosts: frozenset[str]
    address: str
    """The address to give students."""

    @classmethod
    def for_server(cls, host: str, port: int, public_url: str | None = None, lan: str | None = None) -> Door:
        """The door of a server listening on ``host``; ``lan`` is this machine's address on its
        network, given to students when the server listens on every interface."""
        names: list[str] = []
        if is_loopback(host) or is_wildcard(host):
            names.extend(LOOPBACK_NAMES)
        if is_wildcard(host):
            names.extend(n for n in (lan, socket.gethostname().lower()) if n)
            shown = lan or "127.0.0.1"
        else:
            if not is_loopback(host):
                names.append(host.lower())
            shown = host
        netlocs = [_netloc(name, port) for name in names]
        if port == 80:
            netlocs.extend(names)
        origins = {f"http://{n}" for n in netlocs}
        address = f"http://{_netloc(shown, port)}/"
        if public_url is not None:
            origins.add(origin_of(public_url))
            netlocs.append(urlsplit(public_url).netloc.lower())
            address = public_url
        return cls(frozenset(origins), frozenset(netlocs), address)

    def admits_origin(self, origin: str | None) -> bool:
        """Whether a websocket may be opened from a page of ``origin`` (browsers always send one)."""
        return origin is not None and origin.lower() in self.origins

    def admits_host(self, host: str | None) -> bool:
        return host is not None and host.lower() in self.hosts
