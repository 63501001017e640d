"""Quotes written for the author: the smallest passage holding the words, exactly as the source
writes it, an evidence entry that reads back as that passage, and a near-miss hint that stays in
its paragraph and says where the quote parts from the source."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.authoring.passages import evidence_block, passages
from argmap.reading.parsing import parse
from argmap.scenario.quotes import SourceText
from argmap.validation.nearest import nearest

DIALOGUE = (
    "The Melian Dialogue (extract)\n"
    "\n"
    "Athenians: For ourselves, we shall not trouble you with specious pretences -- either of how\n"
    "we have a right to our empire, or are now attacking you because of wrong that you have done\n"
    "us -- since you know as well as we do that right, as the world goes, is only in question\n"
    "between equals in power, while the strong do what they can and the weak suffer what they must.\n"
    "\n"
    "Melians: It is \u201cexpedient\u201d that you should not destroy what is our common protection, the\n"
    "privilege of being allowed in danger to invoke what is fair and right.\n"
)


def only(found):
    assert len(found) == 1, found
    return found[0]


def test_the_passage_is_the_clause_holding_the_words():
    p = only(passages(SourceText(DIALOGUE), "the weak suffer"))
    assert p.text == "while the strong do what they can and the weak suffer what they must."
    assert (p.line, p.col) == (6, 26)


def test_the_passage_keeps_the_sources_dashes_line_breaks_and_curly_quotes():
    dashes = only(passages(SourceText(DIALOGUE), "either of how we have"))
    assert dashes.text == "either of how\nwe have a right to our empire"
    curly = only(passages(SourceText(DIALOGUE), 'It is "expedient"'))
    assert curly.text == "It is \u201cexpedient\u201d that you should not destroy what is our common protection"


def test_words_across_clauses_give_every_clause_they_touch():
    p = only(passages(SourceText(DIALOGUE), "right, as the world goes, is only"))
    assert (
        p.text
        == "since you know as well as we do that right, as the world goes, is only in question\nbetween equals in power"
    )


def test_context_widens_by_clauses_but_never_past_the_paragraph():
    text = SourceText(DIALOGUE)
    wide = only(passages(text, "the weak suffer", context=1))
    assert (
        wide.text == "is only in question\nbetween equals in power, while the strong do what they can and the weak "
        "suffer what they must."
    )
    widest = only(passages(text, "the weak suffer", context=50))
    assert widest.text.startswith("Athenians: For ourselves") and "Melians" not in widest.text


def test_page_furniture_is_left_out_of_the_passage():
    source = "The old bridge is no longer safe for PAGE 2 lorries, the mayor said.\n"
    p = only(passages(SourceText(source, ["PAGE 2"]), "safe for lorries", furniture=["PAGE 2"]))
    assert p.text == "The old bridge is no longer safe for lorries"


def test_the_evidence_block_reads_back_as_the_passage_and_is_found_in_the_source():
    text = SourceText(DIALOGUE)
    for words in ("either of how we have", 'It is "expedient"', "the weak suffer", "done us"):
        p = only(passages(text, words))
        data, _, problems = parse(evidence_block("melian", p.text), "e.yaml")
        assert not problems and data == [{"source": "melian", "quote": p.text}]
        assert text.find(p.text) is not None


words_of = st.sampled_from(DIALOGUE.split())


@settings(deadline=None, max_examples=200)
@given(st.integers(min_value=0, max_value=len(DIALOGUE.split()) - 3), st.integers(min_value=1, max_value=3))
def test_any_run_of_words_gives_exact_passages_that_hold_them_and_validate(start, length):
    words = " ".join(DIALOGUE.split()[start : start + length])
    text = SourceText(DIALOGUE)
    for p in passages(text, words):
        assert p.text in DIALOGUE
        assert text.find(p.text) is not None
        data, _, problems = parse(evidence_block("s", p.text), "e.yaml")
        assert not problems and data[0]["quote"] == p.text


def test_the_near_miss_stays_inside_its_paragraph_and_marks_the_first_difference():
    close = nearest(SourceText(DIALOGUE), "invoke what is fair and just")
    assert close is not None
    assert close.passage == "invoke what is fair and right."
    assert "Melians" not in close.hint() and close.line == 9
    assert (
        close.hint().splitlines()[1]
        == 'the quote first differs after "what is fair and": it has "just", the source "right."'
    )


def test_the_near_miss_shows_the_sources_own_characters_where_they_part():
    close = nearest(SourceText(DIALOGUE), "specious pretences - either of how")
    assert close is not None
    assert close.source_has.startswith("--") and close.quote_has.startswith("-")


def test_a_quote_running_into_the_next_paragraph_is_cut_at_the_paragraph():
    close = nearest(SourceText(DIALOGUE), "what they must. Melians: It is")
    assert close is not None
    assert close.passage.endswith("they must.") and "Melians" not in close.passage
    assert close.quote_has.startswith("must. Melians")
