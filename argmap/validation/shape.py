"""The shape layer: is the data a scenario at all? JSON Schema first, then the models.

The models are tried first because they are fast; when they find a problem, the JSON Schema
(generated from the same models) is run to report it the way an editor would, and the
models' own findings are added where the schema has nothing to say (dates that do not exist,
for instance). Items that are valid on their own are kept so the meaning checks can still run.
"""

from __future__ import annotations

import copy
import functools
import json
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from argmap.base.diagnostics import Diagnostic, Path, did_you_mean
from argmap.scenario.exercises import EXERCISE_MODELS, ExerciseBase, incomplete
from argmap.scenario.model import Scenario

M = TypeVar("M", bound=BaseModel)

_SECTIONS = (
    "glossary",
    "sources",
    "actors",
    "topics",
    "events",
    "claims",
    "relations",
    "walkthroughs",
    "exercises",
)


def type_name(value: Any) -> str:
    if value is None:
        return "null (empty value)"
    if isinstance(value, bool):
        return "boolean"
    return {dict: "mapping", list: "list", str: "string", int: "integer", float: "number"}.get(
        type(value), type(value).__name__
    )


@functools.cache
def schema_for(model: type[BaseModel]) -> dict[str, Any]:
    """The committed JSON Schema of a model (kept in sync by a test)."""
    name = "scenario" if model is Scenario else model.__name__.lower()
    text = resources.files("argmap.schema").joinpath(f"{name}.schema.json").read_text("utf-8")
    return dict(json.loads(text))


Positions = dict[str, tuple[int, ...]]
"""For each list some of whose items were left out: where each item kept stands in the data."""


def validate(data: Any, model: type[M] = Scenario) -> tuple[M | None, list[Diagnostic]]:  # type: ignore[assignment]
    """The model instance, or None and every shape problem found."""
    found, problems, _ = check(data, model)
    return found, problems


def check(data: Any, model: type[M] = Scenario) -> tuple[M | None, list[Diagnostic], Positions]:  # type: ignore[assignment]
    """The model instance (of the valid parts only, when there are problems), every shape
    problem found, and where the items kept stand in the data."""
    try:
        return model.model_validate(data), [], {}
    except ValidationError as exc:
        pydantic_errors = exc.errors(include_url=False)
    problems = schema_problems(data, model, _flagged_items(pydantic_errors, model))
    reported = _Reported()
    for d in problems:
        reported.add(d.path)
    for err in pydantic_errors:
        path = _without_tags(tuple(err["loc"]), data)
        if reported.related(path):
            continue
        problems.append(_from_pydantic(err, path))
        reported.add(path)
    salvaged, positions = _salvage(data, model)
    return salvaged, problems, positions


def placed(diagnostic: Diagnostic, positions: Positions) -> Diagnostic:
    """A diagnostic about the valid parts, its path moved to where the item stands in the data."""
    path = diagnostic.path
    if len(path) < 2 or not isinstance(path[1], int) or path[0] not in positions:
        return diagnostic
    at = positions[str(path[0])]
    return replace(diagnostic, path=(path[0], at[path[1]], *path[2:])) if path[1] < len(at) else diagnostic


class _Reported:
    """Paths already reported; a path is related to one when either is a prefix of the other.
    Each test costs the path's length, not the number of paths reported."""

    def __init__(self) -> None:
        self.paths: set[Path] = set()
        self.prefixes: set[Path] = set()

    def add(self, path: Path) -> None:
        self.paths.add(path)
        for i in range(len(path) + 1):
            self.prefixes.add(path[:i])

    def related(self, path: Path) -> bool:
        return path in self.prefixes or any(path[:i] in self.paths for i in range(len(path)))


def _without_tags(loc: Path, data: Any) -> Path:
    """A pydantic location as a path in the data: a tagged union puts the tag (an exercise's
    kind) in the location, where the data has no key of that name."""
    path: list[str | int] = []
    for part in loc:
        if isinstance(data, dict) and part not in data and part == data.get("kind"):
            continue
        path.append(part)
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            data = None
    return tuple(path)


