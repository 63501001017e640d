"""quoted(): one pair of curly marks around a quote, never doubled, never unbalanced."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.base.quoting import quoted
from argmap.views.quoting import quoted as view_quoted


def test_plain_text_is_put_in_curly_marks():
    assert quoted("Threats emerging") == "“Threats emerging”"


def test_text_already_in_curly_marks_is_not_marked_twice():
    assert quoted("“Threats emerging…”") == "“Threats emerging…”"


def test_text_already_in_straight_marks_is_not_marked_twice():
    assert quoted('"Russia and the United States…"') == "“Russia and the United States…”"


def test_single_surrounding_marks_are_replaced():
    assert quoted("‘a phrase’") == "“a phrase”"


def test_inner_double_marks_become_single_curly_ones():
    assert quoted('He called it "a threat" twice') == "“He called it ‘a threat’ twice”"
    assert quoted("He called it “a threat” twice") == "“He called it ‘a threat’ twice”"


def test_a_stray_straight_mark_inside_becomes_one_single_mark():
    assert quoted('the so-called" shield') == "“the so-called’ shield”"


def test_a_partnerless_mark_at_an_end_is_dropped():
    assert quoted('the security of every European country."') == "“the security of every European country.”"


def test_apostrophes_are_kept():
    assert quoted("the United States' claims") == "“the United States' claims”"


def test_the_views_share_the_one_function():
    assert view_quoted is quoted


@settings(deadline=None)
@given(st.text())
def test_result_has_one_outer_pair_and_no_inner_double_marks(text):
    out = quoted(text)
    assert out.startswith("“") and out.endswith("”")
    inner = out[1:-1]
    assert not any(mark in inner for mark in '"“”„')
    assert quoted(out) == out
