"""What ``argmap report`` says about a debate: for each side, its positions by topic over
time, its conflicting messages, and the labels of its claims at the last step.

The report is data (frozen dataclasses); ``argmap.formats.report_text``, ``report_markdown``
and ``report_json`` print it.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.debate.conflicts import Conflict, side_conflicts, speaker_conflicts
from argmap.debate.index import Debate
from argmap.engine.evaluation import ArgumentEngine
from argmap.engine.labels import Label
from argmap.engine.semantics import Semantics

REPORT_VERSION = 1


@dataclass(frozen=True, slots=True)
class Stance:
    """A side's position on a topic from a step on."""

    step: int
    when: str
    """The step's label: an event's title, or a date."""
    stance: str
    claims: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TopicHistory:
    topic: str
    question: str
    stances: tuple[Stance, ...]


@dataclass(frozen=True, slots=True)
class ClaimLabel:
    claim: str
    text: str
    speaker: str
    date: str
    label: Label


@dataclass(frozen=True, slots=True)
class SideReport:
    side: str
    name: str
    positions: tuple[TopicHistory, ...]
    conflicts: tuple[Conflict, ...]
    speaker_conflicts: tuple[Conflict, ...]
    """Conflicts between claims of one of the side's speakers."""
    labels: tuple[ClaimLabel, ...]


@dataclass(frozen=True, slots=True)
class Report:
    title: str
    semantics: Semantics
    commentators: bool
    step: int
    step_label: str
    sides: tuple[SideReport, ...]
    counts: dict[str, int]
    standpoints: int | None
    """How many preferred (or stable) extensions there are, up to ``STANDPOINT_LIMIT``."""
    apart: tuple[ClaimLabel, ...]
    """Labels of commentators' claims, when they are switched in."""
    ids: bool = False
    """Whether the text and Markdown forms name claims, topics and relations by id as well."""


STANDPOINT_LIMIT = 100


def build_report(
    debate: Debate, semantics: Semantics = "grounded", *, commentators: bool = False, ids: bool = False
) -> Report:
    last = debate.last_step
    engine = ArgumentEngine(debate)
    ev = engine.evaluate(last, semantics, commentators=commentators)

    histories: dict[tuple[str, str], list[Stance]] = {}
    for step in debate.steps:
        for change in debate.stance_changes(step.index):
            histories.setdefault((change.side, change.topic), []).append(
                Stance(step.index, step.label, change.after.stance, change.after.claims)
            )
    by_side = side_conflicts(debate, last)
    by_speaker = speaker_conflicts(debate, last)

    def claim_label(cid: str) -> ClaimLabel | None:
        label = ev.label(cid)
        if label is None:
            return None
        date = debate.date_of_claim(cid)
        return ClaimLabel(
            cid, debate.claims[cid].text, debate.speaker_names(cid), date.describe() if date else "", label
        )

    sides = []
    for side in debate.sides:
        positions = tuple(
            TopicHistory(t.id, t.question, tuple(histories[(side, t.id)]))
            for t in debate.scenario.topics
            if (side, t.id) in histories
        )
        own = [c for speaker, cs in by_speaker.items() if debate.side_of_actor.get(speaker) == side for c in cs]
        labels = tuple(x for x in (claim_label(c) for c in debate.side_claims(side, last)) if x is not None)
        sides.append(
            SideReport(side, debate.actor_name(side), positions, tuple(by_side.get(side, ())), tuple(own), labels)
        )
    apart = tuple(x for x in (claim_label(c) for c in debate.apart_claims(last)) if x is not None)
    counted: Semantics = "stable" if semantics == "stable" else "preferred"
    standpoints = len(engine.evaluate(last, counted, commentators=commentators).standpoints(STANDPOINT_LIMIT))
    return Report(
        debate.scenario.title,
        semantics,
        commentators,
        last,
        debate.step(last).label if debate.steps else "",
        tuple(sides),
        {str(k): v for k, v in ev.counts().items()},
        standpoints,
        apart,
        ids,
    )