def _from_pydantic(err: Any, path: Path) -> Diagnostic:
    kind = err["type"]
    msg = err["msg"]
    if kind == "missing":
        return Diagnostic("E203", f"missing key '{path[-1]}'", path=path[:-1])
    if kind == "extra_forbidden":
        return Diagnostic("E202", f"unknown key '{path[-1]}'", path=path)
    if kind == "int_type":  # a whole number written as 2.0, say: the schema's "integer" allows it
        return Diagnostic("E201", f"expected integer, found {type_name(err.get('input'))}", path=path)
    if kind.endswith("_type") or kind.endswith("_parsing"):
        return Diagnostic("E201", msg[0].lower() + msg[1:], path=path)
    if kind == "value_error":
        msg = msg.removeprefix("Value error, ")
    return Diagnostic("E204", msg, path=path)


def _flagged_items(errors: list[Any], model: type[BaseModel]) -> set[tuple[str, int]] | None:
    """The list items the models found fault with, or None when the whole file must be looked at."""
    if model is not Scenario:
        return None
    return {(e["loc"][0], e["loc"][1]) for e in errors if len(e["loc"]) >= 2 and isinstance(e["loc"][1], int)}


def schema_problems(
    data: Any, model: type[BaseModel] = Scenario, items: set[tuple[str, int]] | None = None
) -> list[Diagnostic]:
    """What the JSON Schema says of the data. With ``items``, the list items the models found
    valid are not looked into again: the schema is made from the same models, and skipping
    them keeps the cost in proportion to the problems, not to the file."""
    schema = schema_for(model)
    if items is None or not isinstance(data, dict):
        return _problems(_validator(model, None), data, model)
    problems = _problems(_validator(model, "top"), data, model)
    properties = schema["properties"]
    for section, index in sorted(items, key=lambda item: (str(item[0]), item[1])):
        entries = data.get(section)
        if not _is_item(properties.get(section, {}).get("items")) or not isinstance(entries, list):
            continue
        if index >= len(entries):
            continue
        found = _problems(_validator(model, f"items:{section}"), entries[index], model)
        problems += [replace(d, path=(section, index, *d.path)) for d in found]
    return problems


def _is_item(schema: Any) -> bool:
    """A list's items defined once: a model, or a tagged union of models."""
    return isinstance(schema, dict) and ("$ref" in schema or "discriminator" in schema)


def _problems(validator: Any, data: Any, model: type[BaseModel]) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    for error in validator.iter_errors(data):
        problems += _from_schema(error, model)
    return problems


@functools.cache
def _validator(model: type[BaseModel], part: str | None) -> Any:
    """A validator for the whole schema (None), its top level without list items ("top"), the
    items of one list ("items:" and its name), or one definition (a "#/$defs/..." reference)."""
    from jsonschema import Draft202012Validator

    schema = schema_for(model)
    if part == "top":
        schema = copy.deepcopy(schema)
        for prop in schema["properties"].values():
            if _is_item(prop.get("items")):
                del prop["items"]
    elif part is not None and part.startswith("items:"):
        schema = {**schema["properties"][part.removeprefix("items:")]["items"], "$defs": schema["$defs"]}
    elif part is not None:
        schema = {"$ref": part, "$defs": schema["$defs"]}
    return Draft202012Validator(schema)


@functools.cache
def _any_kind_validator(model: type[BaseModel], refs: tuple[str, ...], tag: str) -> Any:
    """For an item whose tag is missing or unknown: the keys of every kind, each checked as its
    kinds check it, the tag one of the known ones, and only what every kind needs required."""
    from jsonschema import Draft202012Validator

    defs = schema_for(model)["$defs"]
    branches = [defs[ref.removeprefix("#/$defs/")] for ref in refs]
    properties: dict[str, Any] = {}
    for branch in branches:
        for key, value in branch["properties"].items():
            properties.setdefault(key, value)
    properties[tag] = {"enum": [branch["properties"][tag]["const"] for branch in branches], "type": "string"}
    required = [key for key in branches[0]["required"] if all(key in b["required"] for b in branches)]
    schema = {
        "additionalProperties": False,
        "properties": properties,
        "required": required,
        "type": "object",
        "$defs": defs,
    }
    return Draft202012Validator(schema)


def _describe_pattern(pattern: str, value: Any) -> tuple[str, str | None]:
    if "standing" in pattern:
        return (
            f"'{value}' is not a date",
            "write YYYY, YYYY-MM or YYYY-MM-DD (before AD 1: -YYYY or 'N BC'), optionally after 'before ' "
            "or 'after ', or 'standing'",
        )
    if pattern.startswith("^[a-z0-9]+"):
        suggestion = "-".join("".join(c if c.isalnum() else " " for c in str(value).lower()).split())
        return (
            f"'{value}' is not a valid id",
            f"ids are lowercase words joined by hyphens, e.g. '{suggestion or 'putin-nbc-joint-shield'}'",
        )
    if "0-9a-f]{64}" in pattern:
        return (
            f"'{value}' is not a sha256 (64 lowercase hex digits)",
            None,
        )
    if "#[0-9a-fA-F]{6}" in pattern:
        return f"'{value}' is not a colour", "write #rrggbb or a colour name such as 'red'"
    return f"'{value}' does not match {pattern}", None


