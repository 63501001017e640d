"""The framework of a solver's input file, kept as small as the attacks it holds.

A file may declare far more arguments than its attacks touch (``p af 10000000`` and one
attack). An argument in no attack is unattacked and attacks nothing: it is in the grounded
extension and in every complete, preferred and stable one, and leaves the rest unchanged. So
only the *core*, the arguments of some attack, is built as a ``Framework``; the others are
counted, not stored, and join an extension only when it is printed.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from argmap.engine.framework import Framework

_NUMBER = re.compile(r"[1-9][0-9]*")
_PLAIN = re.compile(r"[A-Za-z0-9_]+")
_BLOCK = 1 << 16
"""Names joined per piece of text when an extension is printed."""


class Instance(NamedTuple):
    """Arguments ``0..n-1``. With ``ids`` None the core is the whole framework; otherwise
    ``ids`` (ascending) lists the arguments in some attack, ``ids[i]`` being the one argument
    ``i`` of the core stands for, and every argument is named by its number ``1..n``."""

    core: Framework
    n: int
    ids: Sequence[int] | None = None

    @classmethod
    def whole(cls, af: Framework) -> Instance:
        return cls(af, af.n)

    def local(self, a: int) -> int | None:
        """The core argument standing for argument ``a``; None when ``a`` is in no attack."""
        if self.ids is None:
            return a
        i = bisect.bisect_left(self.ids, a)
        return i if i < len(self.ids) and self.ids[i] == a else None

    def find(self, name: str) -> int | None:
        """The argument of a name, or None. Numbers are taken only as written in the file:
        ASCII digits, no sign, no leading zero."""
        if self.core.names is not None:
            index = self.core.index()
            found = index.get(name)
            if found is None and len(name) >= 2 and name[0] == name[-1] == '"':
                found = index.get(unquoted(name))  # as the name is written in the file
            return found
        if len(name) > len(str(self.n)) or not _NUMBER.fullmatch(name):
            return None
        a = int(name) - 1
        return a if a < self.n else None

    def dense(self) -> Framework:
        """The whole framework, every argument stored."""
        if self.ids is None:
            return self.core
        ids = self.ids
        return Framework.from_edges(self.n, ((ids[a], ids[b]) for a, b in self.core.edges()))

    def extension_text(self, ext: Sequence[int]) -> Iterator[str]:
        """The names of a core extension, with every argument outside the core added, in
        ascending order, as pieces of text each starting with a space."""
        if self.ids is None:
            names = self.core.names
            name = self.core.name if names is None else (lambda a: quoted(names[a]))
            for start in range(0, len(ext), _BLOCK):
                yield " " + " ".join(map(name, ext[start : start + _BLOCK]))
            return
        inside = set(ext)
        pending: list[str] = []
        prev = 0
        for i, a in enumerate(self.ids):
            if prev < a:
                if pending:
                    yield " " + " ".join(pending)
                    pending = []
                yield from _numbers(prev, a)
            if i in inside:
                pending.append(str(a + 1))
                if len(pending) >= _BLOCK:
                    yield " " + " ".join(pending)
                    pending = []
            prev = a + 1
        if pending:
            yield " " + " ".join(pending)
        yield from _numbers(prev, self.n)


def quoted(name: str) -> str:
    """A name as APX writes it: a word of ASCII letters, digits and ``_`` as it is, any other
    double-quoted with ``"`` and ``\\`` escaped, so that a name with a space stays one name."""
    if _PLAIN.fullmatch(name):
        return name
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def unquoted(name: str) -> str:
    """The name a double-quoted APX name stands for."""
    return re.sub(r"\\(.)", r"\1", name[1:-1])


_SUFFIXES = [f"{i:03d}" for i in range(1000)]


def _numbers(lo: int, hi: int) -> Iterator[str]:
    """The names of arguments ``lo..hi-1`` (the numbers ``lo+1..hi``). A whole thousand is
    one join of its three-digit endings, ten times faster than a ``str`` per number."""
    pieces: list[str] = []
    x, last = lo + 1, hi
    while x <= last:
        if x >= 1000 and x % 1000 == 0 and x + 999 <= last:
            prefix = str(x // 1000)
            pieces.append(prefix + (" " + prefix).join(_SUFFIXES))
            x += 1000
        else:
            end = min(last, (x // 1000 + 1) * 1000 - 1)
            pieces.append(" ".join(map(str, range(x, end + 1))))
            x = end + 1
        if len(pieces) >= 64:
            yield " " + " ".join(pieces)
            pieces = []
    if pieces:
        yield " " + " ".join(pieces)
