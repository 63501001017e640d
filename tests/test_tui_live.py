"""The live preview: the app reads its scenario again when a file it is made of changes, keeps the
reader's place, and while the file is invalid shows its problems over the last good map."""

from __future__ import annotations

import asyncio
import hashlib
from pathlib import Path

from argmap.tui.app import LiveFile, make_app
from argmap.tui.screens.diagnostics import DiagnosticsScreen
from argmap.tui.screens.positions import PositionsScreen
from argmap.tui.widgets.diagnostics import DiagnosticsPanel
from argmap.validation.load import load_scenario
from tests.conftest import WIDE, screen_text


class FakeWatcher:
    """Changes the test announces, as the file system would report them."""

    def __init__(self) -> None:
        self.batches: asyncio.Queue[set[Path] | None] = asyncio.Queue()
        self.folders: list[tuple[Path, ...]] = []

    def __call__(self, folders, stop):
        self.folders.append(tuple(folders))
        return self._changes(stop)

    async def _changes(self, stop):
        while not stop.is_set():
            batch = await self.batches.get()
            if batch is None:
                return
            yield batch


async def settle(app, pilot) -> None:
    """Until the positions view has redrawn for the debate read again."""
    await pilot.pause()
    while isinstance(app.screen_stack[0], PositionsScreen) and app.screen_stack[0].rebuilding:
        await pilot.pause()


def live_app(path: Path, watcher=None, **kwargs):
    loaded = load_scenario(path)
    assert loaded.ok, [d.render() for d in loaded.diagnostics]
    return make_app(loaded, live=LiveFile(path, watcher=watcher or FakeWatcher()), **kwargs)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


async def test_an_edit_shows_on_reload_at_the_same_step_and_claim(starter):
    path = starter()
    app = live_app(path, claim="reed-bridge-sound")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "ClaimScreen"
        edit(
            path,
            "text: An inspection in March found the old bridge sound.",
            "text: The March inspection found it sound.",
        )
        await app.reload_scenario()
        await settle(app, pilot)
        assert type(app.screen).__name__ == "ClaimScreen"
        assert "The March inspection found it sound." in screen_text(app)
        assert app.debate.claims["reed-bridge-sound"].text == "The March inspection found it sound."


async def test_an_invalid_file_keeps_the_last_good_map_and_lists_its_problems(starter):
    path = starter()
    app = live_app(path)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        edit(path, "actor: reed\n", "actor: reeed\n")
        edit(path, "kind: prediction", "kind: guess")
        await app.reload_scenario()
        await settle(app, pilot)
        assert isinstance(app.screen, DiagnosticsScreen)
        assert app.debate.claims["reed-bridge-sound"].actor == "reed"  # the last good map
        panel = app.screen.query_one(DiagnosticsPanel)
        assert [d.code for d in panel.diagnostics] == ["E101", "E204"]
        text = screen_text(app)
        title = str(app.screen.query_one("#diagnostics-title").render())
        assert title.endswith("s.yaml has 2 errors; the map is its last good version")
        assert "unknown actor 'reeed'" in text
        first = panel.diagnostics[0]
        assert f"{first.line:>5} |     actor: reeed" in text  # the line the chosen problem is about
        await pilot.press("down")
        await pilot.pause()
        assert panel.chosen is panel.diagnostics[1]
        assert "    kind: guess" in screen_text(app)


async def test_fixing_the_file_closes_the_panel_and_shows_the_new_map(starter):
    path = starter()
    app = live_app(path)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("right")
        await pilot.pause()
        step = app.screen.state.step
        edit(path, "kind: prediction", "kind: guess")
        await app.reload_scenario()
        await settle(app, pilot)
        assert isinstance(app.screen, DiagnosticsScreen)
        edit(path, "kind: guess", "kind: prediction")
        edit(path, "text: A new bridge would bring more traffic through Downton.", "text: More traffic for Downton.")
        await app.reload_scenario()
        await settle(app, pilot)
        assert isinstance(app.screen, PositionsScreen)
        assert app.problems == [] and app.screen.state.step == step
        assert app.debate.claims["reed-more-traffic"].text == "More traffic for Downton."


async def test_a_changed_source_is_read_again_and_its_problem_shown(starter):
    path = starter()
    watcher = FakeWatcher()
    app = live_app(path, watcher)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        source = path.with_name("s-source.txt")
        assert watcher.folders == [(path.parent.resolve(),)]
        source.write_text(source.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
        await watcher.batches.put({source})
        await app.reloaded(1)
        await pilot.pause()
        assert isinstance(app.screen, DiagnosticsScreen)
        assert [d.code for d in app.problems] == ["E105"]
        assert hashlib.sha256(source.read_bytes()).hexdigest() in screen_text(app)


async def test_changes_to_other_files_are_ignored(starter):
    path = starter()
    watcher = FakeWatcher()
    app = live_app(path, watcher)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await watcher.batches.put({path.with_name("notes.txt")})
        await watcher.batches.put({path})
        await app.reloaded(1)
        await settle(app, pilot)
        assert app.reloads == 1


async def test_escape_hides_the_panel_and_the_map_stays(starter):
    path = starter()
    app = live_app(path)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        edit(path, "kind: prediction", "kind: guess")
        await app.reload_scenario()
        await settle(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PositionsScreen) and app.problems
        assert "The bridge dispute" in screen_text(app)


async def test_problems_quoting_markup_are_shown_as_written(starter):
    path = starter()
    app = live_app(path)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        edit(path, "kind: prediction", "kind: '[bold]x[/]'")
        await app.reload_scenario()
        await settle(app, pilot)
        assert "'[bold]x[/]' is not one of" in screen_text(app)


async def test_a_reload_with_the_same_sides_redraws_the_view_in_place_and_a_new_side_rebuilds_it(starter):
    path = starter()
    app = live_app(path)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("end")
        await pilot.pause()
        home = app.screen_stack[0]
        panels = home.sides.panels
        edit(
            path,
            "text: An inspection in March found the old bridge sound.",
            "text: The March inspection found it sound.",
        )
        await app.reload_scenario()
        await settle(app, pilot)
        assert home.sides.panels == panels  # the same widgets, drawn again
        assert "The March inspection found it sound." in screen_text(app)
        assert home.state.step == home.debate.last_step
        edit(path, "name: Downton, kind: side", "name: Downton Town, kind: side")
        await app.reload_scenario()
        await settle(app, pilot)
        assert home.sides.panels != panels and "Downton Town" in screen_text(app)
