"""The JSON Schemas of the scenario and catalogue formats, generated from ``argmap.scenario.model``.

The ``*.schema.json`` files beside this module are committed so editors can use them; a test
regenerates them and fails when they drift from the models.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def generate(model: type[BaseModel], schema_id: str) -> dict[str, Any]:
    """The JSON Schema of a model, draft 2020-12, with its ``$id``."""
    schema = model.model_json_schema(by_alias=True, mode="validation")
    return {"$schema": DRAFT, "$id": schema_id, **{k: v for k, v in schema.items() if k != "$id"}}


def all_schemas() -> dict[str, dict[str, Any]]:
    """File name to schema, for every schema argmap publishes."""
    from argmap.scenario.model import SCHEMA_ID, Catalogue, Scenario

    return {
        "scenario.schema.json": generate(Scenario, SCHEMA_ID),
        "catalogue.schema.json": generate(Catalogue, SCHEMA_ID.replace("scenario", "catalogue")),
    }


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
