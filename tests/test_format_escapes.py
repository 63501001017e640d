"""Each exporter's escaping, written with regular expressions for speed, gives exactly the text
its definition, character by character, gives."""

import json
import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.formats import argdown, dot, json_text, mermaid, picture

texts = st.text(
    st.characters(exclude_categories=("Cs",)) | st.sampled_from(list("&<>\"'\\[]#{}*_@/ -\t\n\u00e9\u0416\u4e2d")),
    max_size=300,
)


def argdown_value(text: str) -> str:
    unsafe = frozenset('\\[]<>#{}*_@/"')
    return '"' + "".join(f"\\u{ord(ch):04x}" if ch in unsafe or ord(ch) < 32 else ch for ch in text) + '"'


def dot_html(text: str) -> str:
    return "".join(f"&#{ord(ch)};" if ch in "&<>\"'" or ord(ch) < 32 else ch for ch in text)


def mermaid_text(text: str) -> str:
    plain = frozenset(" ,.'-:?!")
    return "".join(ch if ch.isalnum() or ch in plain else f"#{ord(ch)};" for ch in " ".join(text.split()))


def short(text: str, width: int, lines: int) -> list[str]:
    flat = " ".join(text.split())
    # textwrap may leave a space at the end of a line broken before a long word; the box does not.
    wrapped = [line.rstrip() for line in textwrap.wrap(flat, width, break_on_hyphens=False)] or [""]
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = wrapped[-1][: width - 1].rstrip() + "…"
    return wrapped


@settings(deadline=None, max_examples=300)
@given(texts)
def test_escapes_match_their_character_by_character_definitions(text):
    assert argdown._value(text) == argdown_value(text)
    assert dot._html(text) == dot_html(text)
    assert mermaid._text(text) == mermaid_text(text)


words = st.lists(st.text(st.sampled_from("abcdefghij-"), min_size=1, max_size=40), max_size=60).map(" ".join)


@settings(deadline=None, max_examples=300)
@given(words | texts, st.integers(1, 40), st.integers(1, 6))
def test_a_box_text_is_the_whole_text_wrapped_and_cut(text, width, lines):
    assert picture.short(text, width, lines) == short(text, width, lines)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | texts,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4),
    max_leaves=30,
)


@settings(deadline=None, max_examples=300)
@given(json_values, st.integers(0, 4))
def test_spread_json_reads_back_as_the_value_it_was_made_from(value, depth):
    text = json_text.dumps(value, depth)
    assert json.loads(text) == value
    assert text.endswith("\n")
    # Lines below the spread levels hold whole items: every line but the first and last is indented.
    assert all(line.startswith("  ") for line in text.split("\n")[1:-2])
