"""Handouts: valid Markdown, a print-ready PDF, one numbering with the key, sources by title,
no answer given away, every scenario text printed literally."""

from __future__ import annotations

import json
import re

import pytest
import typst
from markdown_it import MarkdownIt

from argmap.classroom import handout_markdown, handout_typst
from argmap.classroom.handout import Handout, Numbered, Reference, SetSection, build
from argmap.classroom.labels import engine_labeller
from argmap.classroom.numbering import numbers
from argmap.classroom.question import Choice, Question
from argmap.debate.index import Debate
from argmap.reading.locations import bundled_scenario
from argmap.validation.load import load_scenario

HOSTILE = 'A #claim *with* $x$ [b] ]\\ @ref <lab> `code` "q" #panic("ran") _u_ | & ~ !'


@pytest.fixture(scope="module")
def abm() -> Debate:
    loaded = load_scenario(bundled_scenario())
    assert loaded.ok
    return Debate.from_loaded(loaded)


@pytest.fixture(scope="module")
def made(abm: Debate) -> Handout:
    return build(abm, "russia", None, engine_labeller())


def _tokens(text: str):
    return MarkdownIt("commonmark").parse(text)


def test_each_choice_is_its_own_list_item_under_its_numbered_question(made):
    tokens = _tokens(handout_markdown.sheet(made))
    questions = made.questions
    starts = [int(t.attrs.get("start", 1)) for t in tokens if t.type == "ordered_list_open"]
    # A list per run of numbers that follow one another, starting at its first number.
    runs = [
        n.number
        for s in made.sections
        for i, n in enumerate(s.questions)
        if i == 0 or n.number != s.questions[i - 1].number + 1
    ]
    assert starts == runs and 40 in runs
    items, depth, choices = [], 0, []
    for t in tokens:
        if t.type == "ordered_list_open":
            depth += 1
        elif t.type == "ordered_list_close":
            depth -= 1
        elif t.type == "list_item_open" and t.level == 1 and depth:
            items.append(t)
        elif t.type == "inline" and t.content[:3] in {f"{c}) " for c in "abcdefgh"} and depth:
            choices.append(t.content)
    assert len(items) == len(questions) == 42
    assert len(choices) == sum(len(n.question.choices) for n in questions)


def test_questions_past_nine_stay_in_the_list(made):
    text = handout_markdown.sheet(made)
    html = MarkdownIt("commonmark").render(text)
    # A question whose choices broke out of its list would leave a paragraph starting "- a)"
    # or a code block; neither happens.
    assert "<pre>" not in html and "<p>- a)" not in html
    assert text.count("\n10. ") == 1 and "\n    - a) " in text


def test_a_question_whose_number_does_not_follow_starts_a_new_list():
    q = Question("x", "who-said-it", "Prompt?", (Choice("a", "A"), Choice("b", "B")), ("a",), 1, False, ())
    made = Handout("T", "S", None, (), (SetSection("s", (Numbered(3, q), Numbered(9, q))),), ())
    html = MarkdownIt("commonmark").render(handout_markdown.sheet(made))
    assert '<ol start="3">' in html and '<ol start="9">' in html


def test_the_sheet_has_a_section_per_set_a_name_line_and_the_sources(made, abm):
    text = handout_markdown.sheet(made)
    headings = re.findall(r"^## (.+)$", text, re.M)
    assert headings == ["Brief: Russia", "Set june-2000", "Set september-2001", "Set positions", "Sources"]
    assert text.splitlines()[2].startswith("Name: ") and "Date: " in text.splitlines()[2]
    sources = text[text.index("## Sources") :]
    assert "Wade Boese, “Russia Sends Conflicting Messages on Missile Defenses”, Arms Control Today" in sources
    assert "October 2001" in sources and "<https://www.armscontrol.org/act/2001-10/" in sources
    # Sources are named by title, never by their ids, on the sheet and in the key.
    for source in abm.scenario.sources:
        assert f"({source.id})" not in text
        assert f"({source.id})" not in handout_markdown.key(made)


