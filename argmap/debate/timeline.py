"""The debate's total order: every event and dated claim placed on numbered steps.

A step is one moment of the debate: an event, or the claims sharing one date (and ``order``)
that belong to no event. Steps sort by date (see ``FuzzyDate.sort_key``), then by ``order``,
then by where they were written in the file, so the order is total and stable even where the
sources give only a month. Standing positions, known from the start, share step 0 when any
exist; the first dated step is 1.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.scenario.dates import FuzzyDate
from argmap.scenario.model import Claim, Scenario


@dataclass(frozen=True, slots=True)
class Step:
    """One moment of the debate."""

    index: int
    date: FuzzyDate
    event: str | None
    claims: tuple[str, ...]
    label: str

    @property
    def standing(self) -> bool:
        return self.date.precision == "standing"


@dataclass(frozen=True, slots=True)
class Timeline:
    steps: tuple[Step, ...]
    claim_step: dict[str, int]
    claim_date: dict[str, FuzzyDate]

    def step_of_date(self, date: FuzzyDate) -> int:
        """The last step at or before a date, counting the whole span the date names ("2000-06"
        reaches the end of June); 0 when the date precedes the debate."""
        key = date.sort_key() if date.precision == "standing" else (date.latest, 0)
        best = 0
        for step in self.steps:
            if step.date.sort_key() <= key:
                best = step.index
        return best


def claim_date(claim: Claim, event_dates: dict[str, FuzzyDate]) -> FuzzyDate | None:
    if claim.event is not None:
        return event_dates.get(claim.event)
    if claim.date is not None:
        return FuzzyDate.parse(claim.date)
    return None


def _tell_apart(
    ordered: list[tuple[str, str]], dates: dict[tuple[str, str], FuzzyDate], labels: dict[tuple[str, str], str]
) -> None:
    """Name the steps of claims with no event so that no two steps read alike: one that shares
    its date with others is named by the event it follows (or precedes) on that date."""
    text = {g: dates[g].describe() for g in ordered}
    by_text: dict[str, list[tuple[str, str]]] = {}
    for g in ordered:
        by_text.setdefault(text[g], []).append(g)
    for same in by_text.values():
        if len(same) < 2:
            continue
        last_event: tuple[str, str] | None = None
        waiting: list[tuple[str, str]] = []  # steps of claims before any event on this date
        for gid in same:
            if gid[0] == "event":
                for early in waiting:
                    labels[early] = f"before {labels[gid]}"
                waiting = []
                last_event = gid
            elif gid[1] != "standing":
                if last_event is not None:
                    labels[gid] = f"after {labels[last_event]}"
                else:
                    waiting.append(gid)
    seen: dict[str, int] = {}
    for gid in ordered:
        n = seen[labels[gid]] = seen.get(labels[gid], 0) + 1
        if n > 1:
            labels[gid] = f"{labels[gid]} ({n})"


def build_timeline(scenario: Scenario) -> Timeline:
    """Place every event and claim; assumes a scenario that passed the checks."""
    event_dates = {e.id: FuzzyDate.parse(e.date) for e in scenario.events}
    groups: dict[tuple[str, str], list[str]] = {}
    keys: dict[tuple[str, str], tuple[object, ...]] = {}
    dates: dict[tuple[str, str], FuzzyDate] = {}
    labels: dict[tuple[str, str], str] = {}
    for pos, event in enumerate(scenario.events):
        gid = ("event", event.id)
        date = event_dates[event.id]
        groups[gid] = []
        keys[gid] = (date.sort_key(), event.order if event.order is not None else 0, pos, 0)
        dates[gid] = date
        labels[gid] = event.title
    claim_dates: dict[str, FuzzyDate] = {}
    n_events = len(scenario.events)
    for pos, claim in enumerate(scenario.claims):
        placed = claim_date(claim, event_dates)
        if placed is None:
            continue
        date = placed
        claim_dates[claim.id] = date
        if claim.event is not None:
            groups[("event", claim.event)].append(claim.id)
            continue
        standing = date.precision == "standing"
        gid = ("date", "standing" if standing else f"{date}#{claim.order}")
        if gid not in groups:
            groups[gid] = []
            order = claim.order if claim.order is not None else 0
            keys[gid] = (date.sort_key(), order, n_events + pos, 1)
            dates[gid] = date
            labels[gid] = "Standing positions" if standing else date.describe()
        groups[gid].append(claim.id)
    ordered = sorted(groups, key=lambda g: keys[g])
    _tell_apart(ordered, dates, labels)
    has_standing = any(dates[g].precision == "standing" for g in ordered)
    start = 0 if has_standing else 1
    steps = []
    claim_step: dict[str, int] = {}
    for i, gid in enumerate(ordered):
        index = start + i
        steps.append(
            Step(
                index,
                dates[gid],
                gid[1] if gid[0] == "event" else None,
                tuple(groups[gid]),
                labels[gid],
            )
        )
        for cid in groups[gid]:
            claim_step[cid] = index
    return Timeline(tuple(steps), claim_step, claim_dates)
