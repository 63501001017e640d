"""Value types and the base model shared by every part of the scenario format."""

from __future__ import annotations

from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
)

from argmap.scenario.dates import DATE_PATTERN, check_date

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+([-_.][a-z0-9]+)*$", max_length=120),
    Field(description="A readable name: lowercase words joined by hyphens, e.g. putin-nbc-joint-shield."),
]
Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000)]


def _year_as_text(value: object) -> object:
    """A bare year reads as a number in YAML (``date: 2001``, ``date: -0416``); take it as the
    text it was."""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"-{-value:04d}" if value < 0 else f"{value:04d}"
    return value


# The pattern comes before the year's conversion so that it is checked with the string itself,
# natively, rather than by a Python call wrapped around the conversion; either way it applies
# to the converted text, before ``check_date``.
DateText = Annotated[
    str,
    StringConstraints(pattern=DATE_PATTERN),
    BeforeValidator(_year_as_text),
    AfterValidator(check_date),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": DATE_PATTERN},
                {"type": "integer", "minimum": -9999, "maximum": 9999, "not": {"const": 0}},
            ],
            "description": "YYYY, YYYY-MM or YYYY-MM-DD (before AD 1: -YYYY or 'N BC'), optionally after "
            "'before ' or 'after '; or 'standing' for a position known from the start of the debate.",
            "examples": ["2000-06-03", "2000-06", "before 1999", "416 BC", "standing", 2001],
        }
    ),
]
Colour = Annotated[
    str,
    StringConstraints(pattern=r"^(#[0-9a-fA-F]{6}|[a-z]+)$"),
    Field(description="A colour as #rrggbb or a name such as 'red'."),
]


class Strict(BaseModel):
    """Base of every model: immutable, and unknown keys are errors (they are usually typos)."""

    model_config = ConfigDict(frozen=True, extra="forbid")
