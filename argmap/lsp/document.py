"""A scenario as an editor holds it: its text checked as argmap checks a file, and where each of
its values is written, for diagnostics with ranges, hovers, definitions, references,
completions and code actions. Pure: the server turns these into the protocol's messages.

Lines and columns here count from 0, in characters.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from argmap.base.diagnostics import Diagnostic
from argmap.base.diagnostics import Path as DataPath
from argmap.reading import gate
from argmap.reading.document import locate
from argmap.reading.parsing import parse, positioned_parse
from argmap.scenario.model import Scenario
from argmap.validation.pipeline import Validation, validate
from argmap.validation.shape import schema_for

Point = tuple[int, int]
"""A line and a column, from 0."""

SECTIONS = ("glossary", "sources", "actors", "topics", "events", "claims", "relations", "walkthroughs", "exercises")
REFERENCES: dict[str, tuple[str, ...]] = {
    "actor": ("actors",),
    "parent": ("actors",),
    "with": ("actors",),
    "by": ("actors",),
    "side": ("actors",),
    "actors": ("actors",),
    "topic": ("topics",),
    "event": ("events",),
    "from": ("claims",),
    "to": ("claims", "relations"),
    "claim": ("claims",),
    "claims": ("claims",),
    "relation": ("relations",),
    "switch_off": ("claims",),
    "options": ("claims", "actors"),
    "source": ("sources",),
}
"""For each key whose value names something: the sections it may name things of."""


@dataclass(frozen=True, slots=True)
class Scalar:
    """One scalar as written: its data path, whether it is a key, its value and its span."""

    path: DataPath
    is_key: bool
    value: str
    start: Point
    end: Point
    style: str | None
    flow: bool


@dataclass
class Checked:
    """A document's text, its data (None when it does not parse), its problems and scalars."""

    text: str
    path: Path
    data: Any = None
    validation: Validation | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    scalars: list[Scalar] = field(default_factory=list)

    # --- where things are -------------------------------------------------------------------

    @functools.cached_property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    def scalar_at(self, point: Point) -> Scalar | None:
        for s in self.scalars:
            if s.start <= point <= s.end:  # a cursor just after a word is on it
                return s
        return None

    def scalar_starting(self, point: Point) -> Scalar | None:
        return next((s for s in self.scalars if s.start == point), None)

    def range_of(self, d: Diagnostic) -> tuple[Point, Point]:
        """The span a diagnostic is about: the value (or key) written where it points, else the
        rest of its line."""
        if not d.line:
            return (0, 0), (0, 0)
        start = (d.line - 1, max(d.col - 1, 0))
        found = self.scalar_starting(start)
        if found is not None:
            return found.start, found.end
        lines = self.text.split("\n")
        length = len(lines[start[0]]) if start[0] < len(lines) else start[1]
        return start, (start[0], max(length, start[1]))

    # --- ids ----------------------------------------------------------------------------------

    def definitions(self) -> dict[str, Scalar]:
        """Each id (and glossary term) and where it is defined: the first item to have it."""
        found: dict[str, Scalar] = {}
        for s in self.scalars:
            if s.is_key or len(s.path) != 3 or s.path[0] not in SECTIONS or not isinstance(s.path[1], int):
                continue
            if s.path[2] == ("term" if s.path[0] == "glossary" else "id"):
                found.setdefault(s.value, s)
        return found

    def section_of(self, ident: str) -> str | None:
        d = self.definitions().get(ident)
        return str(d.path[0]) if d is not None else None

    def references(self, ident: str) -> list[Scalar]:
        """Every value naming the id under a key that names things."""
        return [s for s in self.scalars if not s.is_key and s.value == ident and reference_key(s.path) is not None]

    def item(self, ident: str) -> dict[str, Any] | None:
        d = self.definitions().get(ident)
        if d is None or not isinstance(self.data, dict):
            return None
        items = self.data.get(str(d.path[0]))
        index = d.path[1]
        if isinstance(items, list) and isinstance(index, int) and index < len(items):
            entry = items[index]
            return entry if isinstance(entry, dict) else None
        return None