def _tagged(error: Any, model: type[BaseModel], path: Path) -> list[Diagnostic]:
    """An item of a tagged union (an exercise, told apart by its kind), explained as the model
    its tag names; without a known tag, as any of them."""
    tag = error.schema["discriminator"]["propertyName"]
    mapping: dict[str, str] = error.schema["discriminator"]["mapping"]
    item = error.instance
    if not isinstance(item, dict):
        return [Diagnostic("E201", f"expected mapping, found {type_name(item)}", path=path)]
    value = item.get(tag)
    if isinstance(value, str) and value in mapping:
        found = _problems(_validator(model, mapping[value]), item, model)
        branch = schema_for(model)["$defs"][mapping[value].removeprefix("#/$defs/")]
        if set(mapping) == set(EXERCISE_MODELS):
            found = _incomplete(found, item, branch)
    else:
        refs = tuple(branch["$ref"] for branch in error.schema["oneOf"])
        found = _problems(_any_kind_validator(model, refs, tag), item, model)
    return [replace(d, path=(*path, *d.path)) for d in found]


def _incomplete(found: list[Diagnostic], item: dict[str, Any], branch: dict[str, Any]) -> list[Diagnostic]:
    """An exercise without a key its kind needs (missing, or a value left empty) is incomplete
    (E116) rather than malformed; the keys every exercise needs stay missing keys (E203)."""
    lacking = [
        key
        for key in branch["required"]
        if key not in ExerciseBase.model_fields
        and (key not in item or (item[key] is None and branch["properties"][key].get("type") != "array"))
    ]
    if not lacking:
        return found
    reported = {f"missing key '{key}'" for key in lacking}
    out = [
        d
        for d in found
        if not (d.path == () and d.code == "E203" and d.message in reported)
        and not (len(d.path) == 1 and d.path[0] in lacking)
    ]
    kind = str(item["kind"])
    return out + [Diagnostic("E116", incomplete(kind, key), path=(key,)) for key in lacking]


def _from_schema(error: Any, model: type[BaseModel]) -> list[Diagnostic]:
    path: Path = tuple(error.absolute_path)
    kind = error.validator
    if kind == "oneOf" and "discriminator" in error.schema:
        return _tagged(error, model, path)
    if kind == "anyOf":
        # Optional values are "X or null": report why the value is not an X.
        real = [e for e in error.context if not (e.validator == "type" and e.validator_value == "null")]
        if real:
            # Prefer the branch whose type fits: its complaint is the informative one.
            best = min(real, key=lambda e: (e.validator == "type", len(e.relative_schema_path)))
            return _from_schema(best, model)
    if kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        out = []
        for key in sorted(set(error.instance) - set(allowed), key=str):
            inside = _belongs_inside(str(key), error.schema.get("properties", {}), model)
            hint = (
                f"'{key}' belongs inside '{inside}:', e.g. {inside}: {{..., {key}: {error.instance[key]}}}"
                if inside and _is_scalar(error.instance[key])
                else f"'{key}' belongs inside '{inside}:'"
                if inside
                else did_you_mean(str(key), allowed) or "allowed here: " + ", ".join(allowed)
            )
            out.append(Diagnostic("E202", f"unknown key '{key}'", path=(*path, key), hint=hint))
        return out
    if kind == "required":
        missing = str(error.message).split("'")[1] if "'" in error.message else error.message
        return [Diagnostic("E203", f"missing key '{missing}'", path=path)]
    if kind == "type":
        expected = error.validator_value
        expected = " or ".join(expected) if isinstance(expected, list) else expected
        names = {"object": "mapping", "array": "list"}
        return [
            Diagnostic(
                "E201",
                f"expected {names.get(expected, expected)}, found {type_name(error.instance)}",
                path=path,
            )
        ]
    if kind in ("enum", "const"):
        options = error.validator_value if kind == "enum" else [error.validator_value]
        enum_hint = did_you_mean(str(error.instance), options)
        return [
            Diagnostic(
                "E204",
                f"'{error.instance}' is not one of: " + ", ".join(map(str, options)),
                path=path,
                hint=enum_hint,
            )
        ]
    if kind == "pattern":
        message, pattern_hint = _describe_pattern(error.validator_value, error.instance)
        return [Diagnostic("E204", message, path=path, hint=pattern_hint)]
    if kind in ("maximum", "minimum"):
        bound = "at most" if kind == "maximum" else "at least"
        return [Diagnostic("E204", f"{error.instance} is out of range: {bound} {error.validator_value}", path=path)]
    if kind == "not" and error.validator_value == {"const": 0}:
        return [Diagnostic("E204", "year 0 does not exist (1 BC is followed by AD 1)", path=path)]
    if kind == "minItems":
        return [Diagnostic("E204", f"needs at least {error.validator_value} item(s)", path=path)]
    if kind == "minLength":
        return [Diagnostic("E204", "must not be empty", path=path)]
    if kind == "maxLength":
        return [Diagnostic("E204", f"longer than {error.validator_value} characters", path=path)]
    return [Diagnostic("E204", error.message, path=path)]


