"""Code actions on a scenario: the repairs ``argmap fix`` makes, and a quote not found replaced by
the passage of its source it nearly matches. Each is an edit of one value, in its own style."""

from __future__ import annotations

from dataclasses import dataclass

from argmap.authoring.repairs import quote_repairs, sha256_repairs
from argmap.authoring.splice import scalar
from argmap.base.diagnostics import Path as DataPath
from argmap.lsp.document import Checked, Point, Scalar
from argmap.validation.nearest import nearest


@dataclass(frozen=True, slots=True)
class Action:
    title: str
    path: DataPath
    start: Point
    end: Point
    new_text: str
    code: str | None
    """The diagnostic code it answers, if any."""


def _edit(checked: Checked, path: DataPath, value: str, title: str, code: str | None) -> Action | None:
    target: Scalar | None = next((s for s in checked.scalars if s.path == path and not s.is_key), None)
    if target is None:
        return None
    as_json = checked.path.suffix.lower() == ".json"
    style = target.style if target.style in ("'", '"') else None
    return Action(title, path, target.start, target.end, scalar(value, style, target.flow, as_json), code)


def actions(checked: Checked) -> list[Action]:
    """Every repair the document offers, wherever it is."""
    v = checked.validation
    if v is None:
        return []
    out: list[Action | None] = []
    for r in sha256_repairs(v):
        if r.old is not None:
            out.append(_edit(checked, r.path, r.new, "Set sha256 to the file's hash", "E105"))
    for r in quote_repairs(v):
        out.append(_edit(checked, r.path, r.new, "Write the quote as the source does", None))
    for d in v.diagnostics:
        if d.code != "E104" or len(d.path) < 2:
            continue
        evidence = _value(checked.data, d.path[:-1])
        if not isinstance(evidence, dict):
            continue
        source = v.sources.get(str(evidence.get("source")))
        quote = evidence.get("quote")
        if source is None or not isinstance(quote, str):
            continue
        close = nearest(source.text, quote)
        if close is not None:
            passage = " ".join(close.passage.split())
            out.append(_edit(checked, d.path, passage, f"Replace with the source's passage: {passage[:60]}", "E104"))
    return [a for a in out if a is not None]


def _value(data: object, path: DataPath) -> object:
    for step in path:
        try:
            data = data[step]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def actions_in(checked: Checked, start: Point, end: Point) -> list[Action]:
    """The actions whose value lies on the lines of a range."""
    return [a for a in actions(checked) if a.start[0] <= end[0] and a.end[0] >= start[0]]
