"""A JSON file another tool wrote reads the same under any name: fast, and as strict as the
careful parser."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.reading.document import JsonDocument
from argmap.reading.json_positions import positioned_json

HOSTILE = [
    '{"a": 1, "a": 2}',
    '{"a": NaN}',
    '{"a": Infinity}',
    '{"a": "\\u0007"}',
    '{"a": "\\ud800"}',
    '{"a": [1, 2,]}',
    '{"a": 1',
    "[" * 5000 + "]" * 5000,
    '{"a": ' + "1" * 500 + "}",
    "",
]


@pytest.mark.parametrize("name", ["nodeset.aif", "map.json", "export.txt"])
@pytest.mark.parametrize("text", HOSTILE)
def test_a_bad_json_text_gets_the_careful_parsers_diagnostics_whatever_its_name(text, name):
    careful = positioned_json(text, name)
    document = JsonDocument(text, name)
    assert careful.diagnostics, "each of these texts must be refused"
    assert [(d.code, d.line, d.col) for d in document.diagnostics] == [
        (d.code, d.line, d.col) for d in careful.diagnostics
    ]


texts = st.text(st.characters(min_codepoint=32, exclude_categories=("Cs",)))
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**12), 10**12) | texts,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20,
)


@settings(deadline=None, max_examples=200)
@given(json_values)
def test_any_json_text_reads_as_the_careful_parser_reads_it_under_a_name_that_is_not_json(value):
    text = json.dumps({"v": value}, ensure_ascii=False)
    document = JsonDocument(text, "nodeset.aif")
    careful = positioned_json(text, "nodeset.aif")
    assert [(d.code, d.line, d.col) for d in document.diagnostics] == [
        (d.code, d.line, d.col) for d in careful.diagnostics
    ]
    if not careful.diagnostics:  # refused only for characters no file may hold (DEL, say)
        assert document.data == careful.data == {"v": value}
        assert document.where(("v",)) == careful.where(("v",))
