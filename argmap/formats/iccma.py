"""The ICCMA 2023 format of abstract argumentation frameworks.

    p af 5
    # a comment
    1 2
    2 3

The header ``p af N`` declares arguments 1..N and comes before any attack; each further line
is one attack ``a b`` (a attacks b); lines starting with ``#`` are comments. Files of a million
arguments are read in one pass of C-level string operations; only a file with a problem is
read again line by line, to say where the problem is.
"""

from __future__ import annotations

import re

from argmap.diagnostics import Diagnostic
from argmap.engine.framework import Framework

_COMMENT = re.compile(r"^[ \t]*#[^\n]*", re.M)
_NONBLANK = re.compile(r"^[ \t\r]*[^\s#]", re.M)
MAX_ERRORS = 20


def parse(text: str, file: str = "") -> Framework | list[Diagnostic]:
    """The framework a file describes, or located diagnostics (at most ``MAX_ERRORS``)."""
    header = _header(text)
    if header is None:
        return _errors(text, file)
    n, body_start = header
    body = text[body_start:]
    if "#" in body:
        body = _COMMENT.sub("", body)
    tokens = body.split()
    try:
        values = list(map(int, tokens))
    except ValueError:
        return _errors(text, file)
    if len(values) != 2 * len(_NONBLANK.findall(body)) or (values and (min(values) < 1 or max(values) > n)):
        return _errors(text, file)
    targets: list[list[int]] = [[] for _ in range(n)]
    it = iter(values)
    for a, b in zip(it, it, strict=True):
        targets[a - 1].append(b - 1)
    return Framework.from_targets(targets)


def _header(text: str) -> tuple[int, int] | None:
    """The number of arguments and where the attacks start, when the header is well formed."""
    pos = 0
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end
        line = text[pos:end].strip()
        if line and not line.startswith("#"):
            parts = line.split()
            if len(parts) == 3 and parts[:2] == ["p", "af"] and parts[2].isdigit():
                return int(parts[2]), end
            return None
        pos = end + 1
    return None


def _errors(text: str, file: str) -> list[Diagnostic]:
    """Read line by line, saying where each problem is."""
    out: list[Diagnostic] = []

    def add(code: str, message: str, line: int, col: int, hint: str | None = None) -> None:
        if len(out) < MAX_ERRORS:
            out.append(Diagnostic(code, message, hint=hint).located(file, line, col))

    n: int | None = None
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        col = len(line) - len(line.lstrip()) + 1
        parts = stripped.split()
        if parts[0] == "p":
            if n is not None:
                add("E301", "a second 'p af' header", number, col)
            elif len(parts) == 3 and parts[1] == "af" and parts[2].isdigit():
                n = int(parts[2])
            else:
                add("E301", f"malformed header '{stripped}'", number, col, "write 'p af N', N the number of arguments")
                return out
            continue
        if n is None:
            add("E301", "an attack before the 'p af N' header", number, col, "the first line must be 'p af N'")
            return out
        if len(parts) != 2 or not all(p.isdigit() for p in parts):
            add("E302", f"expected an attack 'a b' (two argument numbers), found '{stripped}'", number, col)
            continue
        for part in parts:
            if not 1 <= int(part) <= n:
                at = line.index(part, col - 1) + 1
                add("E303", f"argument {part} is not among 1..{n}", number, at)
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
