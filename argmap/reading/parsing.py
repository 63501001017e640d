"""Text to data, two ways.

``positioned_parse`` is the careful parser and the definition of what a file may hold: it walks
PyYAML's event stream itself (or reads JSON itself), records the line and column of every key
and value, and enforces the rules with located diagnostics: no aliases or tags, one document,
YAML 1.2 only, bounded nesting, no duplicate or non-text keys, no control characters even when
written as escapes, numbers of sane length.

``fast_parse`` turns text into plain data with a Rust-backed YAML 1.2 parser (or the json
module) and knows nothing of positions. ``parse`` lets it serve only texts that a cheap scan
(``needs_care``) finds free of every construct the rules are about, so it can never accept
what the careful parser refuses, nor meet a nesting deep enough to exhaust its stack.
"""

from __future__ import annotations

import json
import re
from typing import Any

from argmap.base.diagnostics import Diagnostic, Path
from argmap.reading.gate import find_forbidden, forbidden_character
from argmap.reading.json_positions import positioned_json
from argmap.reading.positions import MAX_DEPTH, MAX_NUMBER, Positioned, duplicate_key, long_number, too_deep

_SAFE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "!",
}

# YAML 1.2 core schema, as the fast parser resolves plain scalars.
_NULL = re.compile(r"^(~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_OCT = re.compile(r"^0o[0-7]+$")
_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(inf|Inf|INF)$")
_NAN = re.compile(r"^\.(nan|NaN|NAN)$")

# A tag, anchor or alias can only begin a token: after a space, a line start or
# an indicator.
_BEFORE_TOKEN = frozenset(" \t\n[]{},:?-")
# Nested compact collections on one line ("- - - x"), the only way to nest without indenting.
_CHAIN = re.compile(r"\n[ ]*[-?:][ ]+[-?:][ ]+[-?:][ ]")
# Numbers the fast parser reads and YAML 1.2's core schema does not: digit separators, binary,
# upper-case or signed radix prefixes.
_UNDERSCORED = re.compile(r"[0-9.xXoObBeE]_|_[0-9.]")
_RADIX = re.compile(r"0[xXoObB]")
_BEFORE_NUMBER = frozenset(" \t\n[]{},:?-+")
_FLOW_EMPTY = re.compile(r":[,}\]]")
# A block scalar indicator must end its line (after an indentation or chomping indicator and
# perhaps a comment); anywhere else '|' or '>' starting a token is read differently.
_SCALAR_INDICATOR = re.compile(r"(?:^|[ \t\[{,])[|>](?![1-9+-]{0,2}[ \t]*(?:#[^\n]*)?(?:\n|$))", re.M)
_DIGITS = bytes(0x30 if 0x30 <= c <= 0x39 else 0x20 for c in range(256))
# Escapes other than these may stand for any character, control characters included.
_RISKY_ESCAPE = re.compile(r'\\[^"\\/nt ]')
# A scenario opens, after comments and blank lines, with a plain key at the left margin.
_ROOT_KEY = re.compile(r"(?:[ \t]*(?:#[^\n]*)?\n)*[A-Za-z_][A-Za-z0-9_-]*:(?: |\n)")
_DEEP_INDENT = 48


def is_json(filename: str) -> bool:
    return filename.lower().endswith(".json")


class ParseFailed(Exception):
    """The fast parser rejected the text; the positioned parser will say where and why."""


def fast_parse(text: str, filename: str, *, as_json: bool | None = None) -> Any:
    """Parse quickly, or raise ``ParseFailed``. The text is JSON when ``as_json`` says so, else
    when the file's name ends in ``.json``."""
    if _json(filename, as_json):
        try:
            return json.loads(text, object_pairs_hook=_unique_pairs, parse_constant=_no_constant)
        except (ValueError, RecursionError) as exc:
            raise ParseFailed(str(exc)) from None
    import yaml_rs

    limits = yaml_rs.AliasLimits(
        max_total_replayed_events=0, max_replay_stack_depth=0, max_alias_expansions_per_anchor=0
    )
    try:
        return yaml_rs.loads(text, parse_datetime=False, alias_limits=limits)
    except Exception as exc:  # the parser raises its own types; any failure means "look closer"
        raise ParseFailed(str(exc)) from None


def _unique_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise ValueError("duplicate key")
    return out


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _json(filename: str, as_json: bool | None) -> bool:
    return is_json(filename) if as_json is None else as_json


def needs_care(text: str, filename: str, *, as_json: bool | None = None) -> str | None:
    """Why the fast parser may not be trusted with this text, or None when it may.

    The scan is conservative: it may send a harmless text to the careful parser, never the
    other way round.
    """
    if "\\" in text and _RISKY_ESCAPE.search(text):
        return "escapes, which may stand for control characters"
    if find_forbidden(text) != -1:
        return "a character no file may hold"
    if b"0" * (MAX_NUMBER + 1) in text.encode("utf-8", "surrogatepass").translate(_DIGITS):
        return "a number too long to be one"
    if _json(filename, as_json):
        return None
    if not _ROOT_KEY.match(text):
        return "a document that does not open with a key"
    if _token_start(text, "!&*"):
        return "a tag, an anchor or an alias"
    if text.startswith("%") or "\n%" in text:
        return "a directive"
    if text.startswith(("---", "...")) or "\n---" in text or "\n..." in text:
        return "a document marker"
    lined = "\n" + text
    if "\n" + " " * _DEEP_INDENT in lined or _CHAIN.search(lined):
        return "deep nesting"
    if "\t" in text:
        return "tabs, which the two parsers read differently"
    if "\u2028" in text or "\u2029" in text:
        return "Unicode line separators, which the two parsers read differently"
    if any(m.start() == 0 or text[m.start() - 1] in _BEFORE_NUMBER for m in _RADIX.finditer(text)):
        return "a radix prefix, which the two parsers read differently"
    if ("|" in text or ">" in text) and _SCALAR_INDICATOR.search(text):
        return "'|' or '>' starting a value that is not a block scalar"
    if _FLOW_EMPTY.search(text):
        return "an empty value in a flow collection"
    if "_" in text and _UNDERSCORED.search(text):
        return "digits with underscores, which the two parsers read differently"
    return None


def _token_start(text: str, chars: str) -> bool:
    """True when one of ``chars`` stands where a YAML token may begin."""
    for char in chars:
        i = text.find(char)
        while i != -1:
            if i == 0 or text[i - 1] in _BEFORE_TOKEN:
                return True
            i = text.find(char, i + 1)
    return False


def parse(text: str, filename: str, *, as_json: bool | None = None) -> tuple[Any, Positioned | None, list[Diagnostic]]:
    """Data, the careful parse when it ran, and the problems found (empty when the data is good)."""
    if not text.strip():
        return None, None, [Diagnostic("E004", "the file is empty", filename, 1, 1, "start from 'argmap new'")]
    if needs_care(text, filename, as_json=as_json) is None:
        try:
            return fast_parse(text, filename, as_json=as_json), None, []
        except ParseFailed:
            pass
    positioned = positioned_parse(text, filename, as_json=as_json)
    if positioned.diagnostics:
        return None, positioned, positioned.diagnostics
    return positioned.data, positioned, []


def same_data(a: Any, b: Any) -> bool:
    """True when two parses gave the same data, types included (1, 1.0 and true differ)."""
    try:
        return json.dumps(a) == json.dumps(b)
    except (TypeError, ValueError, RecursionError):
        return False


class _TooLong(ValueError):
    """A plain number too long to be one."""


_MAY_RESOLVE = frozenset("0123456789+-.~nNtTfF")


def _resolve_plain(value: str) -> Any:
    if value and value[0] not in _MAY_RESOLVE:  # most scalars are words: no pattern can match
        return value
    if len(value) > MAX_NUMBER and any(p.match(value) for p in (_INT, _FLOAT, _HEX, _OCT)):
        raise _TooLong(value)
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        return int(value)
    if _OCT.match(value):
        return int(value[2:], 8)
    if _HEX.match(value):
        return int(value[2:], 16)
    if _FLOAT.match(value):
        return float(value)
    if _INF.match(value):
        return float("-inf") if value.startswith("-") else float("inf")
    if _NAN.match(value):
        return float("nan")
    return value


_TAG_TYPES: dict[str, tuple[type, ...]] = {
    "tag:yaml.org,2002:int": (int,),
    "tag:yaml.org,2002:float": (float, int),
    "tag:yaml.org,2002:bool": (bool,),
    "tag:yaml.org,2002:null": (type(None),),
}


def _resolve_tagged(tag: str, value: str) -> Any:
    """A scalar under one of the core schema's tags; ValueError when it does not fit the tag."""
    if tag.endswith(":str") or tag == "!":
        return value
    resolved = _resolve_plain(value)
    wanted = _TAG_TYPES.get(tag, ())
    if not isinstance(resolved, wanted) or (isinstance(resolved, bool) and bool not in wanted):
        raise ValueError(f"'{value}' is not a {tag.rsplit(':', 1)[-1]}")
    return float(resolved) if wanted[0] is float and isinstance(resolved, int) else resolved


def positioned_parse(text: str, filename: str, *, as_json: bool | None = None) -> Positioned:
    """Parse with positions; problems come back as diagnostics, never as exceptions."""
    if _json(filename, as_json):
        return positioned_json(text, filename)
    import yaml

    out = Positioned()

    def diag(code: str, message: str, mark: Any, hint: str | None = None) -> None:
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        out.diagnostics.append(Diagnostic(code, message, filename, line, col, hint))

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    # Each open container: [container, path, pending key or None, key mark]
    stack: list[list[Any]] = []
    root_set = False

    def at(mark: Any) -> tuple[int, int]:
        return mark.line + 1, mark.column + 1

    def place(value: Any, mark: Any) -> Path | None:
        """Attach a finished value to its parent; returns its path, or None when it is a key."""
        nonlocal root_set
        if not stack:
            root_set = True
            return out.put(value, at(mark))
        top = stack[-1]
        container, path = top[0], top[1]
        if isinstance(container, dict) and top[2] is None:  # this value is a key
            if isinstance(value, (dict, list)):
                diag("E201", "a mapping key must be a plain value, not a list or mapping", mark)
                value = repr(value)
            elif not isinstance(value, str):
                shown = "null" if value is None else str(value).lower() if isinstance(value, bool) else str(value)
                diag(
                    "E201",
                    f"the key {shown} is not text",
                    mark,
                    f"keys are names such as 'title'; if {shown} is meant, quote it: '{shown}'",
                )
                value = shown
            if value in container:
                out.diagnostics.append(duplicate_key(value, out.keys.get((*path, value)), filename, *at(mark)))
            top[2], top[3] = value, at(mark)
            return None
        child = out.put(value, at(mark), container, path, top[2], top[3])
        top[2] = None
        return child

    def refuse_tag(tag: str, mark: Any) -> None:
        diag(
            "E007",
            f"the tag '{tag}' is not allowed",
            mark,
            "remove the tag; scenario files hold plain text, numbers, lists and mappings",
        )

    try:
        events = yaml.parse(text, Loader=loader)
        event: Any
        for event in events:
            kind = type(event).__name__
            if kind == "AliasEvent":
                diag(
                    "E006",
                    f"aliases ('*{event.anchor}') are not allowed in scenario files",
                    event.start_mark,
                    "write the value out in full; aliases can hide very large expansions",
                )
                place(None, event.start_mark)
            elif kind == "ScalarEvent":
                tag = event.tag
                bad = find_forbidden(event.value)
                if bad != -1:
                    d = forbidden_character(event.value[bad], filename, 1, 1)
                    diag(d.code, d.message + " (written as an escape)", event.start_mark, d.hint)
                if tag and tag not in _SAFE_TAGS:
                    refuse_tag(tag, event.start_mark)
                    value: Any = event.value
                elif tag:
                    try:
                        value = _resolve_tagged(tag, event.value)
                    except ValueError as exc:
                        diag("E007", f"{exc}", event.start_mark, "remove the tag, or write a value that fits it")
                        value = event.value
                elif not event.style and event.implicit[0]:  # plain: style None, or '' from libyaml
                    try:
                        value = _resolve_plain(event.value)
                    except _TooLong:
                        out.diagnostics.append(long_number(len(event.value), filename, *at(event.start_mark)))
                        value = event.value
                else:
                    value = event.value
                place(value, event.start_mark)
            elif kind in ("SequenceStartEvent", "MappingStartEvent"):
                if event.tag and event.tag not in _SAFE_TAGS:
                    refuse_tag(event.tag, event.start_mark)
                if len(stack) >= MAX_DEPTH:
                    out.diagnostics.append(too_deep(filename, *at(event.start_mark)))
                    return out
                container: Any = [] if kind == "SequenceStartEvent" else {}
                parent_is_key = bool(stack) and isinstance(stack[-1][0], dict) and stack[-1][2] is None
                path = place(container, event.start_mark)
                if parent_is_key:
                    path = (*stack[-1][1], "?")
                stack.append([container, path if path is not None else (), None, None])
            elif kind in ("SequenceEndEvent", "MappingEndEvent"):
                stack.pop()
            elif kind == "DocumentStartEvent" and not root_set:
                if event.version is not None and tuple(event.version) != (1, 2):
                    version = ".".join(map(str, event.version))
                    diag(
                        "E005",
                        f"YAML {version} is not read here",
                        event.start_mark,
                        "argmap reads YAML 1.2: write '%YAML 1.2' or no directive",
                    )
                if event.tags:
                    diag(
                        "E007",
                        "the %TAG directive is not allowed",
                        event.start_mark,
                        "remove it; scenario files use no tags",
                    )
            elif kind == "DocumentStartEvent" and root_set:
                diag(
                    "E005",
                    "a scenario file holds one YAML document; found a second",
                    event.start_mark,
                    "remove the '---' line and everything after it, or split the file",
                )
                break
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or "invalid YAML"
        context = f" ({exc.context})" if exc.context else ""
        if "maximum nesting depth" in problem:  # libyaml's own limit, met while scanning ahead
            out.diagnostics.append(too_deep(filename, *at(mark)) if mark else too_deep(filename, 1, 1))
        elif "incompatible YAML document" in problem:
            diag("E005", "this YAML version is not read here", mark, "write '%YAML 1.2' or no directive")
        else:
            diag("E005", f"YAML syntax: {problem}{context}", mark, _syntax_hint(problem))
    except yaml.YAMLError as exc:
        diag("E005", f"YAML syntax: {exc}", None)
    except RecursionError:
        diag("E008", "nesting too deep", None)
    return out


def _syntax_hint(problem: str) -> str | None:
    if "tab" in problem:
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        return "a value containing ': ' needs quotes, e.g. text: \"Putin: yes\""
    if "could not find expected ':'" in problem:
        return "check the indentation and that each key is followed by ': '"
    return "check the quoting and indentation around this place"
