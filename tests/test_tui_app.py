"""The terminal UI driven by keys: stepping, claim detail, tree, source, search, palette."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.tui.app import ArgmapApp, make_app
from argmap.tui.screens.positions import PositionsScreen
from argmap.tui.widgets.columns import ClaimColumn, SidePanel
from argmap.tui.widgets.lines import LineList
from argmap.tui.widgets.matrix import PositionMatrix
from argmap.validation.load import load_scenario
from argmap.views.present import APART
from tests.conftest import NARROW, WIDE, column, screen_text

FIXTURES = Path(__file__).parent / "fixtures" / "tui"


def matrix_cell(app: ArgmapApp, topic: str) -> str:
    matrix = app.screen.query_one(PositionMatrix)
    row = next(r for r in matrix.rows if r.target == topic)
    return "".join(text for text, _ in row.pieces)


def row_text(widget: LineList, target: object) -> str:
    row = next(r for r in widget.rows if r.target == target)
    return "".join(text for text, _ in row.pieces)


def claims_in(col: ClaimColumn) -> list[str]:
    return [r.target for r in col.rows if isinstance(r.target, str)]


async def test_opens_at_the_first_step_on_the_positions_view(harbour):
    app = make_app(harbour)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PositionsScreen)
        assert screen.state.step == 0
        assert "Step 0 of 6" in screen_text(app)
        assert claims_in(column(app, "north")) == ["north-always-expand"]
        assert claims_in(column(app, "south")) == []
        # Commentators are a column apart, never a side of the matrix.
        assert [p.key for p in screen.query(SidePanel)] == ["north", "south", "west", APART]
        assert "A. Analyst" not in screen.query_one("#matrix-header", LineList).rows[0].pieces[-1][0]


async def test_stepping_changes_the_date_and_the_positions(harbour):
    app = make_app(harbour)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("right")
        await pilot.pause()
        assert app.screen.state.step == 1
        assert "2 March 2020" in screen_text(app)
        assert "▼ against" in matrix_cell(app, "expand").split("North Town")[-1]
        assert "▲ for" in matrix_cell(app, "dredging-safe")
        await pilot.press("right", "right")
        await pilot.pause()
        # The engineer changed his mind at the second hearing: marked as a change.
        assert app.screen.state.step == 3
        cell = matrix_cell(app, "dredging-safe")
        assert "Δ▼ against" in cell
        await pilot.press("right")
        await pilot.pause()
        assert "± conflicting" in matrix_cell(app, "share-cost")
        await pilot.press("end")
        await pilot.pause()
        assert app.screen.state.step == 6
        assert claims_in(column(app, APART)) == ["analyst-trade-guess"]
        await pilot.press("home")
        await pilot.pause()
        assert app.screen.state.step == 0
        await pilot.press("left")
        await pilot.pause()
        assert app.screen.state.step == 0


async def test_new_claims_and_contradictions_are_marked(harbour):
    app = make_app(harbour, date="2020-06")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert app.screen.state.step == 3
        north = column(app, "north")
        rows = {r.target: r for r in north.rows if isinstance(r.target, str)}
        new = rows["engineer-dredging-harmful"]
        assert new.role == "new" and new.pieces[0][0].startswith("✱")
        flags = {cid for cid, r in rows.items() if any("⚠" in t for t, _ in r.pieces)}
        assert flags == {"engineer-dredging-safe", "engineer-dredging-harmful"}
        marked = {cid for cid, r in rows.items() if r.pieces[0][0].startswith("✱")}
        assert marked == {"engineer-dredging-harmful", "north-council-no-pay"}


async def test_jump_to_a_date(harbour):
    app = make_app(harbour)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("d")
        await pilot.pause()
        await pilot.press(*"2021-02", "enter")
        await pilot.pause()
        assert app.screen.state.step == 4
        await pilot.press("d")
        await pilot.pause()
        await pilot.press(*"2021-13", "enter")
        await pilot.pause()
        assert "month 13 does not exist" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.state.step == 4


async def test_folding_a_speaker(harbour):
    app = make_app(harbour, date="2020-06")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("1")
        await pilot.pause()
        north = column(app, "north")
        assert app.screen.focused is north
        north.move_to("engineer-dredging-safe")
        await pilot.press("f")
        await pilot.pause()
        assert app.screen.state.folded == {"north-engineer"}
        assert "engineer-dredging-safe" not in claims_in(north)
        assert north.highlighted == ("speaker", "north-engineer")
        assert "Town engineer: 2 claims folded" in row_text(north, ("speaker", "north-engineer"))
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.state.folded == frozenset()
        assert "engineer-dredging-safe" in claims_in(north)


async def test_claim_detail_follows_relations_and_goes_back(harbour):
    app = make_app(harbour, claim="north-mayor-expand", date="2021-01")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "ClaimScreen"
        assert screen.state.selected == "north-mayor-expand"
        text = screen_text(app)
        assert "Mayor of North Town" in text and "2 March 2020" in text and "(known to the day)" in text
        assert "attacked by" in text and "supported by" in text
        detail = screen.query_one("#detail", LineList)
        detail.move_to(("claim", "south-mayor-no-expand"))
        await pilot.press("enter")
        await pilot.pause()
        assert screen.state.selected == "south-mayor-no-expand"
        assert screen.state.history == ("north-mayor-expand",)
        assert "An expansion would take trade away" in screen_text(app)
        await pilot.press("backspace")
        await pilot.pause()
        assert screen.state.selected == "north-mayor-expand"
        assert screen.state.history == ()
        # With no history left, Backspace returns to the positions view.
        await pilot.press("backspace")
        await pilot.pause()
        assert isinstance(app.screen, PositionsScreen)
        assert app.screen.state.selected == "north-mayor-expand"


async def test_following_a_relation_to_a_later_claim_moves_the_date(harbour):
    app = make_app(harbour, claim="north-mayor-expand")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.state.step == 1
        detail = screen.query_one("#detail", LineList)
        assert "(not yet said at this date)" in row_text(detail, ("claim", "analyst-trade-guess"))
        screen.query_one("#detail", LineList).move_to(("claim", "analyst-trade-guess"))
        await pilot.press("enter")
        await pilot.pause()
        assert screen.state.selected == "analyst-trade-guess"
        assert screen.state.step == 6


async def test_contradiction_is_flagged_in_the_detail(harbour):
    app = make_app(harbour, claim="engineer-dredging-safe", date="2020-06")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert "⚠ North Town contradicts itself" in screen_text(app)


async def test_debate_tree_opens_a_claim(harbour):
    app = make_app(harbour, date="2021-12")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("1")
        column(app, "north").move_to("north-mayor-expand")
        await pilot.press("t")
        await pilot.pause()
        assert type(app.screen).__name__ == "TreeScreen"
        text = screen_text(app)
        assert "+ pro" in text and "− con" in text and "↺ already above" in text
        assert "× undercuts the link" in text
        assert "labels under grounded" in text.splitlines()[0]
        tree = app.screen.query_one("#tree", LineList)
        # Each claim shows its label, as the positions view does.
        evaluation = app.screen.evaluate(app.screen.state)
        for row in tree.rows:
            claim = app.screen.nodes[row.target]
            mark = {"in": "✓", "out": "✗", "undec": "?"}.get(evaluation.label(claim) or "", "⊘")
            assert mark + " " in "".join(text for text, _ in row.pieces), claim
        count = len(tree.rows)
        await pilot.press("space")  # fold the root
        await pilot.pause()
        assert len(tree.rows) == 1
        await pilot.press("space")
        await pilot.pause()
        assert len(tree.rows) == count
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ClaimScreen"
        assert app.screen.state.selected == "engineer-dredging-safe"


async def test_tree_is_limited_to_the_current_date(harbour):
    app = make_app(harbour, date="2020-03")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("1")
        column(app, "north").move_to("north-mayor-expand")
        await pilot.press("t")
        await pilot.pause()
        text = screen_text(app)
        assert "New soundings" not in text and "unpublished figures" not in text


async def test_source_reader_shows_the_quoted_passage(harbour):
    app = make_app(harbour, claim="engineer-dredging-safe", date="2020-06")
    async with app.run_test(size=(80, 16)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "SourceScreen"
        reader = screen.query_one("#reader")
        y = reader.first_line_with("target")
        top = reader.scroll_offset.y
        assert top <= y < top + reader.scrollable_content_region.height
        highlighted = "".join(t for t, r in reader.line_at(y)[1] if r == "target")
        assert highlighted.startswith("dredging is safe")
        start, end = screen.visible_span()
        cite = app.debate.citation("engineer-dredging-safe", 0)
        assert start <= cite.start and cite.end <= end
        cited = screen.query_one("#cited-list", LineList)
        assert ("claim", "engineer-dredging-safe") in [r.target for r in cited.rows]
        # Scrolling to the end shows other passages and the claims citing them.
        await pilot.press("pagedown", "pagedown", "pagedown")
        await pilot.pause()
        assert ("claim", "south-now-expand") in [r.target for r in cited.rows]
        cited.focus()
        cited.move_to(("claim", "south-now-expand"))
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ClaimScreen"
        assert app.screen.state.selected == "south-now-expand"


async def test_search_finds_and_opens_a_claim(harbour):
    app = make_app(harbour)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press(*"silt settles")
        await pilot.pause()
        results = app.screen.query_one("#results", LineList)
        assert [r.target for r in results.rows] == ["engineer-dredging-safe"]
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ClaimScreen"
        assert app.screen.state.selected == "engineer-dredging-safe"
        assert app.screen.state.step == 1  # moved on to when it was said


async def test_search_by_speaker_and_nothing_found(harbour):
    app = make_app(harbour, date="2021-12")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("slash")
        await pilot.press(*"west isles")
        await pilot.pause()
        results = app.screen.query_one("#results", LineList)
        assert [r.target for r in results.rows] == ["west-share"]
        await pilot.press("ctrl+a", "ctrl+k", *"zzz")
        await pilot.pause()
        assert results.rows == []
        assert "No claim matches." in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PositionsScreen)


async def test_palette_jumps_to_a_topic_and_a_date(harbour):
    app = make_app(harbour)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"2021-03")
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PositionsScreen)
        assert app.screen.state.step == 5
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"dredging safe fishing")
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        matrix = app.screen.query_one(PositionMatrix)
        assert app.screen.focused is matrix
        assert matrix.highlighted == "dredging-safe"


async def test_narrow_terminal_shows_sides_as_tabs(harbour):
    app = make_app(harbour, date="2021-12")
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.has_class("-narrow")
        visible = [p.key for p in screen.query(SidePanel) if p.display]
        assert visible == ["north"]
        await pilot.press("2")
        await pilot.pause()
        visible = [p.key for p in screen.query(SidePanel) if p.display]
        assert visible == ["south"]
        assert "With the cost shared" in screen_text(app)


async def test_wide_terminal_shows_sides_side_by_side(harbour):
    app = make_app(harbour)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        assert app.screen.has_class("-wide")
        assert all(p.display for p in app.screen.query(SidePanel))
        assert not app.screen.query_one("#side-tabs").display


async def test_glossary_and_help(harbour):
    app = make_app(harbour, claim="engineer-dredging-safe")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        detail = app.screen.query_one("#detail", LineList)
        assert detail.move_to(("term", "dredging"))
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "GlossaryScreen"
        assert app.screen.query_one("#glossary", LineList).highlighted == "dredging"
        assert "Digging silt out" in screen_text(app)
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        text = "\n".join("".join(t for t, _ in r.pieces) for r in app.screen.query_one("#help", LineList).rows)
        for expected in ("step back", "Follow", "Fold/unfold", "Next quote", "command palette", "± conflicting"):
            assert expected.lower() in text.lower(), expected
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "ClaimScreen"


async def test_theme_toggles_between_light_and_dark(harbour):
    app = make_app(harbour)
    async with app.run_test(size=WIDE) as pilot:
        before = app.theme
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.theme != before
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.theme == before


def test_make_app_rejects_a_bad_date_or_claim(harbour):
    with pytest.raises(ValueError, match="month 13"):
        make_app(harbour, date="2020-13")
    with pytest.raises(ValueError, match="did you mean 'west-share'"):
        make_app(harbour, claim="west-shares")
    app = make_app(harbour, date="2020-04", claim="joint-share")
    assert app.start_state.step == 4  # moved on to when the claim was said


async def test_replacing_the_scenario_redraws_the_open_screens_that_can_show_it(harbour):
    bridge = load_scenario(Path(__file__).parent / "fixtures" / "classroom" / "bridge.yaml")
    assert bridge.ok
    app = make_app(harbour, claim="north-mayor-expand", date="2021-01")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "ClaimScreen"
        # The same scenario read again: the claim is still there, and its screen stays open.
        app.replace_loaded(load_scenario(FIXTURES / "harbour.yaml"))
        await pilot.pause()
        assert type(app.screen).__name__ == "ClaimScreen"
        assert "The harbour must be expanded" in screen_text(app)
        # Another scenario: the claim is gone, so its screen closes over the new positions view.
        app.replace_loaded(bridge)
        await pilot.press("right")  # during the rebuild: kept, and shown once it is done
        while isinstance(app.screen, PositionsScreen) and app.screen.rebuilding:
            await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, PositionsScreen)
        assert "mayor-build-now" in app.debate.claims
        text = screen_text(app)
        assert "The bridge dispute" in text
        assert "Upton" in text and "Downton" in text
        assert "harbour" not in text.lower()
        assert app.screen.state.last == app.debate.last_step
        await pilot.press("end")
        await pilot.pause()
        assert f"Step {app.debate.last_step} of {app.debate.last_step}" in screen_text(app)
        assert app.screen.query_one(PositionMatrix).rows


async def test_clicking_the_step_bar_steps_back_on_and_along_the_strip(harbour):
    from argmap.tui.widgets.stepbar import StepBar

    app = make_app(harbour)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        first, last = screen.debate.first_step, screen.debate.last_step
        bar = screen.query_one(StepBar)
        await pilot.click(StepBar, offset=(bar._places[1] + 1, 1))  # ▶
        await pilot.pause()
        assert screen.state.step == first + 1
        await pilot.click(StepBar, offset=(1, 1))  # ◀
        await pilot.pause()
        assert screen.state.step == first
        strip_start, width = bar._places[2], bar._places[3]
        assert width > 0
        await pilot.click(StepBar, offset=(strip_start + width, 1))  # the strip's right end
        await pilot.pause()
        assert screen.state.step == last


async def test_s_opens_the_source_of_the_picked_claim_and_end_reaches_the_last_search_result(harbour):
    from argmap.tui.screens.search import SearchScreen
    from argmap.tui.screens.source import SourceScreen

    app = make_app(harbour)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("end", "tab", "down")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SourceScreen)
        await pilot.press("escape", "slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"the", "down", "end")
        await pilot.pause()
        results = app.screen.query_one("#results")
        choosable = [i for i, r in enumerate(results.rows) if r.target is not None]
        assert len(choosable) > 1 and results._cursor == choosable[-1]
