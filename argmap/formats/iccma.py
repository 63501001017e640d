"""The ICCMA 2023 format of abstract argumentation frameworks.

    p af 5
    # a comment
    1 2
    2 3

The header ``p af N`` declares arguments 1..N and comes before any attack; each further line
is one attack ``a b`` (a attacks b); lines starting with ``#`` are comments. Numbers are ASCII
digits and fields are separated by spaces or tabs; N is at most ``MAX_ARGUMENTS``.

Files of a million arguments are read in one pass of C-level string operations; only a file
with a problem is read again line by line, to say where each problem is. Memory follows the
attacks read, not N: a file declaring far more arguments than its attacks touch keeps only
the touched ones (see ``argmap.engine.instance``).
"""

from __future__ import annotations

import re

from argmap.base.diagnostics import Diagnostic
from argmap.engine.framework import Framework
from argmap.engine.instance import Instance

MAX_ARGUMENTS = 10_000_000
"""The most arguments a header may declare. An extension of them all is a line of 80 MB,
printed in about a second; ICCMA instances stay far below."""

MAX_ERRORS = 20

_COMMENT = re.compile(r"^[ \t]*#[^\n]*", re.M)
_NONBLANK = re.compile(r"^[ \t]*[^ \t\n#]", re.M)
_HEADER = re.compile(r"p[ \t]+af[ \t]+([0-9]+)")
_DIGITS = re.compile(r"[0-9]+")
_FIELD = re.compile(r"[^ \t]+")
_ATTACK_BYTES = b"0123456789 \t\n"
"""All that the attack lines may hold once comments are removed."""

_DENSE_SLACK = 1024
"""Arguments past twice the attack ends that are still stored one by one."""


def read(text: str, file: str = "") -> Instance | list[Diagnostic]:
    """The framework a file describes, or located diagnostics (at most ``MAX_ERRORS``)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    header = _header(text)
    if header is None:
        return _errors(text, file)
    n, body_start = header
    body = text[body_start:]
    if "#" in body:
        body = _COMMENT.sub("", body)
    if not body.isascii() or body.encode("ascii").translate(None, _ATTACK_BYTES):
        return _errors(text, file)
    tokens = body.split()
    try:
        values = list(map(int, tokens))
    except ValueError:  # a number of thousands of digits
        return _errors(text, file)
    if len(values) != 2 * len(_NONBLANK.findall(body)) or (values and (min(values) < 1 or max(values) > n)):
        return _errors(text, file)
    return _build(n, values)


def parse(text: str, file: str = "") -> Framework | list[Diagnostic]:
    """Like ``read``, with every argument stored."""
    found = read(text, file)
    return found if isinstance(found, list) else found.dense()


def _build(n: int, values: list[int]) -> Instance:
    it = iter(values)
    if n <= 2 * len(values) + _DENSE_SLACK:
        targets: list[list[int]] = [[] for _ in range(n)]
        for a, b in zip(it, it, strict=True):
            targets[a - 1].append(b - 1)
        return Instance(Framework.from_targets(targets), n)
    ids = sorted(set(values))
    local = {v: i for i, v in enumerate(ids)}
    targets = [[] for _ in ids]
    for a, b in zip(it, it, strict=True):
        targets[local[a]].append(local[b])
    return Instance(Framework.from_targets(targets), n, [v - 1 for v in ids])


def _header(text: str) -> tuple[int, int] | None:
    """The number of arguments and where the attacks start, when the header is well formed."""
    pos = 0
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end
        line = text[pos:end].strip(" \t")
        if line and not line.startswith("#"):
            m = _HEADER.fullmatch(line)
            n = None if m is None else _declared(m.group(1))
            return None if n is None else (n, end)
        pos = end + 1
    return None


def _declared(digits: str) -> int | None:
    """The number a header's digits declare, when within ``MAX_ARGUMENTS``."""
    significant = digits.lstrip("0") or "0"
    if len(significant) > len(str(MAX_ARGUMENTS)) or int(significant) > MAX_ARGUMENTS:
        return None
    return int(significant)


def _within(digits: str, n: int) -> bool:
    significant = digits.lstrip("0") or "0"
    return len(significant) <= len(str(n)) and 1 <= int(significant) <= n


def _shown(text: str, limit: int = 40) -> str:
    """Text from the file, cut short for a message."""
    return text if len(text) <= limit else f"{text[: limit - 1]}… ({len(text):,} characters)"


def _number(digits: str) -> str | None:
    """A number from the file as written, for a message; None when it is too long to show."""
    return digits if len(digits) <= 24 else None


def _errors(text: str, file: str) -> list[Diagnostic]:
    """Read line by line, saying where each problem is."""
    out: list[Diagnostic] = []

    def add(code: str, message: str, line: int, col: int, hint: str | None = None) -> None:
        if len(out) < MAX_ERRORS:
            out.append(Diagnostic(code, message, hint=hint).located(file, line, col))

    n: int | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        fields = [(m.group(), m.start() + 1) for m in _FIELD.finditer(line)]
        if not fields or fields[0][0].startswith("#"):
            continue
        col = fields[0][1]
        parts = [f for f, _ in fields]
        stripped = line.strip(" \t")
        if parts[0] == "p":
            if n is not None:
                add("E301", "a second 'p af' header", number, col)
                continue
            if len(parts) != 3 or parts[1] != "af" or not _DIGITS.fullmatch(parts[2]):
                add(
                    "E301",
                    f"malformed header '{_shown(stripped)}'",
                    number,
                    col,
                    "write 'p af N', N the number of arguments in the digits 0-9",
                )
                return out
            declared = _declared(parts[2])
            if declared is None:
                shown = _number(parts[2])
                many = f"{int(shown):,} arguments" if shown else f"a number of arguments {len(parts[2]):,} digits long"
                add(
                    "E301",
                    f"the header declares {many}; at most {MAX_ARGUMENTS:,} are read",
                    number,
                    col,
                    f"argmap solve reads frameworks of up to {MAX_ARGUMENTS:,} arguments",
                )
                return out
            n = declared
            continue
        if n is None:
            add("E301", "an attack before the 'p af N' header", number, col, "the first line must be 'p af N'")
            return out
        if len(parts) != 2 or not all(_DIGITS.fullmatch(p) for p in parts):
            odd = any(not p.isascii() for p in parts)
            add(
                "E302",
                f"expected an attack 'a b' (two argument numbers), found '{_shown(stripped)}'",
                number,
                col,
                "argument numbers are written in the digits 0-9, separated by spaces" if odd else None,
            )
            continue
        for part, at in fields:
            if not _within(part, n):
                shown = _number(part) or f"of {len(part):,} digits"
                add("E303", f"argument {shown} is not among 1..{n}", number, at)
    if n is None and not out:
        add("E301", "no 'p af N' header", 1, 1, "the first line must be 'p af N'")
    return out


def dumps(af: Framework, *, names: bool = True) -> str:
    """The framework in the ICCMA 2023 format; when its arguments have names, a comment line
    ``# i name`` records each one."""
    lines = [f"p af {af.n}"]
    if names and af.names is not None:
        lines += [f"# {i + 1} {name}" for i, name in enumerate(af.names)]
    lines += [f"{a + 1} {b + 1}" for a, b in af.edges()]
    return "\n".join(lines) + "\n"