def test_the_key_is_apart_and_numbered_as_the_sheet(made, abm):
    sheet, key = handout_markdown.sheet(made), handout_markdown.key(made)
    number = numbers(abm.scenario)
    for item in made.questions:
        assert item.number == number[item.question.exercise]
        assert f"\n{item.number}. {handout_markdown.md(item.answer_text()[0])}" in key
    assert "answer key" not in sheet and "From the sources" not in sheet
    assert re.findall(r"^## (.+)$", key, re.M) == ["Set june-2000", "Set september-2001", "Set positions"]


def test_only_one_set_keeps_the_numbers_of_the_whole(abm):
    made = build(abm, None, "september-2001", engine_labeller())
    first = next(i for i, ex in enumerate(abm.scenario.exercises, 1) if ex.set == "september-2001")
    assert made.questions[0].number == first > 1


def test_order_in_time_choices_give_no_dates(abm, made):
    orders = [n.question for n in made.questions if n.question.kind == "order-in-time"]
    assert orders
    for q in orders:
        for choice in q.choices:
            date = abm.date_of_claim(choice.value)
            assert date is not None and date.describe() not in choice.label
    sheet = handout_markdown.sheet(made)
    for q in orders:
        for choice in q.choices:
            assert handout_markdown.md(choice.label) in sheet


def test_typst_string_literals_hold_any_text_exactly():
    for text in (HOSTILE, "\\", '"', '\\"', "line\nbreak\ttab", "#", "}", ")"):
        found = typst.query(f"#metadata({handout_typst.lit(text)}) <t>".encode(), "<t>", field="value")
        assert json.loads(found) == [text]


def _hostile_handout() -> Handout:
    choices = (Choice("a", HOSTILE), Choice("b", "plain"))
    q = Question("x", "pick", HOSTILE, choices, ("a",), 1, False, (HOSTILE,), HOSTILE)
    ordered = Question("y", "order-in-time", HOSTILE, choices, ("a", "b"), 2, True, ())
    refs = (Reference(HOSTILE, HOSTILE, HOSTILE, HOSTILE, 'https://example.org/a b"c'),)
    return Handout(HOSTILE, HOSTILE, HOSTILE, (), (SetSection(HOSTILE, (Numbered(1, q), Numbered(2, ordered))),), refs)


def test_scenario_text_prints_literally_in_the_pdf():
    made = _hostile_handout()
    for document in (handout_typst.sheet(made), handout_typst.key(made)):
        # It compiles (no text ran as code: #panic would stop it) ...
        assert handout_typst.pdf(document).startswith(b"%PDF")
        # ... and the headings hold the texts exactly as written.
        bodies = json.loads(typst.query(document.encode(), "heading", field="body"))
        assert any(json.dumps(HOSTILE)[1:-1] in json.dumps(b) for b in bodies)


def test_scenario_text_is_escaped_in_the_markdown():
    made = _hostile_handout()
    html = MarkdownIt("commonmark").render(handout_markdown.sheet(made))
    assert "<em>" not in html.replace("<em>Pick", "") and "<code>" not in html and "<lab>" not in html
    assert "#claim *with* $x$ [b]" in html.replace("&quot;", '"')


def test_the_pdf_of_the_bundled_handout_has_pages(made):
    pages = handout_typst.png_pages(handout_typst.sheet(made), ppi=20)
    assert len(pages) > 5 and all(p.startswith(b"\x89PNG") for p in pages)


def test_handout_command_takes_a_side_by_name_in_any_case_and_writes_a_pdf(run_cli, tmp_path):
    ran = run_cli("handout", "--side", "Russia", "-o", str(tmp_path / "h.md"))
    assert ran.returncode == 0, ran.stderr
    assert "## Brief: Russia" in (tmp_path / "h.md").read_text(encoding="utf-8")
    ran = run_cli("handout", "--side", "UNITED STATES", "--format", "pdf", cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    assert (tmp_path / "abm-treaty-1997-2001-handout.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "abm-treaty-1997-2001-handout-answers.pdf").read_bytes().startswith(b"%PDF")
    ran = run_cli("handout", "--side", "Mars", cwd=tmp_path)
    assert ran.returncode == 2 and "Russia (russia)" in ran.stderr
