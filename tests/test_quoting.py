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


def test_a_curly_mark_whose_partner_was_cut_off_is_dropped():
    assert quoted("begins to deploy the system.”") == "“begins to deploy the system.”"
    assert quoted("“We will consult, he said") == "“We will consult, he said”"
    assert quoted("a “phrase” kept") == "“a ‘phrase’ kept”"


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


def test_shorten_closes_a_mark_it_cuts_open():
    from argmap.base.quoting import shorten

    assert shorten("Who said this? “one two three four five”", 26) == "Who said this? “one two…”"
    assert shorten('He said "one two three four five"', 20) == 'He said "one two…"'
    assert shorten("short", 20) == "short"


# --- every output that quotes follows the one rule ------------------------------------------------

_DOUBLED = ("““", "””", '“"', '"”', "“ “", "” ”")


def _marks_are_single_and_balanced(text: str, where: str) -> None:
    for n, line in enumerate(text.splitlines(), 1):
        for doubled in _DOUBLED:
            assert doubled not in line, f"{where}:{n}: {line}"
        assert line.count("“") == line.count("”"), f"{where}:{n}: {line}"
        # Inside a quote there is no straight double mark: nesting uses single curly ones.
        for span in line.split("“")[1:]:
            assert '"' not in span.split("”")[0], f"{where}:{n}: {line}"


def test_the_handout_key_and_results_of_the_bundled_scenario_quote_by_the_one_rule(tmp_path):
    from argmap.classroom import handout_markdown, handout_typst
    from argmap.classroom.gradebook import gradebook, plan_of
    from argmap.classroom.gradebook_formats import to_html, to_markdown, to_text
    from argmap.classroom.handout import build
    from argmap.classroom.labels import engine_labeller
    from argmap.classroom.results import ResultsFile, read_folder
    from argmap.debate.index import Debate
    from argmap.reading.locations import bundled_scenario
    from argmap.validation.load import load_scenario

    debate = Debate.from_loaded(load_scenario(bundled_scenario()))
    for side in debate.sides:
        made = build(debate, side, None, engine_labeller())
        _marks_are_single_and_balanced(handout_markdown.sheet(made), f"handout {side}")
        _marks_are_single_and_balanced(handout_markdown.key(made), f"key {side}")
        _marks_are_single_and_balanced(handout_typst.sheet(made), f"typst handout {side}")
        _marks_are_single_and_balanced(handout_typst.key(made), f"typst key {side}")
    with ResultsFile.open(tmp_path, "Ana", "abm", "h", "all") as rf:
        for ex in debate.scenario.exercises:
            rf.add(ex.id, ex.kind, ("x",), ("y",), False)  # every question missed: all are listed
    book = gradebook(read_folder(tmp_path).records, plan_of(debate))
    assert any("“" in (t.prompt or "") for t in book.most_missed)
    for name, text in (("text", to_text(book)), ("markdown", to_markdown(book)), ("html", to_html(book))):
        _marks_are_single_and_balanced(text, f"results {name}")
