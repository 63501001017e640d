"""What the positions view shows besides its rows: the panels, the status line, the labels
with switched-off claims marked, where a claim or a speaker is in a column, and the step a
claim is read at."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from argmap.debate.index import APART, Debate
from argmap.engine.state import DebateState
from argmap.views.present import RowMaker
from argmap.views.rows import Row

if TYPE_CHECKING:
    from argmap.engine.evaluation import Evaluation


def panel_keys(debate: Debate) -> list[str]:
    """One panel per side, then one for commentators and claims outside the sides, if any."""
    keys = list(debate.sides)
    if debate.commentators or any(debate.is_apart(c) for c in debate.ordered):
        keys.append(APART)
    return keys


def panel_title(debate: Debate, key: str) -> str:
    if key == APART:
        return "Commentators" if debate.commentators else "Outside the sides"
    return debate.actor_name(key)


def panel_colour(debate: Debate, key: str) -> str | None:
    return debate.actors[key].colour if key != APART else None


def empty_text(key: str) -> str:
    if key == APART:
        return "No commentary yet."
    return "Nothing said yet."


def shown_labels(debate: Debate, state: DebateState, evaluation: Evaluation) -> dict[str, str]:
    """Each claim's label, and "off" for those said by now, in the debate but for the what-if."""
    labels: dict[str, str] = dict(evaluation.labels)
    if state.whatif.active:
        for cid in debate.said_by(state.step):
            if cid not in labels and (state.commentators or not debate.is_apart(cid)):
                labels[cid] = "off"
    return labels


def label_changes(before: Mapping[str, str], now: Mapping[str, str]) -> int:
    """How many claims labelled in both changed label."""
    return sum(1 for c, label in now.items() if c in before and before[c] != label)


def status_text(state: DebateState, evaluation: Evaluation | None, *, computing: bool, changed: int = 0) -> str:
    """The semantics and the label counts (or that they are being computed), for the step bar."""
    if computing:
        status = f"{state.semantics} · computing labels…"
    else:
        counts = evaluation.counts() if evaluation is not None else {}
        status = f"{state.semantics}  ✓{counts.get('in', 0)} ✗{counts.get('out', 0)} ?{counts.get('undec', 0)}"
        if evaluation is not None and not evaluation.exists:
            status += "  no stable extension"
        if changed:
            status = f"{changed} label{'s' if changed != 1 else ''} changed  " + status
    if state.commentators:
        status += " · +commentators"
    return status


def whatif_alert(state: DebateState) -> str:
    """The what-if warning for the step bar, or "" when nothing is changed."""
    changes = len(state.whatif.describe())
    return f"WHAT-IF: {changes} change{'s' if changes != 1 else ''} (z resets)" if changes else ""


def is_heading(row: Row, topic: str) -> bool:
    """Whether a column row is the heading of a topic."""
    key = row.key
    return isinstance(key, tuple) and key[0] == "heading" and key[2] == topic


def speaker_claims(maker: RowMaker, key: str, rows: Sequence[Row], actor: str) -> list[str]:
    """The claims of a column's rows shown under a speaker."""
    return [r.target for r in rows if isinstance(r.target, str) and maker.speaker_in(key, r.target) == actor]


def rebased(state: DebateState, debate: Debate) -> DebateState:
    """A state carried over to another debate: its steps' range, the step kept where it can
    be, and claims no longer there dropped from the selection and the history."""
    claims = debate.claims
    selected = state.selected if state.selected in claims else None
    history = tuple(c for c in state.history if c in claims) if selected is not None else ()
    moved = replace(state, first=debate.first_step, last=debate.last_step, selected=selected, history=history)
    return moved.at_step(state.step)


def fold_speaker(maker: RowMaker, key: str, target: Hashable | None) -> str | None:
    """The speaker a column row folds: the speaker of a speaker's row or of a claim's; None
    for any other row."""
    if isinstance(target, tuple):
        return str(target[1])
    if isinstance(target, str):
        return maker.speaker_in(key, target)
    return None


def actor_panel(debate: Debate, actor: str) -> str:
    """The key of the panel an actor's claims are in: their side's, else the one apart."""
    side = debate.side_of_actor.get(actor)
    return side if side is not None else APART


def when_said(debate: Debate, state: DebateState, claim: str) -> DebateState:
    """The state, moved on to when a claim was said if it was not by the state's step."""
    if debate.is_said(claim, state.step):
        return state
    return state.at_step(debate.step_of_claim(claim))
