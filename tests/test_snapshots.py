"""Snapshots of the main views at 80x24 and 120x40 (the harbour fixture, 15 January 2021).

Regenerate with ``pytest tests/test_snapshots.py --snapshot-update`` and look at the SVGs in
``tests/__snapshots__/test_snapshots/`` before committing them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.tui.app import make_app
from argmap.tui.start import StartExercises, StartRolePlay, StartWalkthrough
from argmap.validation.load import load_scenario

FIXTURES = Path(__file__).parent / "fixtures" / "tui"
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
AT = "2021-01-20"  # the joint communique: a new claim, a conflicting side, a contradiction


def harbour_app(**kwargs: str):
    loaded = load_scenario(FIXTURES / "harbour.yaml")
    assert loaded.ok
    return make_app(loaded, **kwargs)


@pytest.mark.parametrize("size", [*SIZES, pytest.param((200, 50), id="200x50")])
def test_positions_view(snap_compare, size):
    """Step 4 of 6, 15 January 2021, "Joint communique" in the bar at the top. The matrix has
    three topics down and North Town, South Town, West Isles across: North Town is
    "± conflicting" on sharing the cost (marked Δ), South Town "▲ for" (Δ, its first position)
    and West Isles "▲ for"; dredging is "▼ against" for North Town. Below, North Town's claims
    by topic: the joint statement is marked ✱ (new) and, like the council's refusal to pay,
    flagged "⚠ contradiction". Each claim carries its grounded label (✓ accepted, ✗ rejected,
    ? undecided) and the title line reads "grounded ✓3 ✗3 ?2". At 80x24 the sides are tabs
    (North Town shown); at 120x40 and 200x50 the three sides and the Commentators column stand
    side by side. Nothing is cut: a topic's question, a side's name and a cell's speaker wrap
    onto further lines of their column (at 80x24 a cell shows only the stance)."""
    assert snap_compare(harbour_app(date=AT), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_claim_detail(snap_compare, size):
    """The claim "The harbour must be expanded because ferries cannot turn in the old basin.":
    speaker Mayor of North Town, side North Town, 2 March 2020 (known to the day, step 1: First
    hearing), its topic, stance "▲ for", kind position; "Stands or falls": ✗ rejected under
    grounded semantics, with the chain of why in words (South Town's mayor's accepted claim,
    by its paraphrase and speaker, attacks it; no ids); one
    evidence quote with its source;
    relations: supports the standing claim, supported by the engineer's and the standing claim,
    attacked by South Town's mayor, and the link undercut by the analyst (dimmed: not yet said
    at this date)."""
    assert snap_compare(harbour_app(date=AT, claim="north-mayor-expand"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_source_reader(snap_compare, size):
    """The hearings record opened on the engineer's quote "dredging is safe for the fishing
    grounds, since the silt settles within a week", highlighted; other quoted passages in
    italics. Beside it (below it at 80x24), the claims citing the passage in view, the
    dredging claim among them."""
    assert snap_compare(harbour_app(date=AT, claim="engineer-dredging-safe"), press=["s"], terminal_size=size)


def test_debate_tree(snap_compare):
    """The tree of the mayor's expansion claim on 15 January 2021: two "+ pro" (the standing
    claim, which loops back with "↺ already above", and the engineer's claim, contradicted
    by his later one) and one "− con" (South Town's mayor); each claim with its grounded label
    mark after its stance, and the title saying the labels are grounded's."""
    assert snap_compare(harbour_app(date=AT, claim="north-mayor-expand"), press=["t"], terminal_size=(120, 40))


def test_help(snap_compare):
    """Help opened from the positions view: the keys that work everywhere (ctrl+p, ?, g,
    ctrl+t, q), then those of the positions view (arrows, Home End, d, /, t, f, F), of the
    claim detail and of the debate tree, each key listed once; further down (scrolling) the
    source reader, search, date and glossary keys, each semantics in words and the symbols."""
    assert snap_compare(harbour_app(), press=["question_mark"], terminal_size=(120, 40))


CLASSROOM = Path(__file__).parent / "fixtures" / "classroom" / "bridge.yaml"


def bridge():
    loaded = load_scenario(CLASSROOM)
    assert loaded.ok
    return loaded


def test_walkthrough(snap_compare):
    """Walkthrough "The dispute in four steps", step 2 of 4, on 1 May 2024 (step bar): the
    matrix with Upton "▲ for" and Downton "▼ against" on the new bridge; below it the
    relation: Reed's "An inspection in March found the old bridge sound." with its quote,
    "attacks ↓", then the mayor's "The old bridge is no longer safe for lorries." with its
    quote. Beside the map, the narration "Reed answers the safety worry."; a hint line with
    → next · ← back; the footer with ← Back → Next t Tree esc Leave."""
    from argmap.tui.app import make_app

    assert snap_compare(make_app(bridge(), start=StartWalkthrough("tour")), press=["right"], terminal_size=(120, 40))


def test_exercise(snap_compare, tmp_path):
    """Exercises, set basics, student Ana, question 1 of 5, "0 right" at 80x24, answered
    wrongly: the prompt "Who said this? “the new bridge must be built this year”
    (council-minutes)", the two speakers lettered a) and b), Councillor Reed (Downton), the
    one picked, marked ✗ and the Mayor of Upton (Upton) marked ✓; "✗ Not right. The answer
    is a)", then "From the sources" with the mayor's quote and date, and "▶ Next question
    (Enter)" under the cursor; the footer shows space Next, esc Leave."""
    from argmap.classroom.questions import Question, derive
    from argmap.debate.index import Debate
    from argmap.tui.app import make_app

    loaded = bridge()
    debate = Debate.from_loaded(loaded)
    question = derive(debate, debate.scenario.exercises[0])
    assert isinstance(question, Question)
    wrong = next(i for i, c in enumerate(question.choices) if c.value not in question.answer)
    app = make_app(loaded, start=StartExercises(set_name="basics", folder=tmp_path, student="Ana"))
    assert snap_compare(app, press=["abcd"[wrong]], terminal_size=(80, 24))


def test_role_play(snap_compare):
    """Role-play as Downton, round 1 of 2, on 1 April 2024 (step bar). Left: "Upton says:"
    the mayor's "The new bridge must be built this year." with speaker, date and quote,
    "Downton answered it in the sources."; then the answer played, Reed's inspection claim,
    marked "✗ That does not answer it", and "What Downton actually said:" Reed's traffic
    claim of 3 May 2024 with its quote, and "▶ Next round (Enter)". Right: "Answer as
    Downton", the search field and Downton's claims after "— Pass: answer nothing —"."""
    from argmap.tui.app import make_app

    assert snap_compare(make_app(bridge(), start=StartRolePlay("downton")), press=["enter"], terminal_size=(120, 40))
