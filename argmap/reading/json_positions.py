"""JSON with positions: the careful parser for ``.json`` scenario files.

It reads RFC 8259 JSON without recursion and records the line and column of every key and
value, with the same rules as the YAML parser: bounded nesting, no duplicate keys, no control
characters or non-characters in strings (even written as escapes), no NaN or Infinity, and
numbers of sane length. Each problem is a located diagnostic, never an exception.
"""

from __future__ import annotations

import bisect
import json
import re
from typing import Any

from argmap.base.diagnostics import Diagnostic
from argmap.reading.gate import find_forbidden, forbidden_character
from argmap.reading.positions import MAX_DEPTH, MAX_NUMBER, Positioned, duplicate_key, long_number, too_deep

_TOKEN = re.compile(
    r"""[ \t\n\r]*(?:
      (?P<string>"(?:[^"\\\x00-\x1f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*")
    | (?P<number>-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)
    | (?P<word>true|false|null)
    | (?P<punct>[{}\[\],:])
    | (?P<end>\Z)
    )""",
    re.X,
)
_SURROGATE = re.compile("[\ud800-\udfff]")
_WORDS = {"true": True, "false": False, "null": None}


def positioned_json(text: str, filename: str) -> Positioned:
    """The data of a JSON text with the place of every key and value, or its first problem."""
    out = Positioned()
    lines = [0, *(m.end() for m in re.finditer("\n", text))]

    def at(pos: int) -> tuple[int, int]:
        line = bisect.bisect_right(lines, pos)
        return line, pos - lines[line - 1] + 1

    def fail(code: str, message: str, pos: int, hint: str | None = None) -> Positioned:
        out.diagnostics.append(Diagnostic(code, message, filename, *at(pos), hint))
        return out

    # Each open container: [container, path, pending key, key position, expecting]
    # expecting: "value" / "key" / "colon" / "comma-or-end" / "value-or-end" / "key-or-end"
    stack: list[list[Any]] = []
    pos = 0
    done = False
    while True:
        m = _TOKEN.match(text, pos)
        if m is None:
            start = len(text) - len(text[pos:].lstrip(" \t\n\r"))
            return fail("E005", f"JSON syntax: unexpected {_describe(text, start)}", start, _json_hint(text, start))
        kind = m.lastgroup
        start = m.start(kind) if kind else m.end()
        token = m.group(kind) if kind else ""
        pos = m.end()
        if done:
            if kind == "end":
                return out
            return fail("E005", "JSON syntax: extra data after the document", start, "a file holds one JSON value")
        top = stack[-1] if stack else None
        expecting = top[4] if top else "value"
        if kind == "end":
            return fail("E005", "JSON syntax: the file ends inside a value", start, "check for a missing ] or }")
        if kind == "punct":
            if token == ":":
                if expecting != "colon":
                    return fail("E005", "JSON syntax: unexpected ':'", start)
                top[4] = "value"  # type: ignore[index]
                continue
            if token == ",":
                if expecting != "comma-or-end":
                    return fail("E005", "JSON syntax: unexpected ','", start, "remove the extra comma")
                top[4] = "key" if isinstance(top[0], dict) else "value"  # type: ignore[index]
                continue
            if token in "]}":
                want = "]" if top is not None and isinstance(top[0], list) else "}"
                if top is None or token != want or expecting not in ("comma-or-end", "value-or-end", "key-or-end"):
                    return fail("E005", f"JSON syntax: unexpected '{token}'", start)
                stack.pop()
                if not stack:
                    done = True
                continue
        if expecting in ("key", "key-or-end"):
            if kind != "string":
                return fail("E005", "JSON syntax: expected a key in double quotes", start)
            key = _string(token, start, out, filename, at)
            if key is None:
                return out
            path = top[1]  # type: ignore[index]
            if key in top[0]:  # type: ignore[index]
                out.diagnostics.append(duplicate_key(key, out.keys.get((*path, key)), filename, *at(start)))
                return out
            top[2], top[3], top[4] = key, at(start), "colon"  # type: ignore[index]
            continue
        if expecting not in ("value", "value-or-end"):
            return fail(
                "E005", f"JSON syntax: expected ',' or a closing bracket, found {_describe(text, start)}", start
            )
        value: Any
        if kind == "string":
            value = _string(token, start, out, filename, at)
            if value is None:
                return out
        elif kind == "number":
            if len(token) > MAX_NUMBER:
                out.diagnostics.append(long_number(len(token), filename, *at(start)))
                return out
            value = float(token) if any(c in token for c in ".eE") else int(token)
        elif kind == "word":
            value = _WORDS[token]
        elif token in "[{":
            if len(stack) >= MAX_DEPTH:
                out.diagnostics.append(too_deep(filename, *at(start)))
                return out
            value = [] if token == "[" else {}
        else:  # pragma: no cover - the token pattern allows nothing else
            return fail("E005", "JSON syntax: unexpected token", start)
        path = _attach(out, stack, value, at(start))
        if isinstance(value, (list, dict)):
            stack.append([value, path, None, None, "value-or-end" if isinstance(value, list) else "key-or-end"])
        elif not stack:
            done = True


def _attach(out: Positioned, stack: list[list[Any]], value: Any, where: tuple[int, int]) -> tuple[Any, ...]:
    if not stack:
        return out.put(value, where)
    top = stack[-1]
    child = out.put(value, where, top[0], top[1], top[2], top[3])
    top[2], top[4] = None, "comma-or-end"
    return child


def _string(token: str, start: int, out: Any, filename: str, at: Any) -> str | None:
    value: str = json.loads(token)
    bad = find_forbidden(value)
    if bad != -1:
        line, col = at(start)
        out.diagnostics.append(forbidden_character(value[bad], filename, line, col))
        return None
    if _SURROGATE.search(value):
        line, col = at(start)
        out.diagnostics.append(
            Diagnostic("E010", "the text holds an unpaired surrogate escape", filename, line, col, "remove it")
        )
        return None
    return value


def _describe(text: str, pos: int) -> str:
    if pos >= len(text):
        return "end of file"
    word = re.match(r"[A-Za-z]+", text[pos:])
    if word and word.group() in ("NaN", "Infinity"):
        return f"'{word.group()}' (JSON has no such number)"
    return f"'{text[pos]}'"


def _json_hint(text: str, pos: int) -> str | None:
    if pos < len(text) and text[pos] == "'":
        return "JSON strings use double quotes"
    if pos < len(text) and text[pos] == '"':
        return "a string holds a raw control character or a bad escape"
    return None
