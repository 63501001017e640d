"""Command palette entries: jump to a claim, an actor, a topic or a date; start a walkthrough,
exercises or a role-play."""

from __future__ import annotations

from collections.abc import Callable

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from argmap.debate.index import Debate
from argmap.tui.host import host
from argmap.tui.messages import ExportRequested, JumpKind, JumpRequested, ModeKind, ModeRequested
from argmap.views.date_entry import outside, read_date

MAX_CLAIM_HITS = 40


class DebateCommands(Provider):
    """Claims, actors, topics and steps of the open debate."""

    @property
    def debate(self) -> Debate:
        return host(self.app).debate

    def _jump(self, kind: JumpKind, value: str) -> Callable[[], None]:
        def jump() -> None:
            self.app.post_message(JumpRequested(kind, value))

        return jump

    def _start(self, kind: ModeKind, value: str) -> Callable[[], None]:
        def start() -> None:
            self.app.post_message(ModeRequested(kind, value))

        return start

    def _modes(self) -> list[tuple[str, str, ModeKind, str]]:
        """(what it is, the text matched, kind, value) for the classroom modes."""
        from argmap.classroom.session import exercise_sets

        d = self.debate
        out: list[tuple[str, str, ModeKind, str]] = []
        for walk in d.scenario.walkthroughs:
            out.append(("Walkthrough", walk.title, "walkthrough", walk.id))
        for name, exercises in exercise_sets(d).items():
            out.append(("Exercises", f"set {name} ({len(exercises)} questions)", "exercises", name))
        for side in d.sides:
            out.append(("Role-play", f"argue as {d.actor_name(side)}", "roleplay", side))
        return out

    def _entries(self) -> list[tuple[str, str, JumpKind, str]]:
        """(what it is, the text matched, kind, value)"""
        d = self.debate
        out: list[tuple[str, str, JumpKind, str]] = []
        for topic in d.scenario.topics:
            out.append(("Topic", topic.question, "topic", topic.id))
        for actor in d.scenario.actors:
            out.append(("Actor", actor.name, "actor", actor.id))
        for step in d.steps:
            when = step.date.describe()
            out.append(("Date", when if step.label == when else f"{when}: {step.label}", "step", str(step.index)))
        for cid in d.ordered:
            out.append(("Claim", d.claims[cid].text, "claim", cid))
        return out

    def _display(self, what: str, text: str, offsets: tuple[int, ...] = ()) -> Content:
        content = Content(text)
        for offset in offsets:
            if offset < len(text) and not text[offset].isspace():
                content = content.stylize("bold underline", offset, offset + 1)
        return Content.assemble((f"{what}: ", "$text-muted"), content)

    def _exports(self) -> list[tuple[str, str, Callable[[], None]]]:
        """(what it is, the text matched, what it does) to export the view in each format."""
        from argmap.formats.registry import EXPORTERS

        def export(fmt: str) -> Callable[[], None]:
            def run() -> None:
                app = self.app
                home = app.screen_stack[0]
                state = getattr(home, "state", None)
                if state is not None:
                    app.post_message(ExportRequested(state, fmt))

            return run

        return [("Export", f"the view as {f.name}: {f.description}", export(f.name)) for f in EXPORTERS]

    async def discover(self) -> Hits:
        for what, text, mode, value in self._modes():
            yield DiscoveryHit(self._display(what, text), self._start(mode, value), text=f"{what}: {text}")
        for what, text, kind, value in self._entries():
            if kind in ("topic", "actor") or (kind == "step"):
                yield DiscoveryHit(self._display(what, text), self._jump(kind, value), text=f"{what}: {text}")

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        try:
            date = read_date(query)
        except ValueError:
            date = None
        if date is not None:
            step = self.debate.step(self.debate.step_of_date(date))
            note = outside(self.debate, date)
            text = f"Go to {date.describe()} (step {step.index}: {step.label})" + (f"; {note}" if note else "")
            yield Hit(1.0, Content(text), self._jump("step", str(step.index)), text=text)
        for what, text, mode, value in self._modes():
            score, offsets = matcher.fuzzy_search.match(matcher.query, f"{what}: {text}")
            if score > 0:
                shown = self._display(what, text, tuple(o - len(what) - 2 for o in offsets if o >= len(what) + 2))
                yield Hit(score, shown, self._start(mode, value), text=f"{what}: {text}")
        for what, text, run in self._exports():
            score, offsets = matcher.fuzzy_search.match(matcher.query, f"{what}: {text}")
            if score > 0:
                shown = self._display(what, text, tuple(o - len(what) - 2 for o in offsets if o >= len(what) + 2))
                yield Hit(score, shown, run, text=f"{what}: {text}")
        claims = 0
        for what, text, kind, value in self._entries():
            score, offsets = matcher.fuzzy_search.match(matcher.query, text)
            if score <= 0:
                continue
            if kind == "claim":
                claims += 1
                if claims > MAX_CLAIM_HITS:
                    continue
            yield Hit(score, self._display(what, text, tuple(offsets)), self._jump(kind, value), text=f"{what}: {text}")
