"""The output gate: text from files is data, never terminal control.

``visible`` replaces every control character except newline and tab with a printable stand-in
of the same length (one character for one), so layout and offsets are kept: C0 controls and
DEL become their Unicode control pictures (ESC shows as ␛), C1 controls become U+FFFD.
Everything argmap prints or writes from a scenario, a source or a results file passes here.
"""

from __future__ import annotations

import io
import re
from typing import TextIO

_TABLE: dict[int, int] = {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)}
_TABLE[0x7F] = 0x2421
_TABLE.update({c: 0xFFFD for c in range(0x80, 0xA0)})
_CONTROL = re.compile("[" + "".join(f"\\x{c:02x}" for c in _TABLE) + "]")


def visible(text: str) -> str:
    """``text`` with every control character (but newline and tab) made visible."""
    # One search finds most texts clean; translating looks each character up in a table.
    return text.translate(_TABLE) if _CONTROL.search(text) else text


def is_clean(text: str) -> bool:
    """True when ``visible`` would change nothing."""
    return visible(text) == text


class VisibleStream(io.TextIOBase):
    """A text stream that passes everything written through ``visible``."""

    def __init__(self, inner: TextIO) -> None:
        self.inner = inner

    def write(self, text: str) -> int:
        self.inner.write(visible(text))
        return len(text)

    def flush(self) -> None:
        self.inner.flush()

    def isatty(self) -> bool:
        return self.inner.isatty()

    def fileno(self) -> int:
        return self.inner.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.inner, "encoding", "utf-8")

    def writable(self) -> bool:
        return True
