"""Exporting the view from the app: the step and the what-if on screen go to a new file."""

from __future__ import annotations

import json

from argmap.tui.app import make_app
from argmap.tui.screens.pick import PickScreen
from argmap.tui.screens.positions import PositionsScreen

from .conftest import WIDE, screen_text


async def test_e_exports_the_view_to_a_new_file_and_says_where(harbour, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app(harbour)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, PositionsScreen)
        await pilot.press("right", "right")
        step = home.state.step
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, PickScreen) and "json" in screen_text(app)
        await pilot.press("enter")  # the first format
        await pilot.pause()
        written = tmp_path / f"harbour-step{step}.json"
        assert written.exists() and json.loads(written.read_text())["title"] == harbour.scenario.title
        assert f"Exported to harbour-step{step}.json" in " ".join(screen_text(app).split())
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert (tmp_path / f"harbour-step{step}-2.json").exists()  # never over the first


async def test_escape_exports_nothing(harbour, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app(harbour)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PositionsScreen) and not list(tmp_path.iterdir())
