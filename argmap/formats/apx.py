"""The APX format of abstract argumentation frameworks (ASPARTIX facts).

    arg(a).
    arg(b).
    att(a,b).

Each argument is declared by ``arg(name).`` and each attack by ``att(x,y).`` between declared
arguments; statements end with a full stop and may share a line. A name is a word of letters,
digits and ``_`` (ASCII only), or a double-quoted string; ``%`` starts a comment running to the
end of the line; spaces, tabs and line ends separate. Declaring an argument twice is harmless.
Every argument takes a declaration of at least seven bytes (``arg(a).``), so the reading gate's size limit
bounds the number of arguments below ``iccma.MAX_ARGUMENTS``.
"""

from __future__ import annotations

import re

from argmap.base.diagnostics import Diagnostic
from argmap.engine.framework import Framework
from argmap.engine.instance import quoted, unquoted

_NAME = r'(?:[A-Za-z0-9_]+|"(?:[^"\\\n]|\\.)*")'
_S = r"[ \t\r\n]*"
_STATEMENT = re.compile(
    rf"{_S}(?:(?P<arg>arg){_S}\({_S}(?P<a>{_NAME}){_S}\)|(?P<att>att){_S}\({_S}(?P<x>{_NAME}){_S},{_S}(?P<y>{_NAME}){_S}\)){_S}\."
)
_SPACE = re.compile(r"(?:[ \t\r\n]+|%[^\n]*)+")
MAX_ERRORS = 20


def _unquote(name: str) -> str:
    return unquoted(name) if name.startswith('"') else name


def _where(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


def parse(text: str, file: str = "") -> Framework | list[Diagnostic]:
    """The framework a file describes, or located diagnostics (at most ``MAX_ERRORS``)."""
    names: dict[str, int] = {}
    attacks: list[tuple[str, int]] = []
    out: list[Diagnostic] = []

    def add(code: str, message: str, pos: int) -> None:
        if len(out) < MAX_ERRORS:
            out.append(Diagnostic(code, message).located(file, *_where(text, pos)))

    pos = 0
    while pos < len(text):
        space = _SPACE.match(text, pos)
        if space:
            pos = space.end()
            if pos >= len(text):
                break
        m = _STATEMENT.match(text, pos)
        if m is None:
            end = text.find(".", pos)
            found = text[pos : min(pos + 61, end + 1 if end != -1 else len(text))].split("\n")[0]
            if len(found) > 60:
                found = found[:59] + "…"
            add("E302", f"expected 'arg(name).' or 'att(name,name).', found '{found}'", pos)
            if end == -1:
                break
            pos = end + 1
            continue
        if m.group("arg"):
            names.setdefault(_unquote(m.group("a")), len(names))
        else:
            attacks.append((m.group("x"), m.start("x")))
            attacks.append((m.group("y"), m.start("y")))
        pos = m.end()
    edges: list[tuple[int, int]] = []
    for i in range(0, len(attacks), 2):
        ends = []
        for raw, at in attacks[i : i + 2]:
            index = names.get(_unquote(raw))
            if index is None:
                add("E303", f"argument '{_unquote(raw)}' is not declared by arg(...)", at)
            ends.append(index)
        if None not in ends:
            edges.append((ends[0], ends[1]))  # type: ignore[arg-type]
    if out:
        return out
    return Framework.from_edges(len(names), dict.fromkeys(edges), tuple(names))


def dumps(af: Framework) -> str:
    """The framework in APX; names that are not plain words are double-quoted."""
    names = [quoted(name) for name in af.all_names()]
    lines = [f"arg({name})." for name in names]
    lines += [f"att({names[a]},{names[b]})." for a, b in af.edges()]
    return "\n".join(lines) + "\n"
