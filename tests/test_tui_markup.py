"""Scenario text is data: text that looks like markup is shown as it is, in every view."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.tui.app import ArgmapApp, make_app
from argmap.tui.start import StartExercises, StartRolePlay, StartWalkthrough
from argmap.tui.widgets.lines import LineList
from argmap.validation.load import load_scenario
from tests.conftest import screen_text

FIXTURES = Path(__file__).parent / "fixtures" / "tui"
SIZE = (160, 48)


@pytest.fixture(scope="module")
def markup():
    loaded = load_scenario(FIXTURES / "markup.yaml")
    assert loaded.ok, loaded.diagnostics
    return loaded


def assert_shown(app: ArgmapApp, *texts: str) -> None:
    shown = screen_text(app)
    for text in texts:
        assert text in shown, f"{text!r} not shown literally"


async def test_positions_view_shows_markup_literally(markup):
    app = make_app(markup, date="2021-05-01")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert_shown(
            app,
            "Markup [bold]title[/] (test fixture)",  # step bar: title
            "Meeting [link=x]y[/link]",  # step bar: event
            "Left [bold",  # matrix header and side title
            "Right [link=x]y[/link]",
            "Is [bold]x[/] bold [0]?",  # matrix topic and column heading
            "Left says [bold]x[/] and [link=x]y[/link].",  # claim
            "Speaker [/]",  # speaker in column and matrix cell
            "Right answers [0] and [bold without end.",
        )
        await pilot.press("end")
        await pilot.pause()
        assert_shown(app, "The critic notes a lone [/] closed nothing.", "Critic [0]")


async def test_tabs_show_side_names_literally(markup):
    app = make_app(markup)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert_shown(app, "Left [bold", "Right [link=x]y[/link]")


async def test_claim_detail_tree_and_source_show_markup_literally(markup):
    app = make_app(markup, claim="right-claim", date="2021-06")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert_shown(
            app,
            "Right answers [0] and [bold without end.",
            "Right [link=x]y[/link]",
            "Is [bold]x[/] bold [0]?",
            "A list item [0] was read out, then [bold without an end",  # quote
            "Odd [/] minutes",  # source title
            "Left says [bold]x[/] and [link=x]y[/link].",  # relation
            "The critic notes a lone [/] closed nothing.",
            "A term written [link=x]y[/link] with [bold unclosed.",  # glossary term in the claim
        )
        await pilot.press("t")
        await pilot.pause()
        assert_shown(app, "Right answers [0]", "Critic [0]", "Right [link=x]y[/link]")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert type(app.screen).__name__ == "SourceScreen"
        assert_shown(
            app,
            "Odd [/] minutes",
            "Minutes with odd brackets: the speaker said [bold]x[/] and then [link=x]y[/link] twice.",
            "A list item [0]",
            "read out, then [bold without an end, and a lone [/] closed nothing.",
            "Left says [bold]x[/]",  # claims citing the passage
        )


async def test_search_date_glossary_and_palette_show_markup_literally(markup):
    app = make_app(markup, date="2021-06")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await pilot.press(*"bold")
        await pilot.pause()
        assert_shown(app, "Left says [bold]x[/] and [link=x]y[/link].", "Right answers [0] and [bold without end.")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert_shown(app, "Meeting [link=x]y[/link]")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        assert_shown(app, "[0]", "A term written [link=x]y[/link] with [bold unclosed.")
        assert_shown(
            app, "From the sources:", "“A list item [0] was read out, then [bold without an end”", "Odd [/] minutes"
        )
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"link")
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        assert_shown(app, "Right [link=x]y[/link]", "Meeting [link=x]y[/link]")


async def test_notifications_show_names_literally(markup):
    app = make_app(markup)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        app.home.reveal_actor("critic")
        await pilot.pause()
        assert_shown(app, "Critic [0] has said nothing yet")


def test_line_list_rows_keep_markup_as_pieces(markup):
    from argmap.debate.index import Debate
    from argmap.views.present import claim_rows

    rows = claim_rows(Debate.from_loaded(markup), "left-claim", 1)
    assert rows[0].pieces == (("Left says [bold]x[/] and [link=x]y[/link].", "title"),)
    assert isinstance(LineList, type)


CLASSROOM = Path(__file__).parent / "fixtures" / "classroom" / "markup.yaml"


@pytest.fixture(scope="module")
def classroom():
    loaded = load_scenario(CLASSROOM)
    assert loaded.ok, loaded.diagnostics
    return loaded


async def test_walkthrough_shows_scenario_text_literally(classroom):
    app = make_app(classroom, start=StartWalkthrough("tour"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert_shown(app, "Tour [bold]x[/] of [link=x]y[/link]", "Left says [bold]x[/] and [link=x]y[/link].")
        await pilot.press("right")
        await pilot.pause()
        assert_shown(app, "Right answers [0] and [bold without end.", "Left says [bold]x[/]")
        await pilot.press("escape", "w")
        await pilot.pause()
        assert_shown(app, "Tour [bold]x[/] of [link=x]y[/link]")  # the picker


async def test_exercises_show_scenario_text_and_names_literally(classroom, tmp_path):
    from argmap.tui.app import make_app

    app = make_app(classroom, start=StartExercises(set_name="brackets", folder=tmp_path, student="[b]Ana[/b]"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert_shown(app, "[b]Ana[/b]", "Speaker [/] (Left [bold)", "Right [link=x]y[/link]")
        await pilot.press("a")
        await pilot.pause()
        assert_shown(app, "Explained [bold]x[/] and [link=x]y[/link].", "the speaker said [bold]x[/] and then")
        await pilot.press("enter")
        await pilot.pause()
        assert_shown(app, "Which answers [bold]this[/]?", "Right answers [0] and [bold without end.")
        await pilot.press("a", "enter")
        await pilot.pause()
        assert_shown(app, "Which answers [bold]this[/]?")  # the score lists the prompts


async def test_role_play_shows_scenario_text_literally(classroom):
    from argmap.tui.app import make_app

    app = make_app(classroom, start=StartRolePlay())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert_shown(app, "Left [bold", "Right [link=x]y[/link]")  # the side picker
        await pilot.press("enter")
        await pilot.pause()
        assert_shown(
            app,
            "Role-play as Left [bold",
            "Right [link=x]y[/link] says:",
            "Right answers [0] and [bold without end.",
            "A list item [0] was read out",
            "It attacks what Left [bold said:",
            "Left says [bold]x[/] and [link=x]y[/link].",
        )
        await pilot.press("p")
        await pilot.pause()
        assert_shown(app, "You let it pass.", "Left [bold left it unanswered in the sources.")
        await pilot.press("space")
        await pilot.pause()
        assert_shown(app, "Your claims in play, as Left [bold", "Left says [bold]x[/]")
