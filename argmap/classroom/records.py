"""Answer records, one JSON object a line, read strictly.

A line is an answer only when every field has its type: strings are strings, ``answer`` and
``expected`` lists of strings, ``correct`` a JSON boolean, ``v`` and ``attempt`` (which time
the set is done; 1 when absent) whole numbers from 1 up.
Anything else (a truncated line, a note typed in by hand, ``"correct": "false"``, a number too
large, nesting too deep, bytes that are not UTF-8, a control character) makes the line
unreadable: it is reported, located, and kept as it is by every later save. Fields a newer
argmap adds are kept too, since the line itself is kept.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from decimal import Decimal

from argmap.base.diagnostics import Diagnostic
from argmap.reading import gate

RECORD_VERSION = 1
MAX_VERSION = 2**31 - 1
MAX_LINE_BYTES = 1024 * 1024
"""Longest line read as an answer; a real record is a few hundred bytes."""

UNREADABLE = "W401"

_BOM = b"\xef\xbb\xbf"

_TEXT_FIELDS = ("student", "scenario", "scenario_sha256", "set", "exercise", "kind", "at")
_LIST_FIELDS = ("answer", "expected")


@dataclass(frozen=True, slots=True)
class Record:
    """One answer."""

    student: str
    scenario: str
    scenario_sha256: str
    set: str
    exercise: str
    kind: str
    answer: tuple[str, ...]
    expected: tuple[str, ...]
    correct: bool
    at: str
    v: int = RECORD_VERSION
    attempt: int = 1
    """Which time the student is doing the set: 1, then 2 when a finished set is taken again."""

    def to_json(self) -> str:
        """The record as one line of JSON that the reading gate accepts: any character it
        refuses (a control character typed into a name) is written as a JSON escape."""
        data = asdict(self)
        data["answer"], data["expected"] = list(self.answer), list(self.expected)
        text = json.dumps(data, ensure_ascii=False, sort_keys=True)
        return "".join(json.dumps(c)[1:-1] if _unsafe(c) else c for c in text)


def _unsafe(char: str) -> bool:
    return gate.find_forbidden(char) == 0 or "\ud800" <= char <= "\udfff"


class Unreadable(ValueError):
    """Why a line is not an answer, and the column where it goes wrong."""

    def __init__(self, message: str, col: int = 1) -> None:
        super().__init__(message)
        self.col = col


@dataclass(frozen=True, slots=True)
class Line:
    """A line of a results file: its bytes as they are, and the answer it holds or why it holds none."""

    raw: bytes
    number: int
    record: Record | None
    problem: Diagnostic | None = None


def read_lines(raw: bytes, name: str) -> Iterator[Line]:
    """Every line of a results file but the blank ones, each with its bytes up to the LF."""
    for number, chunk in enumerate(raw.split(b"\n"), 1):
        line = chunk[:-1] if chunk.endswith(b"\r") else chunk
        if number == 1 and line.startswith(_BOM):
            line = line[len(_BOM) :]
        if not line.strip():
            continue
        try:
            yield Line(chunk, number, parse(line, name))
        except Unreadable as why:
            problem = Diagnostic(
                UNREADABLE,
                f"not an answer record: {why}",
                name,
                number,
                why.col,
                "it is kept as it is and left out of the results; correct it by hand, or move it out of the file",
            )
            yield Line(chunk, number, None, problem)


def parse(line: bytes, name: str) -> Record:
    """The answer one line holds, or ``Unreadable``."""
    if len(line) > MAX_LINE_BYTES:
        raise Unreadable(f"it is over {MAX_LINE_BYTES} bytes long")
    text = _decode(line, name)
    try:
        data = json.loads(text, parse_float=Decimal, parse_constant=_no_constant, object_pairs_hook=_no_repeats)
    except RecursionError:
        raise Unreadable("its JSON is nested too deeply") from None
    except json.JSONDecodeError as exc:
        raise Unreadable(f"not JSON: {exc.msg}", exc.colno) from None
    except ValueError as exc:  # an integer of too many digits, NaN, a repeated key
        raise Unreadable(f"not JSON: {exc}") from None
    if not isinstance(data, dict):
        raise Unreadable(f"it holds {_describe(data)}, not a JSON object")
    return _record(data)


def _decode(line: bytes, name: str) -> str:
    """Strict UTF-8 without the characters the reading gate refuses, as ``gate.decode`` reads a
    file, for one line."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        col = len(line[: exc.start].decode("utf-8")) + 1
        raise Unreadable(f"not UTF-8: byte 0x{line[exc.start]:02x} cannot be decoded", col) from None
    bad = gate.find_forbidden(text)
    if bad >= 0:
        raise Unreadable(gate.forbidden_character(text[bad], name, 1, bad + 1).message, bad + 1)
    return text


def _record(data: dict[str, object]) -> Record:
    missing = [key for key in (*_TEXT_FIELDS, *_LIST_FIELDS, "correct") if key not in data]
    if missing:
        raise Unreadable("no " + ", ".join(f"'{key}'" for key in missing))
    for key in _TEXT_FIELDS:
        if not isinstance(data[key], str):
            raise Unreadable(f"'{key}' must be a string, not {_describe(data[key])}")
    lists: dict[str, tuple[str, ...]] = {}
    for key in _LIST_FIELDS:
        value = data[key]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise Unreadable(f"'{key}' must be a list of strings, not {_describe(value)}")
        lists[key] = tuple(value)
    correct = data["correct"]
    if not isinstance(correct, bool):
        raise Unreadable(f"'correct' must be true or false, not {_describe(correct)}")
    version = data.get("v", RECORD_VERSION)
    if isinstance(version, bool) or not isinstance(version, int) or not 1 <= version <= MAX_VERSION:
        raise Unreadable(f"'v' must be a whole number from 1 to {MAX_VERSION}, not {_describe(version)}")
    attempt = data.get("attempt", 1)
    if isinstance(attempt, bool) or not isinstance(attempt, int) or not 1 <= attempt <= MAX_VERSION:
        raise Unreadable(f"'attempt' must be a whole number from 1 to {MAX_VERSION}, not {_describe(attempt)}")
    text = {key: str(data[key]) for key in _TEXT_FIELDS}
    return Record(
        text["student"],
        text["scenario"],
        text["scenario_sha256"],
        text["set"],
        text["exercise"],
        text["kind"],
        lists["answer"],
        lists["expected"],
        correct,
        text["at"],
        version,
        attempt,
    )


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not a JSON number")


def _no_repeats(pairs: list[tuple[str, object]]) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"the key '{key}' appears twice")
        out[key] = value
    return out


def _describe(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the string {json.dumps(shown, ensure_ascii=False)}"
    if isinstance(value, int | Decimal):
        shown = str(value)
        return f"the number {shown if len(shown) <= 40 else shown[:37] + '...'}"
    if isinstance(value, list):
        return "a list" if all(isinstance(item, str) for item in value) else "a list holding other things"
    return "an object"
