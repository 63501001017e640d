"""The argumentation engine in the app: labels, what-if, semantics, explanations, standpoints."""

from __future__ import annotations

import re
from pathlib import Path

from argmap.tui.app import make_app
from argmap.tui.screens.claim import ClaimScreen
from argmap.tui.screens.positions import PositionsScreen
from argmap.tui.screens.source import SourceScreen
from argmap.tui.widgets.lines import LineList
from tests.conftest import WIDE, column, screen_text

FIXTURES = Path(__file__).parent / "fixtures" / "tui"


async def _at_last_step_on(app, pilot, claim: str) -> PositionsScreen:
    await pilot.press("end")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, PositionsScreen)
    col = next(
        c for c in (column(app, k) for k in ("north", "south", "west")) if any(r.target == claim for r in c.rows)
    )
    col.focus()
    col.move_to(claim)
    await pilot.pause()
    return screen


async def test_switching_a_claim_off_relabels_and_shows_the_what_if_until_reset(harbour):
    app = make_app(harbour)
    async with app.run_test(size=WIDE) as pilot:
        screen = await _at_last_step_on(app, pilot, "south-mayor-no-expand")
        assert screen.view.labels["south-mayor-no-expand"] == "in"
        assert screen.view.labels["north-mayor-expand"] == "out"
        assert "WHAT-IF" not in screen_text(app)
        await pilot.press("o")
        await pilot.pause()
        assert screen.state.whatif.off_claims == {"south-mayor-no-expand"}
        assert screen.view.labels["south-mayor-no-expand"] == "off"
        # Its only accepted attacker gone, the mayor's claim is no longer rejected.
        assert screen.view.labels["north-mayor-expand"] != "out"
        assert "WHAT-IF: 1 change (z resets)" in screen_text(app)
        await pilot.press("z")
        await pilot.pause()
        assert not screen.state.whatif.active
        assert screen.view.labels["north-mayor-expand"] == "out"
        assert "WHAT-IF" not in screen_text(app)


async def test_granting_a_claim_makes_it_stand_against_its_attackers(harbour):
    app = make_app(harbour)
    async with app.run_test(size=WIDE) as pilot:
        screen = await _at_last_step_on(app, pilot, "north-mayor-expand")
        assert screen.view.labels["north-mayor-expand"] == "out"
        await pilot.press("a")
        await pilot.pause()
        assert screen.view.labels["north-mayor-expand"] == "in"


async def test_semantics_in_force_is_visible_and_switches(harbour):
    app = make_app(harbour)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert "grounded" in screen_text(app).splitlines()[0]
        for expected in ("preferred", "stable", "complete", "grounded"):
            await pilot.press("m")
            await pilot.pause()
            assert app.screen.state.semantics == expected
            assert expected in screen_text(app).splitlines()[0]


async def test_claim_detail_explains_why_a_claim_falls(harbour):
    app = make_app(harbour)
    async with app.run_test(size=WIDE) as pilot:
        await _at_last_step_on(app, pilot, "north-mayor-expand")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ClaimScreen)
        text = screen_text(app)
        assert "Stands or falls" in text and "✗ rejected" in text
        why = text[text.index("Stands or falls") :]
        # In words: the attacker by its paraphrase and speaker; its id and the relation's only on demand.
        assert "“An expansion would take trade away from South Town.”" in why and "South" in why
        assert "south-mayor-no-expand" not in why and "south-attacks-mayor" not in why
        await pilot.press("i")
        await pilot.pause()
        why = screen_text(app)[screen_text(app).index("Stands or falls") :]
        assert "south-mayor-no-expand" in why and "south-attacks-mayor" in why
        await pilot.press("i")
        await pilot.pause()
        assert "south-mayor-no-expand" not in screen_text(app).split("Stands or falls")[1]
        await pilot.press("o")  # what-if from the detail: this claim itself switched off
        await pilot.pause()
        assert "Not in the debate at this step" in screen_text(app)


