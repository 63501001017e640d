"""Classroom core: questions derived from the map, grading, results files, summaries, handouts,
role-play."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.authoring.starter import render
from argmap.classroom import roleplay
from argmap.classroom.gradebook import gradebook
from argmap.classroom.gradebook_formats import questions_csv, to_markdown, to_text
from argmap.classroom.handout_markdown import handout
from argmap.classroom.questions import Question, derive, grade
from argmap.classroom.results import ResultsFile, read_folder
from argmap.classroom.summary import summarise
from argmap.debate.index import Debate
from argmap.validation.load import load_scenario

DATES = {
    "mayor-build-now": "2024-04-01",
    "mayor-old-bridge-unsafe": "2024-04-15",
    "reed-bridge-sound": "2024-05-01",
    "reed-more-traffic": "2024-05-03",
}

EXERCISES = """
exercises:
  - {id: who-build, kind: who-said-it, set: basics, claim: mayor-build-now}
  - {id: rebut-unsafe, kind: find-the-rebuttal, set: basics, claim: mayor-old-bridge-unsafe,
     options: [reed-bridge-sound, mayor-build-now]}
  - {id: supports-what, kind: what-does-it-support, set: basics, claim: mayor-old-bridge-unsafe,
     options: [mayor-build-now, reed-more-traffic]}
  - {id: order, kind: order-in-time, set: basics,
     claims: [reed-more-traffic, mayor-build-now, reed-bridge-sound]}
  - {id: stance, kind: fill-the-stance, set: basics, side: downton, topic: new-bridge, date: 2024-05}
walkthroughs:
  - id: tour
    title: The dispute in two steps
    steps:
      - {narration: The mayor speaks first., date: 2024-04, focus: {claim: mayor-build-now}}
      - {narration: Downton replies., date: 2024-05-03, focus: {side: downton}}
