"""A loaded scenario made safe to show: every string passed through the output gate.

``visible_loaded`` gives a copy of a ``Loaded`` whose scenario strings and source texts have
passed through ``textsafe.visible``. The models are walked field by field, so a field added to
the format is covered without a change here. The gate keeps lengths (one character for one),
so offsets of quotes in a source stay right. Nothing is copied where nothing changes: a clean
scenario comes back as the very same objects, found so by one look at its JSON form rather
than a walk (which costs a large scenario a good part of its loading time).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, TypeVar, cast

from pydantic import BaseModel
from pydantic_core import PydanticSerializationError

from argmap.base.textsafe import visible
from argmap.scenario.loaded import Loaded, LoadedSource
from argmap.scenario.quotes import SourceText

T = TypeVar("T")

# A control character as JSON holds it: C0 escaped (newline and tab, allowed, never match),
# DEL and C1 as they are. A backslash in the text may look like an escape: that costs a walk.
_JSON_CONTROL = re.compile(rb"\\u00[01][0-9a-fA-F]|\\[bfr]|\x7f|\xc2[\x80-\x9f]")
# Bytes every such control starts with: most scenarios hold none, and looking for a byte is quick.
_JSON_CONTROL_STARTS = (b"\\", b"\x7f", b"\xc2")


def visible_data(value: T) -> T:
    """``value`` with every string inside it made visible: in models (every field), tuples,
    lists, sets and dicts (keys too). Other values are kept as they are."""
    return cast(T, _visible(value))


def _visible(value: Any) -> Any:
    if isinstance(value, str):
        shown = visible(value)
        return value if shown == value else shown
    if isinstance(value, BaseModel):
        return _visible_model(value)
    if isinstance(value, tuple | list | set | frozenset):
        items = [_visible(item) for item in value]
        if all(new is old for new, old in zip(items, value, strict=True)):
            return value
        return type(value)(items)
    if isinstance(value, dict):
        pairs = [(_visible(k), _visible(v)) for k, v in value.items()]
        if all(k is old_k and v is old_v for (k, v), (old_k, old_v) in zip(pairs, value.items(), strict=True)):
            return value
        return dict(pairs)
    return value


def _visible_model(model: BaseModel) -> BaseModel:
    changed: dict[str, Any] = {}
    for name in type(model).model_fields:
        old = getattr(model, name)
        new = _visible(old)
        if new is not old:
            changed[name] = new
    # Only fields that held a control character change, so which fields were set stays true.
    return model.model_copy(update=changed) if changed else model


def _surely_clean(model: BaseModel) -> bool:
    """True when no string of ``model`` holds a control character (False when unsure)."""
    try:
        data = model.__pydantic_serializer__.to_json(model, warnings=False)
    except PydanticSerializationError:
        return False
    if not any(start in data for start in _JSON_CONTROL_STARTS):
        return True
    return _JSON_CONTROL.search(data) is None


def visible_source(source: LoadedSource) -> LoadedSource:
    """A source whose facts and text are made visible; the text keeps its furniture."""
    facts = visible_data(source.facts)
    original = visible(source.text.original)
    if facts is source.facts and original == source.text.original:
        return source
    return replace(source, facts=facts, text=SourceText(original, facts.furniture))


def visible_loaded(loaded: Loaded) -> Loaded:
    """A copy of ``loaded`` safe to show on a terminal: its scenario (every string of every
    model) and its sources (facts and texts) made visible."""
    scenario = loaded.scenario
    if scenario is not None and not _surely_clean(scenario):
        scenario = visible_data(scenario)
    sources = {visible(key): visible_source(source) for key, source in loaded.sources.items()}
    unchanged = sources.keys() == loaded.sources.keys() and all(
        sources[key] is source for key, source in loaded.sources.items()
    )
    if scenario is loaded.scenario and unchanged:
        return loaded
    return replace(loaded, scenario=scenario, sources=loaded.sources if unchanged else sources)
