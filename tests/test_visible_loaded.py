"""The copy of a loaded scenario the terminal UI shows: every string of every model and every
source text made visible, lengths and quote offsets kept, clean input returned as it is."""

from __future__ import annotations

import types
from collections.abc import Iterator
from dataclasses import replace
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from argmap.base.textsafe import is_clean, visible
from argmap.scenario import exercises, model
from argmap.scenario.quotes import SourceText
from argmap.views.visible import visible_data, visible_loaded

PAYLOAD = "\x1b]0;PWNED\x07\x1b[31m\x9b1m\x00\r\x08\x7f"

MODELS = sorted(
    {
        m
        for m in [*vars(model).values(), *vars(exercises).values()]
        if isinstance(m, type) and issubclass(m, BaseModel) and m.model_fields
    },
    key=lambda m: m.__name__,
)


def filled(annotation: Any, where: str) -> Any:
    """A value of a field's type whose every string holds control characters (and says where)."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return filled(get_args(annotation)[0], where)
    if origin in (Union, types.UnionType):
        return filled(next(a for a in get_args(annotation) if a is not type(None)), where)
    if origin is Literal:
        return f"{get_args(annotation)[0]}{PAYLOAD}{where}"
    if origin is tuple:
        return (filled(get_args(annotation)[0], where + "[0]"),)
    if annotation is str:
        return f"{where}{PAYLOAD}"
    if annotation is int:
        return 1
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return built(annotation, where)
    raise AssertionError(f"no value for {annotation!r} at {where}: teach filled() this type")


def built(cls: type[BaseModel], where: str = "") -> BaseModel:
    """An instance of ``cls`` with every field set, past validation."""
    fields = {name: filled(info.annotation, f"{where}.{name}") for name, info in cls.model_fields.items()}
    return cls.model_construct(**fields)


def strings(value: Any) -> Iterator[str]:
    """Every string inside a value, models walked field by field."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from strings(getattr(value, name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from strings(item)


@pytest.mark.parametrize("cls", MODELS, ids=lambda m: m.__name__)
def test_every_string_of_every_model_is_made_visible(cls):
    raw = built(cls)
    before = list(strings(raw))
    assert before and all(PAYLOAD in s for s in before)
    shown = visible_data(raw)
    after = list(strings(shown))
    assert after == [visible(s) for s in before]
    assert all(is_clean(s) and "␛" in s for s in after)
    assert type(shown) is cls and shown.model_fields_set == raw.model_fields_set
    assert list(strings(raw)) == before  # the input is left as it was


def test_a_whole_scenario_is_walked_into_every_nested_model():
    raw = built(model.Scenario)
    shown = visible_data(raw)
    assert sum(1 for _ in strings(raw)) > 60
    assert all(is_clean(s) for s in strings(shown))
    assert shown.claims[0].evidence[0].quote == visible(raw.claims[0].evidence[0].quote)
    assert shown.walkthroughs[0].steps[0].narration == visible(raw.walkthroughs[0].steps[0].narration)


def test_strings_in_lists_sets_and_dict_keys_are_made_visible():
    data = {"k\x1b": ["a\x07", frozenset({"b\x9b"})], 1: ("c\x00",)}
    assert visible_data(data) == {"k␛": ["a␇", frozenset({"b\ufffd"})], 1: ("c␀",)}


def test_clean_input_comes_back_as_the_same_objects(load_starter):
    loaded = load_starter()
    assert visible_loaded(loaded) is loaded
    assert visible_data(loaded.scenario) is loaded.scenario


def poisoned_source(loaded, text_edit, furniture=()):
    (key, source), *_ = loaded.sources.items()
    facts = source.facts.model_copy(update={"title": "Minutes\x1b]0;PWNED\x07", "furniture": furniture})
    text = SourceText(text_edit(source.text.original), facts.furniture)
    return replace(loaded, sources={key: replace(source, facts=facts, text=text)}), key


def test_source_texts_are_made_visible_keeping_lengths_offsets_and_furniture(load_starter):
    loaded = load_starter()
    quote = "the old bridge was inspected in March"

    def edit(text: str) -> str:
        return text.replace("Councillor", "\x1b[2J\x1b]8;;file:///etc/passwd\x1b\\Councillor") + "\nPAGE\x1b[31m 7\n"

    raw, key = poisoned_source(loaded, edit, furniture=("PAGE\x1b[31m 7",))
    shown = visible_loaded(raw)
    source, raw_source = shown.sources[key], raw.sources[key]
    assert shown.scenario is raw.scenario  # only the source held controls
    assert source.facts.title == "Minutes␛]0;PWNED␇"
    assert source.text.original == visible(raw_source.text.original)
    assert len(source.text.original) == len(raw_source.text.original)
    assert "PAGE" not in source.text.text  # the furniture, made visible too, is still cut out
    match = source.text.find(quote)
    assert match is not None
    assert source.text.to_original(match.start) == raw_source.text.original.index(quote)
    assert source.path == raw_source.path and shown.path == raw.path and shown.sha256 == raw.sha256
    assert raw.sources[key].text.original == raw_source.text.original  # the input is left as it was


def test_source_ids_holding_controls_are_made_visible(load_starter):
    loaded = load_starter()
    (key, source), *_ = loaded.sources.items()
    raw = replace(loaded, sources={key + "\x1b": source})
    assert list(visible_loaded(raw).sources) == [key + "␛"]


# Control characters (C0, DEL, C1) mixed with backslashes, quotes and any other text.
TEXT = st.text(
    st.one_of(st.characters(max_codepoint=0xA0), st.sampled_from('\\"u'), st.characters()),
    min_size=1,
)


@settings(deadline=None, max_examples=200)
@given(title=TEXT, quote=TEXT)
@example(title="a\x7fb", quote="q")  # DEL alone
@example(title="a\x85b", quote="q")  # C1 alone
@example(title="a\x1bb", quote="\\u001b")  # ESC, and a backslash that only looks like one
def test_any_text_anywhere_in_a_scenario_is_made_visible(load_starter_once, title, quote):
    loaded = load_starter_once
    scenario = loaded.scenario
    claim = scenario.claims[0]
    evidence = claim.evidence[0].model_copy(update={"quote": quote})
    claims = (claim.model_copy(update={"evidence": (evidence,)}), *scenario.claims[1:])
    raw = replace(loaded, scenario=scenario.model_copy(update={"title": title, "claims": claims}))
    shown = visible_loaded(raw).scenario
    assert shown.title == visible(title)
    assert shown.claims[0].evidence[0].quote == visible(quote)
    assert shown.claims[1] is scenario.claims[1]


@pytest.fixture(scope="module")
def load_starter_once(tmp_path_factory):
    from argmap.authoring.starter import render
    from argmap.validation.load import load_scenario

    folder = tmp_path_factory.mktemp("starter")
    scenario, source = render("s.yaml", "s-source.txt")
    (folder / "s-source.txt").write_text(source, encoding="utf-8")
    (folder / "s.yaml").write_text(scenario, encoding="utf-8")
    loaded = load_scenario(folder / "s.yaml")
    assert loaded.ok, loaded.diagnostics
    return loaded
