from pathlib import Path

import pytest

from argmap.scenario.quotes import ELISION, MAX_GAP, Match, SourceText, normalise

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_whitespace_and_line_breaks_are_layout():
    assert SourceText("the June 2000 \n  US summit").find("the June 2000 US summit")


def test_hyphen_at_line_end_is_kept_and_joins_the_next_line():
    src = SourceText("the June 2000 \nUS-\nRussian summit")
    assert src.find("US-Russian summit")
    assert not src.find("USRussian summit")
    assert not src.find("US- Russian summit")


def test_quote_with_curly_apostrophe_matches_straight_one():
    src = SourceText("the Foreign Ministry\u2019s department said \u201cno\u201d")
    assert src.find('the Foreign Ministry\'s department said "no"')
    assert SourceText("Ministry's").find("Ministry\u2019s")


@pytest.mark.parametrize("dash", ["--", "\u2013", "\u2014"])
def test_all_dashes_are_equal(dash):
    assert SourceText("parties concerned\u2013NATO").find(f"parties concerned{dash}NATO")
    assert SourceText("arguments--some").find(f"arguments{dash}some")


def test_ellipsis_character_equals_three_dots():
    assert SourceText("on one hand\u2026would").find("on one hand...would")


def test_spelling_and_case_are_never_forgiven():
    src = SourceText("Moscow considered also considered its proposal")
    assert src.find("Moscow considered also considered its proposal")
    assert not src.find("Moscow also considered its proposal")
    assert not src.find("moscow considered also considered")


def test_declared_furniture_is_skipped_inside_a_sentence():
    text = "noted that the practical\n\nPage Header\n\nPublished on Site\n\nRussian initiatives would"
    assert not SourceText(text).find("the practical Russian initiatives")
    src = SourceText(text, furniture=["Page Header Published on Site"])
    match = src.find("the practical Russian initiatives")
    assert match is not None
    assert "Page Header" in src.original[src.to_original(match.start) : src.to_original(match.end)]


def test_elision_marker_skips_words_but_keeps_order_and_distance():
    src = SourceText("Russia will not precipitate the collapse of ABM. We will consult with European states.")
    assert src.find("Russia will not [...] the collapse of ABM")
    assert not src.find("the collapse of ABM [...] Russia will not")
    far = SourceText("alpha " + "x " * MAX_GAP + "omega")
    assert not far.find("alpha [...] omega")


def test_indexed_search_finds_the_same_as_a_scan():
    words = [f"w{i % 97}x{i % 13}" for i in range(60_000)]
    text = " ".join(words)
    quotes = [" ".join(words[i : i + 6]) for i in range(0, 59_000, 331)] + ["w1x1 nowhere to be found"]
    src = SourceText(text)
    indexed = src.spans(quotes)  # long source times many quotes: the index is used
    scanned = [src._complete([q], src._scan(q)) for q in quotes]
    assert indexed == scanned
    assert indexed[-1] is None and all(m is not None for m in indexed[:-1])
    assert src.find_many(quotes) == [Match(*m) if m else None for m in scanned]


def test_closest_passage_is_offered_for_a_near_miss():
    src = SourceText(SEEDS.joinpath("ponars-podvig-2000.txt").read_text("utf-8"))
    closest = src.closest("Russia sees no significant intercontinental missile threat")
    assert closest is not None and "sees no significant intercontinental ballistic missile threat" in closest


def test_passages_are_pastable_and_match():
    src = SourceText(SEEDS.joinpath("ponars-podvig-2000.txt").read_text("utf-8"))
    passages = src.passages("cornerstone of strategic")
    assert len(passages) == 1
    line, text = passages[0]
    assert line == 31 and "US-Russian official statements" in text
    assert src.find(text)


def test_normalise_strips_outer_layout():
    assert normalise("  a \n b  ") == "a b"


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from argmap.scenario.quotes import layout_free, layout_free_mapped  # noqa: E402

_TRICKY = "ab \u3000\u2028\x0b\x1c\x85-\u2010\u2011\u2012\u2013\u2014\u2015\n\r\t\xa0\u201c\u201d\u2018\u2019\u2026\"'."


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=_TRICKY, max_size=40))
def test_fast_and_mapped_normalisations_agree(text):
    mapped, norm_at, orig_at = layout_free_mapped(text)
    assert mapped == layout_free(text)
    assert norm_at == sorted(norm_at) and orig_at == sorted(orig_at)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_TRICKY + "XYZ", min_size=1, max_size=60), st.data())
def test_offsets_map_back_into_the_original(text, data):
    src = SourceText(text, furniture=["XYZ"])
    assume_len = len(src.text)
    pos = data.draw(st.integers(0, assume_len))
    orig = src.to_original(pos)
    assert 0 <= orig <= len(text)


