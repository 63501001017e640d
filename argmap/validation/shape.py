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
from dataclasses import replace
from importlib import resources
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from argmap.base.diagnostics import Diagnostic, Path, did_you_mean
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


def validate(data: Any, model: type[M] = Scenario) -> tuple[M | None, list[Diagnostic]]:  # type: ignore[assignment]
    """The model instance, or None and every shape problem found."""
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        pydantic_errors = exc.errors(include_url=False)
    problems = schema_problems(data, model, _flagged_items(pydantic_errors, model))
    reported = _Reported()
    for d in problems:
        reported.add(d.path)
    for err in pydantic_errors:
        path = tuple(err["loc"])
        if reported.related(path):
            continue
        problems.append(_from_pydantic(err, path))
        reported.add(path)
    return _salvage(data, model), problems


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
        return _problems(_validator(model, None), data, schema)
    problems = _problems(_validator(model, "top"), data, schema)
    properties = schema["properties"]
    for section, index in sorted(items, key=lambda item: (str(item[0]), item[1])):
        ref = properties.get(section, {}).get("items", {}).get("$ref")
        entries = data.get(section)
        if ref is None or not isinstance(entries, list) or index >= len(entries):
            continue
        found = _problems(_validator(model, ref), entries[index], schema)
        problems += [replace(d, path=(section, index, *d.path)) for d in found]
    return problems


def _problems(validator: Any, data: Any, schema: dict[str, Any]) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    for error in validator.iter_errors(data):
        problems += _from_schema(error, schema)
    return problems


@functools.cache
def _validator(model: type[BaseModel], part: str | None) -> Any:
    """A validator for the whole schema (None), its top level without list items ("top"), or one
    definition (a "#/$defs/..." reference)."""
    from jsonschema import Draft202012Validator

    schema = schema_for(model)
    if part == "top":
        schema = copy.deepcopy(schema)
        for prop in schema["properties"].values():
            if "$ref" in prop.get("items", {}):
                del prop["items"]
    elif part is not None:
        schema = {"$ref": part, "$defs": schema["$defs"]}
    return Draft202012Validator(schema)


def _describe_pattern(pattern: str, value: Any) -> tuple[str, str | None]:
    if "standing" in pattern:
        return (
            f"'{value}' is not a date",
            "write YYYY, YYYY-MM or YYYY-MM-DD, optionally after 'before ' or 'after ', or 'standing'",
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
            "argmap validate prints the actual hash",
        )
    if "#[0-9a-fA-F]{6}" in pattern:
        return f"'{value}' is not a colour", "write #rrggbb or a colour name such as 'red'"
    return f"'{value}' does not match {pattern}", None


def _from_schema(error: Any, schema: dict[str, Any]) -> list[Diagnostic]:
    path: Path = tuple(error.absolute_path)
    kind = error.validator
    if kind == "anyOf":
        # Optional values are "X or null": report why the value is not an X.
        real = [e for e in error.context if not (e.validator == "type" and e.validator_value == "null")]
        if real:
            # Prefer the branch whose type fits: its complaint is the informative one.
            best = min(real, key=lambda e: (e.validator == "type", len(e.relative_schema_path)))
            return _from_schema(best, schema)
    if kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        out = []
        for key in sorted(set(error.instance) - set(allowed), key=str):
            hint = did_you_mean(str(key), allowed) or "allowed here: " + ", ".join(allowed)
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
    if kind == "minItems":
        return [Diagnostic("E204", f"needs at least {error.validator_value} item(s)", path=path)]
    if kind == "minLength":
        return [Diagnostic("E204", "must not be empty", path=path)]
    if kind == "maxLength":
        return [Diagnostic("E204", f"longer than {error.validator_value} characters", path=path)]
    return [Diagnostic("E204", error.message, path=path)]


def _salvage(data: Any, model: type[M]) -> M | None:
    """A model of the valid parts, so the meaning checks can still run on them."""
    if model is not Scenario or not isinstance(data, dict):
        return None
    fields = Scenario.model_fields
    values: dict[str, Any] = {}
    for name in _SECTIONS:
        items = data.get(name)
        if not isinstance(items, list):
            values[name] = ()
            continue
        annotation = fields[name].annotation
        item_type = annotation.__args__[0]  # type: ignore[union-attr]
        adapter: TypeAdapter[Any] = TypeAdapter(item_type)
        kept = []
        for item in items:
            try:
                kept.append(adapter.validate_python(item))
            except ValidationError:
                continue
        values[name] = tuple(kept)
    for name in ("format", "title", "summary", "licence"):
        values[name] = data.get(name)
    return Scenario.model_construct(**values)  # type: ignore[return-value]


def raw_ids(data: Any) -> set[str]:
    """Every id written in the file, valid or not, so broken items do not cause false alarms."""
    ids: set[str] = set()
    if isinstance(data, dict):
        for name in _SECTIONS:
            items = data.get(name)
            if isinstance(items, list):
                ids.update(i["id"] for i in items if isinstance(i, dict) and isinstance(i.get("id"), str))
    return ids
