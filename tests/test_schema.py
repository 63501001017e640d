"""The committed JSON Schemas match the models, and accept and refuse what the models do."""

import json
from importlib import resources

import pytest
from jsonschema import Draft202012Validator

from argmap.authoring.starter import render
from argmap.reading.parsing import fast_parse
from argmap.schema import all_schemas, dumps


@pytest.mark.parametrize("name", sorted(all_schemas()))
def test_committed_schema_matches_the_models(name):
    committed = resources.files("argmap.schema").joinpath(name).read_text("utf-8")
    assert committed == dumps(all_schemas()[name]), (
        f"{name} is out of date: regenerate it with 'argmap schema > argmap/schema/{name}'"
    )


def _validator():
    schema = all_schemas()["scenario.schema.json"]
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"]
    return Draft202012Validator(schema)


def test_schema_accepts_the_starter_scenario():
    data = fast_parse(render("s.yaml", "s.txt")[0], "s.yaml")
    assert list(_validator().iter_errors(data)) == []


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.pop("title"),
        lambda d: d.update(colour="red"),
        lambda d: d["claims"][0].update(stance="maybe"),
        lambda d: d["claims"][0].update(id="Not An Id"),
        lambda d: d["claims"][0].update(date="June 2000"),
        lambda d: d["claims"][0].update(evidence=[]),
        lambda d: d["relations"][0].update(type="refutes"),
    ],
)
def test_schema_refuses_what_the_models_refuse(mutate):
    from pydantic import ValidationError

    from argmap.scenario.model import Scenario

    data = fast_parse(render("s.yaml", "s.txt")[0], "s.yaml")
    mutate(data)
    assert list(_validator().iter_errors(data))
    with pytest.raises(ValidationError):
        Scenario.model_validate(data)


def test_bundled_catalogue_follows_its_schema():
    from pathlib import Path

    schema = all_schemas()["catalogue.schema.json"]
    text = (Path(__file__).resolve().parent.parent / "seeds" / "catalogue.yaml").read_text("utf-8")
    assert list(Draft202012Validator(schema).iter_errors(fast_parse(text, "catalogue.yaml"))) == []
    json.dumps(schema)