_WORDY = "ab\u00e9\U0001f600\u2014-."
_SOURCE = st.lists(st.text(alphabet=_WORDY, min_size=1, max_size=4), min_size=1, max_size=80).map(" \n".join)


@settings(max_examples=500, deadline=None)
@given(_SOURCE, st.lists(st.text(alphabet=_WORDY + " ", min_size=1, max_size=30), max_size=4), st.data())
def test_index_finds_every_place_a_scan_finds_by_character_offset(text, made_up, data):
    src = SourceText(text)
    pieces = []
    for _ in range(data.draw(st.integers(1, 8))):
        a = data.draw(st.integers(0, len(src.text)))
        b = data.draw(st.integers(a, min(len(src.text), a + 40)))
        pieces.append(src.text[a:b])
    firsts = pieces + made_up
    assert src._indexed_candidates(firsts) == [src._scan(f) for f in firsts]


@settings(max_examples=300, deadline=None)
@given(_SOURCE, st.lists(st.text(alphabet=_WORDY + " [.]", max_size=30), max_size=6))
def test_quotes_found_with_the_index_match_those_found_by_scanning(text, quotes):
    import argmap.scenario.quotes as q

    src = SourceText(text)
    t = src.text
    quotes = [*quotes, *(f"{t[i : i + 9]} [...] {t[i + 12 : i + 20]}" for i in range(0, len(t), 23))]
    saved = q._INDEX_THRESHOLD
    try:
        q._INDEX_THRESHOLD = 10**12
        scanned = src.find_many(quotes)
        q._INDEX_THRESHOLD = -1
        indexed = src.find_many(quotes)
    finally:
        q._INDEX_THRESHOLD = saved
    assert indexed == scanned
    assert sum(m is not None for m in indexed) >= len(t) // 23


def _layout_free_by_translation(text: str) -> str:
    """The normalisation in its plainest form: one translation table, one pattern for both dashes."""
    import re

    from argmap.scenario.quotes import _CHARS

    text = text.translate(str.maketrans(_CHARS))
    text = re.sub(r"--+", "\u2014", text)
    text = re.sub(r"([-\u2014])[ \t\xa0]*\r?\n\s*", r"\1", text)
    inner = " ".join(text.split())
    if not inner:
        return " " if text else ""
    return (" " if text[0].isspace() else "") + inner + (" " if text[-1].isspace() else "")


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=_TRICKY + "\u2032\u2033\u201a\u201b\u201e\u201f\u00e9", max_size=60))
def test_replacing_characters_one_by_one_normalises_as_one_translation(text):
    assert layout_free(text) == _layout_free_by_translation(text)


def _spans_one_by_one(src: SourceText, quotes: list[str]) -> list[tuple[int, int] | None]:
    """Each quote on its own, in the plainest way: its parts normalised one by one, every place
    its first part starts tried in turn, each later part looked for within the gap."""
    out: list[tuple[int, int] | None] = []
    for quote in quotes:
        parts = [p for p in (normalise(p) for p in ELISION.split(quote)) if p]
        found = None
        start = src.text.find(parts[0]) if parts else -1
        while start != -1 and found is None:
            end = start + len(parts[0])
            for part in parts[1:]:
                at = src.text.find(part, end, end + MAX_GAP + len(part))
                if at == -1:
                    break
                end = at + len(part)
            else:
                found = (start, end)
            start = src.text.find(parts[0], start + 1)
        out.append(found)
    return out


@settings(max_examples=300, deadline=None)
@given(_SOURCE, st.lists(st.text(alphabet=_WORDY + " [.]\n\u2019", max_size=30), max_size=6), st.data())
def test_quotes_found_together_are_those_found_one_by_one(text, made_up, data):
    import argmap.scenario.quotes as q

    src = SourceText(text)
    t = src.text
    quotes = list(made_up)
    for _ in range(data.draw(st.integers(0, 6))):
        a = data.draw(st.integers(0, len(t)))
        b = data.draw(st.integers(a, len(t)))
        cut = data.draw(st.integers(a, b))
        quotes.append(t[a:b] if data.draw(st.booleans()) else f"{t[a:cut]} [...] {t[cut + 2 : b + 5]}")
    expected = _spans_one_by_one(src, quotes)
    saved = q._INDEX_THRESHOLD
    try:
        for threshold in (10**12, -1):  # scanned, then with the index
            q._INDEX_THRESHOLD = threshold
            assert src.spans(quotes) == expected
            assert src.find_many(quotes) == [Match(*m) if m else None for m in expected]
    finally:
        q._INDEX_THRESHOLD = saved
