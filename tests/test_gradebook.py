"""The class gradebook: questions numbered as the handout numbers them, a score and completion
per set, a student-by-question grid, earlier attempts kept, one CSV table a spreadsheet opens."""

from __future__ import annotations

import csv
import io

import pytest
from markdown_it import MarkdownIt

from argmap.classroom import roleplay
from argmap.classroom.gradebook import gradebook, plan_of
from argmap.classroom.gradebook_formats import to_csv, to_html, to_markdown, to_text
from argmap.classroom.handout import build
from argmap.classroom.labels import engine_labeller
from argmap.classroom.records import Record
from argmap.classroom.results import ResultsFile, read_folder
from argmap.debate.index import Debate
from argmap.reading.locations import bundled_scenario
from argmap.validation.load import load_scenario


@pytest.fixture(scope="module")
def abm() -> Debate:
    loaded = load_scenario(bundled_scenario())
    assert loaded.ok
    return Debate.from_loaded(loaded)


def _answer(rf: ResultsFile, exercise: str, right: bool) -> Record:
    return rf.add(exercise, "who-said-it", ("a",), ("a",) if right else ("b",), right)


def _class(tmp_path, abm):
    """Ana does all of june-2000 (two wrong) and then retakes it; Bo does three questions;
    ``=Cy`` (a name a spreadsheet would take for a formula) plays a role-play round."""
    june = [ex.id for ex in abm.scenario.exercises if ex.set == "june-2000"]
    with ResultsFile.open(tmp_path, "Ana", "abm", "h", "june-2000") as rf:
        for i, ex in enumerate(june):
            _answer(rf, ex, i > 1)
        rf.retake()
        _answer(rf, june[0], True)
    with ResultsFile.open(tmp_path, "Bo", "abm", "h", "june-2000") as rf:
        for ex in june[:3]:
            _answer(rf, ex, True)
    play = roleplay.start(abm, "russia")
    with ResultsFile.open(tmp_path, "=Cy", "abm", "h", roleplay.roleplay_set("russia")) as rf:
        rf.add(play.rounds[0].opposing, roleplay.ROLEPLAY_KIND, (), play.rounds[0].replies, False)
    return gradebook(read_folder(tmp_path).records, plan_of(abm)), june


def test_questions_carry_the_numbers_of_the_handout(abm, tmp_path):
    book, _ = _class(tmp_path, abm)
    handout = build(abm, None, None, engine_labeller())
    by_exercise = {n.question.exercise: n.number for n in handout.questions}
    assert [c.label for c in book.columns] == [f"Q{by_exercise[c.exercise]}" for c in book.columns]
    assert len(book.columns) == len(abm.scenario.exercises) == 42


def test_the_csv_is_one_table_a_row_per_student(abm, tmp_path):
    book, june = _class(tmp_path, abm)
    rows = list(csv.reader(io.StringIO(to_csv(book))))
    head, body = rows[0], rows[1:]
    assert {len(r) for r in rows} == {len(head)}  # one rectangle, nothing stacked
    assert head[1:43] == [f"Q{n}" for n in range(1, 43)]
    assert [r[0] for r in body] == ["'=Cy", "Ana", "Bo"]
    ana = dict(zip(head, body[1], strict=True))
    # The latest attempt counts: one question answered again, right.
    assert ana["Q1"] == "1" and ana["Q2"] == "" and ana["june-2000 attempt"] == "2"
    assert ana["june-2000 answered"] == "1" and ana["june-2000 completion %"] == str(round(100 / len(june)))
    bo = dict(zip(head, body[2], strict=True))
    assert (bo["Q1"], bo["Q3"], bo["Q4"], bo["june-2000 right"]) == ("1", "1", "", "3")
    cy = dict(zip(head, body[0], strict=True))
    assert cy["role-play as Russia answered"] == "1" and cy["role-play as Russia right"] == "0"


def test_an_earlier_attempt_is_kept_and_shown(abm, tmp_path):
    book, june = _class(tmp_path, abm)
    ana = next(s for s in book.students if s.name == "Ana").sets["june-2000"]
    assert ana.attempt == 2 and ana.earlier == ((1, len(june) - 2, len(june)),)
    assert f"(attempt 2; before: {len(june) - 2}/{len(june)})" in to_text(book)


def test_the_text_grid_shows_each_students_answers_by_question(abm, tmp_path):
    book, _ = _class(tmp_path, abm)
    text = to_text(book)
    grid = text[text.index("june-2000: answers") :].splitlines()
    assert grid[1].split()[:4] == ["student", "Q1", "Q2", "Q3"]
    assert grid[4].split()[:5] == ["Bo", "✓", "✓", "✓", "·"]
    assert "role-play as Russia" in text and "0/1 right, 1 of" in text


def test_markdown_and_html_summaries_are_tables_with_every_text_escaped(abm, tmp_path):
    book, _ = _class(tmp_path, abm)
    with ResultsFile.open(tmp_path, "<b>Eve</b> | &amp;", "abm", "h", "june-2000") as rf:
        _answer(rf, "june-who-joint-shield", True)
    book = gradebook(read_folder(tmp_path).records, plan_of(abm))
    html = MarkdownIt("commonmark").enable("table").render(to_markdown(book))
    assert html.count("<table>") == 1 + 3 + 2  # sets, a grid per set of questions, most missed, kinds
    assert "<b>Eve" not in html and "&lt;b&gt;Eve&lt;/b&gt; | &amp;amp;" in html
    page = to_html(book)
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert "src=" not in page and "http" not in page  # nothing fetched
    assert "&lt;b&gt;Eve&lt;/b&gt; | &amp;amp;" in page and "<b>Eve" not in page


def test_results_numbers_questions_for_the_bundled_scenario_without_being_told(tmp_path, run_cli, abm):
    loaded = load_scenario(bundled_scenario())
    with ResultsFile.open(tmp_path, "Ana", bundled_scenario().stem, loaded.sha256, "september-2001") as rf:
        _answer(rf, "september-who-vershbow", False)
    ran = run_cli("results", str(tmp_path))
    assert ran.returncode == 0, ran.stderr
    number = next(n for n, ex in enumerate(abm.scenario.exercises, 1) if ex.id == "september-who-vershbow")
    assert f"Q{number}" in ran.stdout and "september-who-vershbow" not in ran.stdout
    assert "1 of 15 done" in ran.stdout
    for fmt in ("csv", "questions-csv", "markdown", "html"):
        assert run_cli("results", str(tmp_path), "--format", fmt).returncode == 0
