"""Terminal control sequences in scenario text, source texts, names or file names never reach
the terminal from the app: every view shows them as visible stand-ins (ESC as ␛).

The scenario is loaded from a valid fixture whose text fields (and a few ids) hold a marker;
the marker is then replaced by control sequences, past validation, as a file the reading gate
let through by mistake would hold them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel
from textual import events
from textual.widgets import Input

from argmap.base.textsafe import visible
from argmap.debate.index import Debate
from argmap.engine.state import DebateState
from argmap.scenario.loaded import Loaded
from argmap.scenario.quotes import SourceText
from argmap.tui.app import ArgmapApp, make_app
from argmap.tui.start import StartExercises, StartRolePlay, StartWalkthrough
from argmap.validation.load import load_scenario
from tests.conftest import screen_text

FIXTURE = Path(__file__).parent / "fixtures" / "tui" / "escapes.yaml"
SIZE = (160, 48)
MARK = "zqz"
PAYLOAD = (
    "\x1b"  # a lone ESC
    "\x1b[31m"  # CSI: red text
    "\x1b]0;PWNED\x07"  # OSC 0, ended by BEL: retitles the window
    "\x1b]52;c;aGk=\x1b\\"  # OSC 52, ended by ST: writes the clipboard
    "\x1b]8;;file:///etc/passwd\x1b\\link\x1b]8;;\x1b\\"  # OSC 8: a hyperlink
    "\x1bPq#0;2;0;0;0\x1b\\"  # DCS
    "\x9b31m"  # C1 CSI
    "\x9d0;x\x9c"  # C1 OSC ended by C1 ST
    "\x00\r\x08\x7f"  # NUL, CR, BS, DEL
)
SHOWN = visible(PAYLOAD)
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def poisoned(value: Any) -> Any:
    """``value`` with the marker replaced by the payload in every string (model fields too)."""
    if isinstance(value, str):
        return value.replace(MARK, PAYLOAD)
    if isinstance(value, BaseModel):
        changed = {}
        for name in type(value).model_fields:
            old = getattr(value, name)
            new = poisoned(old)
            if new != old:
                changed[name] = new
        return value.model_copy(update=changed)
    if isinstance(value, tuple):
        return tuple(poisoned(item) for item in value)
    return value


def poison(loaded: Loaded) -> Loaded:
    sources = {}
    for key, source in loaded.sources.items():
        facts = poisoned(source.facts)
        text = SourceText(poisoned(source.text.original), facts.furniture)
        sources[poisoned(key)] = replace(source, facts=facts, text=text)
    return replace(loaded, scenario=poisoned(loaded.scenario), sources=sources)


@pytest.fixture(scope="module")
def escapes() -> Loaded:
    loaded = load_scenario(FIXTURE)
    assert loaded.ok, loaded.diagnostics
    bad = poison(loaded)
    assert bad.scenario is not None
    assert PAYLOAD in bad.scenario.title and PAYLOAD in bad.scenario.walkthroughs[0].steps[0].narration
    assert PAYLOAD in bad.sources["minutes-" + PAYLOAD].text.original
    return bad


def assert_safe(app: ArgmapApp, *, shows_data: bool = True) -> str:
    """The screen holds no control character, and (when it shows scenario text) the stand-ins."""
    shown = screen_text(app)
    found = sorted({f"U+{ord(c):04X}" for c in CONTROL.findall(shown)})
    assert not found, f"{type(app.screen).__name__} shows control characters {found}"
    if shows_data:
        assert "␛" in shown, f"{type(app.screen).__name__} shows no scenario text"
    return shown


async def paste(app: ArgmapApp, pilot: Any, text: str) -> None:
    app.screen.query_one(Input).post_message(events.Paste(text))
    await pilot.pause()


async def test_the_screen_text_would_show_the_controls_without_the_gate(escapes):
    # The checks below could not fail if the screen text lost control characters by itself.
    debate = Debate.from_loaded(escapes)
    state = DebateState(step=debate.last_step, first=debate.first_step, last=debate.last_step)
    app = ArgmapApp(debate, state)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "\x1b]0;PWNED\x07" in screen_text(app)


async def test_positions_matrix_and_tabs_show_controls_as_stand_ins(escapes):
    app = make_app(escapes)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert_safe(app)
        await pilot.press("end")
        await pilot.pause()
        assert_safe(app)
        # The matrix wraps long words across lines: read its rows whole.
        matrix = "".join(
            text
            for name in ("#matrix-header", "#matrix")
            for row in app.screen.query_one(name).rows
            for text, _ in row.pieces
        )
        assert "Upton " + SHOWN[:20] in matrix and "Should " + SHOWN[:20] in matrix
        assert app.title == "The bridge " + SHOWN + " dispute"
    app = make_app(escapes)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("end")
        await pilot.pause()
        assert_safe(app)


async def test_claim_detail_tree_and_source_show_controls_as_stand_ins(escapes):
    app = make_app(escapes, claim="reed-bridge-sound")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "ClaimScreen"
        shown = assert_safe(app)
        assert "An inspection " + SHOWN[:30] in shown
        await pilot.press("t")
        await pilot.pause()
        assert type(app.screen).__name__ == "TreeScreen"
        assert_safe(app)
        await pilot.press("escape", "s")
        await pilot.pause()
        assert type(app.screen).__name__ == "SourceScreen"
        shown = assert_safe(app)
        assert "Town Council Minutes " + SHOWN[:30] in shown
        await pilot.press("n")
        await pilot.pause()
        assert_safe(app)


async def test_the_source_reader_keeps_quote_offsets_with_stand_ins(escapes):
    app = make_app(escapes)
    source = app.debate.sources[visible("minutes-" + PAYLOAD)]
    quote = visible("the old bridge " + PAYLOAD + " was inspected in March")
    match = source.text.find(quote)
    assert match is not None
    start = source.text.to_original(match.start)
    assert source.text.original[start : start + len(quote)] == quote
    raw = escapes.sources["minutes-" + PAYLOAD].text.original
    assert start == raw.index("the old bridge " + PAYLOAD)


async def test_search_and_pasted_text_show_controls_as_stand_ins(escapes):
    app = make_app(escapes)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("end", "slash")
        await pilot.press(*"bridge")
        await pilot.pause()
        assert type(app.screen).__name__ == "SearchScreen"
        assert_safe(app)
        await paste(app, pilot, PAYLOAD)
        # A paste keeps its first line (CR ends one); what is kept shows its stand-ins.
        assert app.screen.query_one(Input).value == "bridge" + visible(PAYLOAD.splitlines()[0])
        assert_safe(app)


async def test_date_picker_and_its_error_show_controls_as_stand_ins(escapes):
    app = make_app(escapes)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert type(app.screen).__name__ == "DateScreen"
        assert_safe(app)
        await paste(app, pilot, "2024" + PAYLOAD)
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "DateScreen"
        assert_safe(app)


async def test_palette_glossary_help_and_standpoints_show_controls_as_stand_ins(escapes):
    app = make_app(escapes)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("end", "g")
        await pilot.pause()
        assert type(app.screen).__name__ == "GlossaryScreen"
        shown = assert_safe(app)
        assert "county " + SHOWN[:20] in shown
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        assert_safe(app, shows_data=False)
        await pilot.press("escape", "p")
        await pilot.pause()
        assert type(app.screen).__name__ == "StandpointsScreen"
        assert_safe(app)
        await pilot.press("escape", "ctrl+p")
        await pilot.pause()
        await pilot.press(*"Upton")
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        assert type(app.screen).__name__ == "CommandPalette"
        assert_safe(app)


async def test_notifications_show_controls_as_stand_ins(escapes):
    app = make_app(escapes)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        app.home.reveal_actor("reed-" + SHOWN)
        app.notify("The answer could not be saved: " + PAYLOAD, title="Saving " + PAYLOAD, markup=False)
        await pilot.pause()
        shown = assert_safe(app)
        assert "Reed has said" in shown and "could not be saved:" in shown and "Saving" in shown


async def test_walkthroughs_show_controls_as_stand_ins(escapes):
    app = make_app(escapes, start=StartWalkthrough("tour"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "WalkthroughScreen"
        shown = assert_safe(app)
        assert "The dispute " + SHOWN[:20] in shown
        await pilot.press("right")
        await pilot.pause()
        assert_safe(app)
        await pilot.press("t")
        await pilot.pause()
        assert_safe(app)
        await pilot.press("escape", "escape", "w")
        await pilot.pause()
        assert type(app.screen).__name__ == "PickScreen"
        assert_safe(app)


async def test_exercises_show_controls_in_names_and_file_names_as_stand_ins(escapes, tmp_path):
    folder = tmp_path / "results\x1b]0;PWNED\x07"
    app = make_app(escapes, start=StartExercises(folder=folder, student="Ana" + PAYLOAD))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "PickScreen"  # the sets, named by ids
        assert_safe(app)
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ExerciseScreen"
        shown = assert_safe(app)
        assert "Ana" + SHOWN[:20] in shown
        for _ in range(10):
            if app.screen.session.finished:  # type: ignore[attr-defined]
                break
            await pilot.press("a")
            await pilot.pause()
            assert_safe(app)
            await pilot.press("space")
            await pilot.pause()
        assert app.screen.session.finished  # type: ignore[attr-defined]
        shown = assert_safe(app)
        assert "results␛]0;PWNED␇" in shown


async def test_a_typed_student_name_shows_controls_as_stand_ins(escapes, tmp_path):
    app = make_app(escapes, start=StartExercises(folder=tmp_path, set_name="other"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "NameScreen"
        await paste(app, pilot, "Bo" + PAYLOAD)
        assert_safe(app)
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ExerciseScreen"
        assert "Bo␛" in assert_safe(app)


async def test_role_play_shows_controls_as_stand_ins(escapes):
    app = make_app(escapes, start=StartRolePlay())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "PickScreen"
        assert_safe(app)
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "RolePlayScreen"
        assert_safe(app)
        await paste(app, pilot, PAYLOAD)
        assert_safe(app)
        await pilot.press("p")
        await pilot.pause()
        assert_safe(app)
        await pilot.press("space")
        await pilot.pause()
        assert_safe(app)


def test_the_output_gate_changes_exactly_the_control_characters_but_newline_and_tab():
    for code in range(0x110000):
        if 0xD800 <= code < 0xE000:
            continue
        ch = chr(code)
        control = (code < 0x20 and ch not in "\t\n") or 0x7F <= code < 0xA0
        assert (visible(f"a{ch}b") != f"a{ch}b") == control, hex(code)
        assert len(visible(f"a{ch}b")) == 3