"""


def _scenario_text(extra: str = EXERCISES) -> str:
    text = render("c.yaml", "c-source.txt")[0]
    for claim, date in DATES.items():
        start = text.index(f"  - id: {claim}\n")
        at = text.index("    event: council-meeting\n", start)
        text = text[:at] + f"    date: {date}\n" + text[at + len("    event: council-meeting\n") :]
    return text + extra


@pytest.fixture
def write(tmp_path: Path):
    def write(extra: str = EXERCISES) -> Path:
        (tmp_path / "c-source.txt").write_text(render("c.yaml", "c-source.txt")[1], encoding="utf-8")
        path = tmp_path / "c.yaml"
        path.write_text(_scenario_text(extra), encoding="utf-8")
        return path

    return write


@pytest.fixture
def debate(write) -> Debate:
    loaded = load_scenario(write())
    assert loaded.ok, [d.render() for d in loaded.diagnostics]
    return Debate.from_loaded(loaded)


def _question(debate: Debate, exercise_id: str) -> Question:
    ex = next(e for e in debate.scenario.exercises if e.id == exercise_id)
    q = derive(debate, ex)
    assert isinstance(q, Question), q
    return q


def test_answers_are_read_off_the_map(debate):
    assert _question(debate, "who-build").answer == ("upton-mayor",)
    assert _question(debate, "rebut-unsafe").answer == ("reed-bridge-sound",)
    assert _question(debate, "supports-what").answer == ("mayor-build-now",)
    assert _question(debate, "order").answer == ("mayor-build-now", "reed-bridge-sound", "reed-more-traffic")
    assert _question(debate, "stance").answer == ("against",)


def test_who_said_it_offers_other_speakers_and_quotes_the_source(debate):
    q = _question(debate, "who-build")
    values = [c.value for c in q.choices]
    assert "upton-mayor" in values and len(values) >= 2
    assert "the new bridge must be built this year" in q.prompt
    # The source is named by its title, not its id.
    assert any("(Town Council Minutes, 3 May 2024)" in line for line in q.feedback)


def test_grading_right_and_wrong(debate):
    order = _question(debate, "order")
    assert grade(order, ("mayor-build-now", "reed-bridge-sound", "reed-more-traffic")).correct
    assert not grade(order, ("reed-bridge-sound", "mayor-build-now", "reed-more-traffic")).correct
    rebut = _question(debate, "rebut-unsafe")
    assert grade(rebut, ("reed-bridge-sound",)).correct
    assert not grade(rebut, ("mayor-build-now",)).correct


@pytest.mark.parametrize(
    ("exercise", "code", "words"),
    [
        (
            "{id: x, kind: find-the-rebuttal, claim: reed-bridge-sound, options: [reed-more-traffic, mayor-build-now]}",
            "E117",
            "no option",
        ),
        (
            "{id: x, kind: what-does-it-support, claim: reed-bridge-sound, options: [mayor-build-now]}",
            "E117",
            "no option",
        ),
        ("{id: x, kind: find-the-rebuttal, claim: mayor-build-now}", "E116", "needs 'options'"),
        (
            "{id: x, kind: fill-the-stance, side: downton, topic: new-bridge, date: 2024-05, answer: for}",
            "E117",
            "not the map's",
        ),
        ("{id: x, kind: fill-the-stance, side: downton, topic: new-bridge, date: 2024-04}", "E117", "no stance"),
        ("{id: x, kind: who-said-it, claim: mayor-build-now, options: [upton, reed, nobody]}", "E101", "unknown"),
    ],
)
def test_validator_rejects_exercises_the_map_contradicts(write, exercise, code, words):
    loaded = load_scenario(write(f"\nexercises:\n  - {exercise}\n"))
    found = [d for d in loaded.diagnostics if d.code == code]
    assert found and words in found[0].message, [d.render() for d in loaded.diagnostics]
    assert found[0].line > 1


def test_a_distractor_that_is_also_right_is_rejected(write):
    text = _scenario_text("") + (
        "  - {id: extra-attack, type: attacks, from: reed-more-traffic, to: mayor-old-bridge-unsafe}\n"
        "exercises:\n  - {id: x, kind: find-the-rebuttal, claim: mayor-old-bridge-unsafe,"
        " options: [reed-bridge-sound, reed-more-traffic]}\n"
    )
    path = write("")
    path.write_text(text, encoding="utf-8")
    diags = load_scenario(path).diagnostics
    assert [d.code for d in diags] == ["E117"] and "distractor is also right" in diags[0].message


def test_walkthrough_focus_must_name_one_thing(write):
    loaded = load_scenario(
        write(
            "walkthroughs:\n  - id: t\n    title: T\n    steps:\n"
            "      - {narration: x, focus: {claim: mayor-build-now, side: upton}}\n"
            "      - {narration: y, focus: {side: reed}}\n"
        )
    )
    assert sorted(d.code for d in loaded.diagnostics) == ["E118", "E118"]


def test_results_file_saves_each_answer_and_resumes(tmp_path, debate):
    folder = tmp_path / "results"
    with ResultsFile.open(folder, "Ana Lima", "c", "hash-1", "basics") as rf:
        rf.add("who-build", "who-said-it", ("upton-mayor",), ("upton-mayor",), True)
        on_disk = [json.loads(line) for line in rf.path.read_text().splitlines()]
    assert on_disk[0]["exercise"] == "who-build" and on_disk[0]["correct"] is True
    assert on_disk[0]["scenario_sha256"] == "hash-1"
    with ResultsFile.open(folder, "Ana Lima", "c", "hash-1", "basics") as again:
        assert set(again.answered()) == {"who-build"}
    with ResultsFile.open(folder, "Ana Lima", "c", "hash-2", "basics") as newer:
        assert newer.answered() == {} and len(newer.older) == 1


def test_a_damaged_line_is_skipped_not_fatal(tmp_path):
    with ResultsFile.open(tmp_path, "Bo", "c", "h", "s") as rf:
        rf.add("e1", "who-said-it", ("a",), ("a",), True)
    with rf.path.open("a", encoding="utf-8") as handle:
        handle.write('{"student": "Bo", "exerc')
    with ResultsFile.open(tmp_path, "Bo", "c", "h", "s") as again:
        assert len(again.records) == 1 and len(again.unreadable) == 1


def test_class_summary_per_student_exercise_kind_and_most_missed(tmp_path):
    for student, right in (("Ana", True), ("Bo", False), ("Cy", False)):
        with ResultsFile.open(tmp_path, student, "c", "h", "basics") as rf:
            rf.add("rebut", "find-the-rebuttal", ("x",), ("x" if right else "y",), right)
            rf.add("who", "who-said-it", ("p",), ("p",), True)
    summary = summarise(read_folder(tmp_path).records)
    assert [(t.name, t.answered, t.correct) for t in summary.students] == [("Ana", 2, 2), ("Bo", 2, 1), ("Cy", 2, 1)]
    assert summary.most_missed[0].name == "rebut" and summary.most_missed[0].correct == 1
    book = gradebook(read_folder(tmp_path).records)
    assert "rebut" in to_text(book)
    assert "| rebut | 3 | 1 | 33% |" in to_markdown(book)
    assert "rebut,rebut,basics,find-the-rebuttal,3,1,33" in questions_csv(book)


def test_handout_has_brief_exercises_and_a_separate_key(debate):
    sheet, key = handout(debate, "downton", "basics")
    assert "## Brief: Downton" in sheet
    assert "the old bridge was inspected in March and found sound" in sheet
    assert "## Set basics" in sheet and "Put these statements in the order" in sheet
    assert "answer key" in key and "Councillor Reed" in key
    assert "a) " in sheet and "reed-bridge-sound" not in sheet


def test_roleplay_scores_real_attacks_and_lists_unanswered_ones(debate):
    play = roleplay.start(debate, "downton")
    # Upton's claims arrive in order; Downton's documented replies attack them.
    assert [r.opposing for r in play.rounds] == ["mayor-build-now", "mayor-old-bridge-unsafe"]
    assert play.current.replies == ("reed-more-traffic",)
    play = roleplay.answer(debate, play, "reed-bridge-sound")  # true, but it answers the other claim
    assert play.turns[-1].scored is False
    play = roleplay.answer(debate, play, "reed-bridge-sound")
    assert play.turns[-1].scored is True and play.finished
    result = roleplay.outcome(debate, play)
    assert result.score == 1 and result.rounds == 2
    assert result.answered == 2 and [r.opposing for r in result.not_rebutted] == ["mayor-build-now"]
    with pytest.raises(ValueError):
        roleplay.answer(debate, play, None)


def test_roleplay_counts_agree_a_wrong_answer_is_answered_and_a_pass_is_not(debate):
    play = roleplay.start(debate, "downton")
    play = roleplay.answer(debate, play, "reed-bridge-sound")  # answered, no rebuttal
    assert play.answered == 1 and play.score == 0
    play = roleplay.answer(debate, play, None)
    result = roleplay.outcome(debate, play)
    assert (result.score, result.answered, len(result.passed)) == (0, 1, 1)
    assert result.score + len(result.not_rebutted) + len(result.passed) == result.rounds == 2


def test_roleplay_refuses_claims_of_another_side(debate):
    play = roleplay.start(debate, "downton")
    with pytest.raises(ValueError):
        roleplay.answer(debate, play, "mayor-build-now")


def test_results_and_handout_commands(tmp_path, write, run_cli):
    for student in ("Ana", "Bo"):
        with ResultsFile.open(tmp_path / "res", student, "c", "h", "basics") as rf:
            rf.add("who-build", "who-said-it", ("upton-mayor",), ("upton-mayor",), student == "Ana")

    def run(*args: str):
        return run_cli(*args, cwd=tmp_path)

    scenario = write()
    out = run("results", str(tmp_path / "res"))
    assert out.returncode == 0 and "Ana" in out.stdout and "most missed" in out.stdout
    out = run("results", str(tmp_path / "res"), "--scenario", str(scenario), "--format", "csv", "-o", "class.csv")
    rows = (tmp_path / "class.csv").read_text().splitlines()
    assert out.returncode == 0 and rows[0].startswith("student,Q1,Q2,Q3,Q4,Q5,basics right,basics answered")
    assert rows[2] == "Bo,0,,,,,0,1,20,1"
    assert run("results", str(tmp_path / "nope")).returncode == 2

    out = run("handout", str(scenario), "--side", "downton", "--set", "basics", "-o", "sheet.md")
    assert out.returncode == 0, out.stderr
    assert "## Brief: Downton" in (tmp_path / "sheet.md").read_text()
    assert "answer key" in (tmp_path / "sheet-answers.md").read_text()
    assert run("handout", str(scenario), "--side", "reed").returncode == 2


def test_who_said_it_takes_speakers_as_options_and_places_the_answer_by_id(write):
    loaded = load_scenario(
        write(
            "exercises:\n"
            "  - {id: a, kind: who-said-it, claim: reed-bridge-sound, options: [upton-mayor, reed, upton]}\n"
            "  - {id: b, kind: who-said-it, claim: reed-bridge-sound}\n"
            "  - {id: c, kind: who-said-it, claim: reed-bridge-sound, options: [upton-mayor, downton]}\n"
        )
    )
    assert loaded.ok, [d.render() for d in loaded.diagnostics]
    debate = Debate.from_loaded(loaded)
    given = _question(debate, "a")
    assert [c.value for c in given.choices] == ["upton-mayor", "reed", "upton"]
    generated = _question(debate, "b")
    assert generated.answer == ("reed",) and "reed" in [c.value for c in generated.choices]
    assert [c.value for c in _question(debate, "b").choices] == [c.value for c in generated.choices]
    assert "reed" in [c.value for c in _question(debate, "c").choices]
    assert "Councillor Reed (Downton)" in [c.label for c in generated.choices]


def test_stance_question_reads_naturally(debate):
    assert _question(debate, "stance").prompt.startswith("Downton, in May 2024: where did this side stand on")


def test_walkthrough_steps_move_the_debate_to_their_focus(debate):
    from argmap.classroom.walkthrough import Tour, find

    tour = Tour(find(debate, "tour"))
    assert tour.debate_step(debate) == debate.step_of_claim("mayor-build-now")
    tour = tour.next()
    assert tour.at_end and tour.debate_step(debate) == debate.step_of_date("2024-05-03")
    assert tour.next() == tour and tour.back().at_start
    with pytest.raises(ValueError, match="walkthroughs: tour"):
        find(debate, "nope")


def test_a_quote_already_in_quotation_marks_is_not_wrapped_twice(debate):
    from argmap.classroom.question import quote as _quote

    title = "(Town Council Minutes, 3 May 2024)"
    assert _quote(debate, "mayor-build-now") == f"\u201cthe new bridge must be built this year\u201d {title}"
    quoted = debate.claims["mayor-build-now"].model_copy(
        update={"evidence": (debate.claims["mayor-build-now"].evidence[0].model_copy(update={"quote": '"x y"'}),)}
    )
    debate.claims["mayor-build-now"] = quoted
    assert _quote(debate, "mayor-build-now") == f"\u201cx y\u201d {title}"


def test_every_kind_of_exercise_has_its_model_and_its_module():
    from argmap.classroom.kinds import KINDS
    from argmap.scenario.exercises import EXERCISE_MODELS

    assert list(KINDS) == list(EXERCISE_MODELS)
    assert all(KINDS[name].model is model for name, model in EXERCISE_MODELS.items())
    for kind in KINDS.values():
        assert all(ref.key in kind.model.model_fields for ref in kind.references)