def _is_scalar(value: Any) -> bool:
    return isinstance(value, str | int | float | bool) and len(str(value)) <= 40


def _belongs_inside(key: str, properties: dict[str, Any], model: type[BaseModel]) -> str | None:
    """The one mapping-valued key here whose mapping takes ``key``: where a misplaced key goes."""
    defs = schema_for(model)["$defs"]
    found = []
    for name, prop in properties.items():
        branches = prop.get("anyOf", [prop]) if isinstance(prop, dict) else []
        for branch in branches:
            ref = branch.get("$ref", "") if isinstance(branch, dict) else ""
            target = defs.get(ref.removeprefix("#/$defs/"), {}) if ref else branch
            if isinstance(target, dict) and key in target.get("properties", {}):
                found.append(name)
                break
    return found[0] if len(found) == 1 else None


def _salvage(data: Any, model: type[M]) -> tuple[M | None, Positions]:
    """A model of the valid parts, so the meaning checks can still run on them."""
    if model is not Scenario or not isinstance(data, dict):
        return None, {}
    fields = Scenario.model_fields
    values: dict[str, Any] = {}
    positions: Positions = {}
    for name in _SECTIONS:
        items = data.get(name)
        if not isinstance(items, list):
            values[name] = ()
            continue
        annotation = fields[name].annotation
        item_type = annotation.__args__[0]  # type: ignore[union-attr]
        adapter: TypeAdapter[Any] = TypeAdapter(item_type)
        kept = []
        at = []
        for i, item in enumerate(items):
            try:
                kept.append(adapter.validate_python(item))
            except ValidationError:
                # A source whose only fault is its hash is still read, so its quotes are checked
                # and the hash its file has can be told.
                if name != "sources" or not isinstance(item, dict) or "sha256" not in item:
                    continue
                try:
                    kept.append(adapter.validate_python({k: v for k, v in item.items() if k != "sha256"}))
                except ValidationError:
                    continue
            at.append(i)
        values[name] = tuple(kept)
        if len(at) < len(items):
            positions[name] = tuple(at)
    for name in ("format", "title", "summary", "licence"):
        values[name] = data.get(name)
    return Scenario.model_construct(**values), positions  # type: ignore[return-value]


def raw_ids(data: Any) -> set[str]:
    """Every id written in the file, valid or not, so broken items do not cause false alarms."""
    ids: set[str] = set()
    if isinstance(data, dict):
        for name in _SECTIONS:
            items = data.get(name)
            if isinstance(items, list):
                ids.update(i["id"] for i in items if isinstance(i, dict) and isinstance(i.get("id"), str))
    return ids


@dataclass(frozen=True, slots=True)
class Mentions:
    """Ids the items of a file mention as written, valid or not."""

    topics: frozenset[str]
    """Topics some claim takes a stance on."""
    related: frozenset[str]
    """Claims and relations at either end of some relation."""


def raw_mentions(data: Any) -> Mentions:
    """What the claims and relations as written mention, so that an item that failed its shape
    still counts as taking up a topic or a claim."""

    def values(section: str, keys: tuple[str, ...]) -> frozenset[str]:
        items = data.get(section) if isinstance(data, dict) else None
        if not isinstance(items, list):
            return frozenset()
        found = (item.get(key) for item in items if isinstance(item, dict) for key in keys)
        return frozenset(v for v in found if isinstance(v, str))

    return Mentions(values("claims", ("topic",)), values("relations", ("from", "to")))
