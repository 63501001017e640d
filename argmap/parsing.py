"""Text to data, two ways.

``fast_parse`` turns YAML or JSON text into plain data with a Rust-backed YAML 1.2 parser and
knows nothing of positions; it serves the common case, a file with no problems.

``positioned_parse`` walks PyYAML's event stream itself and records the line and column of every
key and value. It runs only when there is something to report, so a valid file never pays for it.
It enforces the safety rules (no aliases, no object-building tags, bounded nesting, no duplicate
keys) with located diagnostics. Both produce the same data for any file they both accept.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from argmap.diagnostics import Diagnostic, Path

MAX_DEPTH = 64
"""Deepest nesting accepted; a scenario needs about six levels."""

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


def is_json(filename: str) -> bool:
    return filename.lower().endswith(".json")


class ParseFailed(Exception):
    """The fast parser rejected the text; the positioned parser will say where and why."""


def fast_parse(text: str, filename: str) -> Any:
    """Parse quickly, or raise ``ParseFailed``."""
    if is_json(filename):
        try:
            return json.loads(text)
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


@dataclass
class Positioned:
    """Data plus where each part of it was written (1-based line and column)."""

    data: Any = None
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def where(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """The position of ``path`` (its key if asked and known), else of its nearest ancestor."""
        if key and path in self.keys:
            return self.keys[path]
        while path:
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), (1, 1))


def _resolve_plain(value: str) -> Any:
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


def _resolve_tagged(tag: str, value: str) -> Any:
    if tag.endswith(":str") or tag == "!":
        return value
    resolved = _resolve_plain(value)
    return resolved


def positioned_parse(text: str, filename: str) -> Positioned:
    """Parse with positions; problems come back as diagnostics, never as exceptions."""
    import yaml

    out = Positioned()

    def diag(code: str, message: str, mark: Any, hint: str | None = None) -> None:
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        out.diagnostics.append(Diagnostic(code, message, filename, line, col, hint))

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    # Each open container: [container, path, pending key or None, key mark]
    stack: list[list[Any]] = []
    root_set = False

    def place(value: Any, mark: Any) -> Path | None:
        """Attach a finished value to its parent; returns its path, or None when it is a key."""
        nonlocal root_set
        pos = (mark.line + 1, mark.column + 1)
        if not stack:
            out.data = value
            root_set = True
            out.values[()] = pos
            return ()
        top = stack[-1]
        container, path = top[0], top[1]
        if isinstance(container, list):
            child = (*path, len(container))
            container.append(value)
            out.values[child] = pos
            return child
        if top[2] is None:  # this value is a key
            if isinstance(value, (dict, list)):
                diag("E201", "a mapping key must be a plain value, not a list or mapping", mark)
                value = repr(value)
            key = value if isinstance(value, str) else str(value)
            if key in container:
                first = out.keys.get((*path, key))
                where = f" (first at line {first[0]})" if first else ""
                diag("E009", f"duplicate key '{key}'{where}", mark, "each key may appear once in a mapping")
            top[2] = key
            top[3] = pos
            return None
        key = top[2]
        child = (*path, key)
        container[key] = value
        out.values[child] = pos
        out.keys[child] = top[3]
        top[2] = None
        return child

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
                if tag and tag not in _SAFE_TAGS:
                    diag(
                        "E007",
                        f"the tag '{tag}' is not allowed",
                        event.start_mark,
                        "remove the tag; scenario files hold plain text, numbers, lists and mappings",
                    )
                    value: Any = event.value
                elif tag:
                    value = _resolve_tagged(tag, event.value)
                elif event.style is None and event.implicit[0]:
                    value = _resolve_plain(event.value)
                else:
                    value = event.value
                place(value, event.start_mark)
            elif kind in ("SequenceStartEvent", "MappingStartEvent"):
                if event.tag and event.tag not in _SAFE_TAGS:
                    diag(
                        "E007",
                        f"the tag '{event.tag}' is not allowed",
                        event.start_mark,
                        "remove the tag; scenario files hold plain text, numbers, lists and mappings",
                    )
                if len(stack) >= MAX_DEPTH:
                    diag(
                        "E008",
                        f"nesting deeper than {MAX_DEPTH} levels",
                        event.start_mark,
                        "a scenario needs only a few levels; check for runaway brackets",
                    )
                    return out
                container: Any = [] if kind == "SequenceStartEvent" else {}
                parent_is_key = bool(stack) and isinstance(stack[-1][0], dict) and stack[-1][2] is None
                path = place(container, event.start_mark)
                if parent_is_key:
                    path = (*stack[-1][1], "?")
                stack.append([container, path if path is not None else (), None, None])
            elif kind in ("SequenceEndEvent", "MappingEndEvent"):
                stack.pop()
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
        diag("E005", f"YAML syntax: {problem}{context}", mark, _syntax_hint(problem))
    except yaml.YAMLError as exc:
        diag("E005", f"YAML syntax: {exc}", None)
    except RecursionError:
        diag("E008", "nesting too deep", None)
    if is_json(filename) and out.diagnostics and not out.values:
        _json_diagnostic(text, filename, out)
    return out


def _json_diagnostic(text: str, filename: str, out: Positioned) -> None:
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        out.diagnostics = [Diagnostic("E005", f"JSON syntax: {exc.msg}", filename, exc.lineno, exc.colno)]


def _syntax_hint(problem: str) -> str | None:
    if "tab" in problem:
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        return "a value containing ': ' needs quotes, e.g. text: \"Putin: yes\""
    if "could not find expected ':'" in problem:
        return "check the indentation and that each key is followed by ': '"
    return "check the quoting and indentation around this place"
