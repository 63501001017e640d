"""Command palette entries: jump to a claim, an actor, a topic or a date."""

from __future__ import annotations

from collections.abc import Callable

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from argmap.dates import FuzzyDate
from argmap.engine.debate import Debate
from argmap.tui.messages import JumpKind, JumpRequested

MAX_CLAIM_HITS = 40


class DebateCommands(Provider):
    """Claims, actors, topics and steps of the open debate."""

    @property
    def debate(self) -> Debate:
        return self.app.debate  # type: ignore[attr-defined, no-any-return]

    def _jump(self, kind: JumpKind, value: str) -> Callable[[], None]:
        def jump() -> None:
            self.app.post_message(JumpRequested(kind, value))

        return jump

    def _entries(self) -> list[tuple[str, str, JumpKind, str]]:
        """(what it is, the text matched, kind, value)"""
        d = self.debate
        out: list[tuple[str, str, JumpKind, str]] = []
        for topic in d.scenario.topics:
            out.append(("Topic", topic.question, "topic", topic.id))
        for actor in d.scenario.actors:
            out.append(("Actor", actor.name, "actor", actor.id))
        for step in d.steps:
            out.append(("Date", f"{step.date.describe()}: {step.label}", "step", str(step.index)))
        for cid in d.ordered:
            out.append(("Claim", d.claims[cid].text, "claim", cid))
        return out

    def _display(self, what: str, text: str, offsets: tuple[int, ...] = ()) -> Content:
        content = Content(text)
        for offset in offsets:
            if offset < len(text) and not text[offset].isspace():
                content = content.stylize("bold underline", offset, offset + 1)
        return Content.assemble((f"{what}: ", "$text-muted"), content)

    async def discover(self) -> Hits:
        for what, text, kind, value in self._entries():
            if kind in ("topic", "actor") or (kind == "step"):
                yield DiscoveryHit(self._display(what, text), self._jump(kind, value), text=f"{what}: {text}")

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        try:
            date = FuzzyDate.parse(query)
        except ValueError:
            date = None
        if date is not None:
            step = self.debate.step(self.debate.step_of_date(date))
            text = f"Go to {date.describe()} (step {step.index}: {step.label})"
            yield Hit(1.0, Content(text), self._jump("step", str(step.index)), text=text)
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
