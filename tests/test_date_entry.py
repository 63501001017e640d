"""Steps that no two read alike, and dates typed as argmap shows them."""

from __future__ import annotations

import pytest

from argmap.debate.index import Debate
from argmap.reading.locations import bundled_scenario
from argmap.tui.app import make_app
from argmap.tui.screens.date import DateScreen
from argmap.views.date_entry import outside, read_date

from .conftest import WIDE, valid


def bundled() -> Debate:
    return Debate.from_loaded(valid(bundled_scenario()))


def test_no_two_steps_read_alike():
    debate = bundled()
    shown = [(s.date.describe(), s.label) for s in debate.steps]
    assert len(set(shown)) == len(shown)
    june = [s.label for s in debate.steps if s.date.describe() == "June 2000"]
    assert "after Putin's interview with NBC" in june


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("June 2000", "2000-06"),
        ("june  2000", "2000-06"),
        ("Jun 2000", "2000-06"),
        ("3 February 2001", "2001-02-03"),
        ("before 3 February 2001", "before 2001-02-03"),
        ("after April 2000", "after 2000-04"),
        ("2001", "2001"),
        ("2000-06", "2000-06"),
        ("standing position", "standing"),
    ],
)
def test_every_date_argmap_shows_can_be_typed_back(typed, meant):
    assert str(read_date(typed)) == meant


def test_each_step_date_as_shown_reads_back_as_itself():
    for step in bundled().steps:
        assert read_date(step.date.describe()) == step.date


@pytest.mark.parametrize("typed", ["13 Foo 2000", "31 February 2001", "3 2001", "soon", ""])
def test_a_date_that_is_none_says_which_forms_are_read(typed):
    with pytest.raises(ValueError) as caught:
        read_date(typed)
    assert "'" in str(caught.value)


def test_a_date_outside_the_debate_is_said_to_be():
    debate = bundled()
    assert "before the debate's first date" in (outside(debate, read_date("1850")) or "")
    assert "after the debate's last date" in (outside(debate, read_date("2030")) or "")
    assert outside(debate, read_date("June 2000")) is None


async def test_the_date_picker_takes_the_form_it_shows_and_says_when_a_date_is_outside(harbour):
    app = make_app(harbour)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DateScreen)
        await pilot.press(*"2 March 2020", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, DateScreen)
        debate = Debate.from_loaded(harbour)
        assert app.screen.state.step == debate.step_of_date(read_date("2 March 2020")) > debate.first_step
        await pilot.press("d")
        await pilot.pause()
        await pilot.press(*"1850", "enter")
        await pilot.pause()
        assert any("before the debate's first date" in n.message for n in app._notifications)