def reference_key(path: DataPath) -> str | None:
    """The key a value names something under (``actor``, ``options`` of a list), or None."""
    steps = [p for p in path if isinstance(p, str)]
    if not steps or len(path) < 3:
        return None
    key = steps[-1]
    return key if key in REFERENCES else None


def _scalars(text: str) -> list[Scalar]:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    out: list[Scalar] = []

    def point(mark: Any) -> Point:
        return (mark.line, mark.column)

    def walk(node: yaml.Node, path: DataPath, flow: bool) -> None:
        if isinstance(node, yaml.ScalarNode):
            out.append(Scalar(path, False, node.value, point(node.start_mark), point(node.end_mark), node.style, flow))
        elif isinstance(node, yaml.SequenceNode):
            inner = flow or bool(node.flow_style)
            for i, child in enumerate(node.value):
                walk(child, (*path, i), inner)
        elif isinstance(node, yaml.MappingNode):
            inner = flow or bool(node.flow_style)
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    kpath = (*path, key.value)
                    out.append(
                        Scalar(kpath, True, key.value, point(key.start_mark), point(key.end_mark), key.style, inner)
                    )
                    walk(value, kpath, inner)

    if root is not None:
        walk(root, (), False)
    return out


def check_text(text: str, path: Path, search_path: tuple[Path, ...] = ()) -> Checked:
    """The document checked as ``argmap validate`` checks the file, its problems located."""
    name = path.name
    checked = Checked(text, path)
    try:
        gate.decode(text.encode("utf-8", "surrogatepass"), name)
    except gate.Refused as refused:
        checked.diagnostics = [refused.diagnostic]
        return checked
    data, positioned, problems = parse(text, name)
    if problems:
        checked.diagnostics = problems
        checked.scalars = _scalars(text)
        return checked
    checked.data = data
    checked.validation = validate(data, path, search_path)
    found = checked.validation.diagnostics
    if found:
        positioned = positioned if positioned is not None else positioned_parse(text, name)
        found = [locate(d, name, positioned) for d in found]
    checked.diagnostics = found
    checked.scalars = _scalars(text)
    return checked


# --- what a key takes ---------------------------------------------------------------------------

_ENUMS: dict[tuple[str, str], tuple[str, str]] = {
    ("claims", "stance"): ("Claim", "stance"),
    ("claims", "kind"): ("Claim", "kind"),
    ("relations", "type"): ("Relation", "type"),
    ("actors", "kind"): ("Actor", "kind"),
    ("walkthroughs", "view"): ("Focus", "view"),
}
DATE_FORMS = ("standing", "before ", "after ")
"""What may begin a date besides its digits."""


def enum_values(definition: str, key: str) -> list[str]:
    """The values the schema allows for a key of a definition."""
    prop = schema_for(Scenario)["$defs"][definition]["properties"][key]
    text = json.dumps(prop)
    found = re.search(r'"enum": (\[[^\]]*\])', text)
    return list(json.loads(found.group(1))) if found else []


def exercise_kinds() -> list[str]:
    from argmap.scenario.exercises import EXERCISE_MODELS

    return list(EXERCISE_MODELS)


_KEY_BEFORE = re.compile(r"(?:^|[{,\s-])([A-Za-z_]+):\s*(?:\[[^\]]*,\s*|\[\s*)?([^,\[\]{}:]*)$")


def key_before(line: str) -> tuple[str, str] | None:
    """The key whose value is being typed at the end of ``line``, and what is typed so far."""
    m = _KEY_BEFORE.search(line)
    return (m.group(1), m.group(2).strip()) if m else None


def section_at(text: str, line: int) -> str | None:
    """The top-level section a line is in: the nearest key at the left margin above it."""
    lines = text.split("\n")
    for i in range(min(line, len(lines) - 1), -1, -1):
        m = re.match(r"([A-Za-z_]+):", lines[i])
        if m:
            return m.group(1)
    return None


