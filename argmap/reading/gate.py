"""The reading gate: every file argmap reads passes here first.

Only regular files are read (a FIFO would block, a device could stream forever), within a size
limit checked before reading and enforced while reading. Text must be strict UTF-8 without NUL,
control characters (tab, CR and LF allowed) or Unicode non-characters, and each problem is
located by line and column. Line ends are normalised to LF so every later position agrees.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from argmap.base.diagnostics import Diagnostic
from argmap.base.files import kind_of

MAX_BYTES = 64 * 1024 * 1024
"""Largest file read (64 MiB); a 100,000-claim scenario is about 40 MB."""

_CHUNK = 1 << 20

# C0 controls except tab, LF and CR; DEL; C1 controls; the non-characters of every plane.
# Split so that the common cases are scanned at C speed: ASCII bytes by translate, the Basic
# Multilingual Plane by a small character class, the other planes only when present.
_C0 = bytes(c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)) + b"\x7f"
_NOT_C0 = bytes(c for c in range(256) if c not in _C0)
_ASCII_ALLOWED = bytes(c for c in range(128) if c in (0x09, 0x0A, 0x0D) or 0x20 <= c < 0x7F)
_FORBIDDEN_BMP = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")
_FORBIDDEN_ASTRAL = re.compile(
    "[" + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17)) + "]"
)

_BOMS = (
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\xfe\xff", "UTF-16"),
    (b"\xff\xfe", "UTF-16"),
)


class Refused(Exception):
    """A file the gate will not read; carries the diagnostic saying why."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def read_bytes(path: Path, name: str, limit: int | None = None) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (default ``MAX_BYTES``), or ``Refused``."""
    limit = MAX_BYTES if limit is None else limit
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except (OSError, ValueError) as exc:
        raise Refused(_cannot_read(exc, name)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            what = kind_of(info.st_mode)
            raise Refused(
                Diagnostic("E001", f"is {what}, not a regular file", name, hint="give the path of a saved file")
            )
        if info.st_size > limit:
            raise Refused(_too_large(info.st_size, limit, name))
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # the file grew while being read
                raise Refused(_too_large(total, limit, name))
        return b"".join(chunks)
    except OSError as exc:
        raise Refused(_cannot_read(exc, name)) from None
    finally:
        os.close(fd)


def decode(raw: bytes, name: str) -> str:
    """Strict UTF-8 text with LF line ends, or ``Refused`` with the first bad place located."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            raise Refused(
                Diagnostic("E003", f"the file is {encoding} (it starts with a byte order mark)", name, 1, 1, _SAVE)
            )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = raw[: exc.start].decode("utf-8")
        line, col = _where(good, len(good))
        raise Refused(
            Diagnostic("E003", f"not UTF-8: byte 0x{raw[exc.start]:02x} cannot be decoded", name, line, col, _SAVE)
        ) from None
    if raw.translate(None, _NOT_C0) or not raw.isascii():
        bad = find_forbidden(text)
        if bad != -1:
            raise Refused(forbidden_character(text[bad], name, *_where(text, bad), raw=raw))
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def read_text(path: Path, name: str, limit: int | None = None) -> str:
    """``read_bytes`` then ``decode``."""
    return decode(read_bytes(path, name, limit), name)


def read(path: Path, name: str, limit: int | None = None) -> tuple[str | None, list[Diagnostic]]:
    """The text of a file, or None and the diagnostic saying why it was refused."""
    try:
        return read_text(path, name, limit), []
    except Refused as refused:
        return None, [refused.diagnostic]


def forbidden_character(char: str, name: str, line: int, col: int, *, raw: bytes = b"") -> Diagnostic:
    """The diagnostic for a character no argmap file may hold."""
    code = ord(char)
    if code == 0:
        what = "a NUL byte (U+0000)"
        hint = (
            "the file looks like UTF-16; save it as UTF-8"
            if _looks_utf16(raw)
            else "the file may be binary or damaged; remove the NUL bytes"
        )
    elif code < 0xA0:
        what = f"the control character U+{code:04X}"
        hint = "remove it: control characters can rewrite the terminal they are shown in"
    else:
        what = f"the non-character U+{code:04X}"
        hint = "remove it: it is reserved and never stands for text"
    return Diagnostic("E010", f"the text holds {what}", name, line, col, hint)


def find_forbidden(text: str) -> int:
    """The index of the first character the gate refuses, or -1."""
    if text.isprintable():  # printable excludes every control and every non-character
        return -1
    if text.isascii() and not text.encode("ascii").translate(None, _ASCII_ALLOWED):
        return -1  # the bytes left after deleting every allowed one are the forbidden ones
    bad = _FORBIDDEN_BMP.search(text)
    # Only a text with characters beyond the BMP takes four bytes a character in UTF-32.
    if bad is None and not text.isascii() and len(text.encode("utf-16-le", "surrogatepass")) > 2 * len(text):
        bad = _FORBIDDEN_ASTRAL.search(text)
    return -1 if bad is None else bad.start()


_SAVE = "save the file as UTF-8"


def _where(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _looks_utf16(raw: bytes) -> bool:
    sample = raw[:512]
    return len(sample) >= 4 and (sample[1::2].count(0) > len(sample) // 4 or sample[0::2].count(0) > len(sample) // 4)


def _too_large(size: int, limit: int, name: str) -> Diagnostic:
    return Diagnostic(
        "E002",
        f"file is over {_size(limit)} (the limit); it has at least {_size(size)}",
        name,
        hint="split the scenario, or trim the source to the passages it quotes",
    )


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MiB" if n >= 2**20 else f"{n} bytes"


def _cannot_read(exc: Exception, name: str) -> Diagnostic:
    if isinstance(exc, ValueError):  # a NUL in the path itself
        return Diagnostic("E001", "cannot read: the path holds a NUL character", name)
    if isinstance(exc, IsADirectoryError):
        return Diagnostic("E001", "is a folder, not a regular file", name)
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return Diagnostic("E001", f"cannot read: {reason}", name)