async def test_standpoints_list_the_preferred_extensions(harbour):
    app = make_app(harbour)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("end", "p")
        await pilot.pause()
        text = screen_text(app)
        assert "Standpoints (preferred extensions)" in text
        assert "standpoint" in text and "claims hold in every standpoint" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PositionsScreen)


async def test_a_speaker_can_be_switched_off_and_label_changes_are_counted(harbour):
    app = make_app(harbour)
    async with app.run_test(size=WIDE) as pilot:
        screen = await _at_last_step_on(app, pilot, "south-mayor-no-expand")
        await pilot.press("O")
        await pilot.pause()
        assert screen.state.whatif.off_actors == {"south-mayor"}
        assert screen.view.labels["south-mayor-no-expand"] == "off"
        assert "WHAT-IF: 1 change" in screen_text(app)
        await pilot.press("z", "home")
        await pilot.pause()
        for _ in range(screen.debate.last_step):
            await pilot.press("right")
            await pilot.pause()
            if re.search(r"\d+ labels? changed", screen_text(app).splitlines()[0]):
                break
        else:
            raise AssertionError("no step changed a label")


async def test_the_source_reader_switches_the_claims_of_its_source_off_and_back_on(harbour):
    app = make_app(harbour, claim="engineer-dredging-safe", date="2020-06")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SourceScreen)
        assert "switched off" not in screen_text(app)
        await pilot.press("o")
        await pilot.pause()
        assert app.screen.state.whatif.off_sources == {"hearings"}
        assert "switched off (what-if: o back on)" in screen_text(app)
        # The what-if goes back with the reader: the claim, quoted from the hearings alone, is out.
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ClaimScreen)
        assert app.screen.state.whatif.off_sources == {"hearings"}
        assert "Not in the debate at this step" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        home = app.screen
        assert isinstance(home, PositionsScreen)
        assert home.view.labels["engineer-dredging-safe"] == "off"
        assert "WHAT-IF: 1 change (z resets)" in screen_text(app)
        # Back on from the reader.
        home.open_claim("engineer-dredging-safe")
        await pilot.pause()
        await pilot.press("s", "o")
        await pilot.pause()
        assert not app.screen.state.whatif.active
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert home.view.labels["engineer-dredging-safe"] != "off"
        assert "WHAT-IF" not in screen_text(app)


async def test_help_lists_the_source_readers_what_if_key(harbour):
    app = make_app(harbour)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        rows = app.screen.query_one("#help", LineList).rows
        section = [r.key for r in rows if isinstance(r.key, tuple) and r.key[:2] == ("key", "Source reader")]
        assert ("key", "Source reader", "o", SourceScreen.BINDINGS[-1].description) in section


async def test_switching_semantics_says_what_it_means_and_whether_labels_changed(harbour):
    app = make_app(harbour)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("end", "m")
        await pilot.pause()
        (note,) = [n.message for n in app._notifications]
        assert note.startswith("Preferred: accepted when every preferred standpoint holds it")
        assert "Differs from grounded" in note
        assert re.search(
            r"At this step (\d+ claims? change label|every claim keeps the label it had under grounded)", note
        )


async def test_help_explains_each_semantics_and_the_labels_under_each(harbour):
    app = make_app(harbour)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        rows = app.screen.query_one("#help").rows
        text = "\n".join("".join(p[0] for p in r.pieces) for r in rows)
        for name in ("grounded", "preferred", "stable", "complete"):
            assert re.search(rf"^  {name} +accepted when", text, re.M), name
        assert "under grounded, an accepted claim attacks it; under the others, no standpoint holds it" in text
        assert "labels changed" in text


async def test_a_quote_that_carries_its_own_marks_is_shown_in_one_pair():
    from argmap.reading.locations import bundled_scenario

    from .conftest import valid

    app = make_app(valid(bundled_scenario()), claim="putin-nbc-joint-shield")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ClaimScreen)
        text = screen_text(app)
        assert "“Russia and the United States could jointly develop" in text
        assert '“"' not in text and '"”' not in text and "““" not in text and "””" not in text