def completions(checked: Checked, point: Point) -> list[tuple[str, str]]:
    """What may be written at a point: (value, what it is), ids of the right section or the
    values a key takes."""
    lines = checked.text.split("\n")
    if point[0] >= len(lines):
        return []
    found = key_before(lines[point[0]][: point[1]])
    if found is None:
        return []
    key, typed = found
    section = section_at(checked.text, point[0])
    if key in ("kind", "stance", "type", "view"):
        if section == "exercises" and key == "kind":
            values = exercise_kinds()
        else:
            target = _ENUMS.get((section or "", key)) or next((v for k, v in _ENUMS.items() if k[1] == key), None)
            values = enum_values(*target) if target else []
        return [(v, key) for v in values if v.startswith(typed)]
    if key in ("date", "published"):
        return [(v, "date") for v in DATE_FORMS if v.startswith(typed)]
    sections = REFERENCES.get(key)
    if sections is None:
        return []
    out = []
    for ident, where in checked.definitions().items():
        if where.path[0] in sections and ident.startswith(typed):
            item = checked.item(ident) or {}
            out.append((ident, _summary(str(where.path[0]), item)))
    return out


# --- what an id stands for ----------------------------------------------------------------------


def _summary(section: str, item: dict[str, Any]) -> str:
    keys = {
        "claims": ("text",),
        "actors": ("name",),
        "topics": ("question",),
        "events": ("title",),
        "sources": ("title",),
        "relations": ("type",),
        "glossary": ("meaning",),
    }.get(section, ("title",))
    return " ".join(str(item[k]) for k in keys if k in item)[:80]


def describe(checked: Checked, ident: str) -> str | None:
    """Markdown for a hover on an id: what it names, as the file describes it."""
    section = checked.section_of(ident)
    item = checked.item(ident)
    if section is None or item is None:
        return None

    def get(key: str) -> str:
        value = item.get(key)
        return str(value) if value is not None else ""

    lines: list[str]
    if section == "claims":
        lines = [f"**claim** `{ident}`: {get('text')}", f"said by `{get('actor')}`"]
        when = get("date") or (f"at event `{get('event')}`" if get("event") else "")
        if when:
            lines.append(f"when: {when}")
        if get("topic"):
            lines.append(f"topic `{get('topic')}`, stance {get('stance') or 'none'}")
        evidence = item.get("evidence")
        if isinstance(evidence, list) and evidence and isinstance(evidence[0], dict):
            lines.append(f"> {evidence[0].get('quote', '')}  \n({evidence[0].get('source', '')})")
    elif section == "actors":
        lines = [f"**{get('kind') or 'actor'}** `{ident}`: {get('name')}"]
        lines += [f"{k}: {get(k)}" for k in ("role", "parent") if get(k)]
    elif section == "topics":
        lines = [f"**topic** `{ident}`: {get('question')}"]
    elif section == "sources":
        lines = [f"**source** `{ident}`: {get('title') or '(from a catalogue)'}"]
        lines += [f"{k}: {get(k)}" for k in ("author", "published", "file") if get(k)]
    elif section == "events":
        lines = [f"**event** `{ident}`: {get('title')}", f"date: {get('date')}"]
    elif section == "relations":
        lines = [f"**relation** `{ident}`: `{get('from')}` {get('type')} `{get('to')}`"]
    else:
        lines = [f"**{section.rstrip('s')}** `{ident}`"] + ([get("title")] if get("title") else [])
    return "\n\n".join(lines)


def ids_at(checked: Checked, point: Point) -> Iterator[str]:
    """The id written at a point: a definition or a reference."""
    s = checked.scalar_at(point)
    if s is None or s.is_key:
        return
    defined = checked.definitions().get(s.value)
    if defined is not None and (defined.path == s.path or reference_key(s.path) is not None):
        yield s.value
