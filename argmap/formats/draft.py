"""A scenario being made from another format: what every importer builds, and how it is written.

An importer reads its input (through the reading gate), adds actors, claims and relations to a
``Draft``, keeps the input's own words as a source text so that quotes can be checked, and says
what the author still has to supply. ``write`` saves the scenario and its source files together,
and the written file is validated like any other, so its remaining diagnostics are located.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap.base.diagnostics import Diagnostic
from argmap.base.diagnostics import Path as Path_
from argmap.reading.document import Written
from argmap.reading.positions import Positioned
from argmap.scenario.model import FORMAT_VERSION

_NOT_ID = re.compile(r"[^a-z0-9]+")
MAX_ID_WORDS = 6


def slug(text: str, fallback: str = "item") -> str:
    """An id from text: ASCII lower-case words joined by hyphens, at most a few words."""
    if text.isascii():
        ascii_text = text.lower()
    else:
        ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    words = [w for w in _NOT_ID.split(ascii_text) if w][:MAX_ID_WORDS]
    made = "-".join(words)
    if not made or not made[0].isalpha():
        made = f"{fallback}-{made}" if made else fallback
    return made


@dataclass
class Draft:
    """Scenario data under construction, in the scenario format's own keys."""

    title: str
    summary: str
    licence: str = "unknown: state the licence of the imported material"
    sources: list[dict[str, Any]] = field(default_factory=list)
    actors: list[dict[str, Any]] = field(default_factory=list)
    topics: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    relations: list[dict[str, Any]] = field(default_factory=list)
    source_texts: dict[str, str] = field(default_factory=dict)
    """Source file name (beside the scenario) -> its text."""
    notes: list[str] = field(default_factory=list)
    """What the author must still supply, said once each."""
    problems: list[Diagnostic] = field(default_factory=list)
    """What was wrong with the input, located in it; the import goes on without those parts."""
    _ids: set[str] = field(default_factory=set, repr=False)

    def new_id(self, text: str, fallback: str = "item") -> str:
        """A fresh id made from ``text``, unique across the whole draft."""
        base = slug(text, fallback)
        made, n = base, 2
        while made in self._ids:
            made, n = f"{base}-{n}", n + 1
        self._ids.add(made)
        return made

    def reserve(self, taken: str) -> None:
        """Keep an id the input carries from being made for anything else."""
        self._ids.add(taken)

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    def add_source(self, title: str, file: str, text: str, **facts: Any) -> str:
        source_id = self.new_id(title, "source")
        self.sources.append({"id": source_id, "title": title, "file": file, **facts})
        self.source_texts[file] = text
        return source_id

    def add_actor(self, name: str, kind: str = "person", **facts: Any) -> str:
        actor_id = facts.pop("id", None) or self.new_id(name, "actor")
        self.actors.append({"id": actor_id, "name": name, "kind": kind, **facts})
        return actor_id

    def add_claim(self, text: str, actor: str, source: str, quote: str, kind: str = "position", **facts: Any) -> str:
        claim_id = facts.pop("id", None) or self.new_id(text, "claim")
        self.claims.append(
            {
                "id": claim_id,
                "text": text,
                "actor": actor,
                "kind": kind,
                **facts,
                "evidence": [{"source": source, "quote": quote}],
            }
        )
        return claim_id

    def add_relation(self, type_: str, from_: str, to: str, **facts: Any) -> str:
        relation_id = self.new_id(f"r {from_} {type_} {to}", "r")
        self.relations.append({"id": relation_id, "type": type_, "from": from_, "to": to, **facts})
        return relation_id

    def data(self) -> dict[str, Any]:
        """The scenario data, keys in the order authors read them."""
        out: dict[str, Any] = {"format": FORMAT_VERSION, "title": self.title, "summary": self.summary}
        out["licence"] = self.licence
        for key in ("sources", "actors", "topics", "claims", "relations"):
            items = getattr(self, key)
            if items or key in ("sources", "actors", "claims"):
                out[key] = items
        return out


_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ,.;()'/-]*[A-Za-z0-9.)]|[A-Za-z]")
_TYPED = frozenset(("true", "false", "yes", "no", "on", "off", "null", "none", "nan", "inf", "y", "n", "~"))


def _scalar(value: Any) -> str:
    """One value in block YAML: plain when nothing could read it as another type, else a JSON
    string (double-quoted YAML, the same escapes)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    # A plain text starts with a letter and holds neither ": " nor " #"; of YAML's typed words
    # only these read as something else.
    if _PLAIN.fullmatch(text) and text.lower() not in _TYPED:
        return text
    return json.dumps(text, ensure_ascii=False)


def _emit(value: dict[str, Any], indent: str, out: list[str], path: Path_, at: Positioned | None) -> None:
    """``value`` (a mapping of scalars, lists and mappings) in block style under ``indent``;
    with ``at``, each part's line and column recorded as the careful parser records them."""
    col = len(indent) + 1
    for key, item in value.items():
        if at is None and isinstance(item, str):  # most values: written with no bookkeeping
            out.append(f"{indent}{key}: {_scalar(item)}")
            continue
        child = (*path, key)
        if at is not None:
            at.keys[child] = (len(out) + 1, col)
        if isinstance(item, dict) and item:
            out.append(f"{indent}{key}:")
            if at is not None:
                at.values[child] = (len(out) + 1, col + 2)
            _emit(item, indent + "  ", out, child, at)
        elif isinstance(item, list | tuple) and item:
            out.append(f"{indent}{key}:")
            if at is not None:
                at.values[child] = (len(out) + 1, col + 2)
            for i, element in enumerate(item):
                if at is not None:
                    at.values[(*child, i)] = (len(out) + 1, col + 4)
                if isinstance(element, dict) and element:
                    first = len(out)
                    _emit(element, indent + "    ", out, (*child, i), at)
                    # The first key shares the dash's line, in the column the others are in.
                    out[first] = f"{indent}  - {out[first][col + 3 :]}"
                else:
                    out.append(f"{indent}  - {_scalar(element)}")
        else:
            if at is not None:
                at.values[child] = (len(out) + 1, col + len(key) + 2)
            out.append(f"{indent}{key}: {'[]' if isinstance(item, list | tuple) else _scalar(item)}")


def to_yaml(data: dict[str, Any]) -> Written:
    """Scenario data as block YAML that argmap reads back to the same data (every string that
    could be read as something else is quoted); where each part stands is found when asked."""
    from argmap.reading.parsing import parse, same_data

    lines: list[str] = []
    _emit(data, "", lines, (), None)
    text = "\n".join(lines) + "\n"
    again, _, problems = parse(text, "draft.yaml")
    if problems or not same_data(data, again):
        raise ValueError("the scenario would not read back as written")  # a bug, never the input's fault

    def where() -> Positioned:
        at = Positioned(data=again)
        at.values[()] = (1, 1)
        _emit(data, "", [], (), at)
        return at

    return Written(text, again, where)


def files_of(draft: Draft, out: Path, text: str | None = None) -> list[tuple[Path, str]]:
    """The files ``draft`` becomes: its source texts beside ``out``, then ``out`` itself
    (``text``, when ``to_yaml`` has made it already)."""
    files = [(out.parent / name, source) for name, source in draft.source_texts.items()]
    return [*files, (out, to_yaml(draft.data()).text if text is None else text)]
