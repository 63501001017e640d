"""Role-play as a side: the debate runs in the sources' order, and the student answers each
opposing claim that bears on their side with one of the side's documented claims.

A round is an opposing claim that attacks one of the side's claims, or that the side answers
in the map. An answer scores when, in the map, it attacks or contradicts the opposing claim.
After each answer the student sees what the side actually said in reply, and when; at the end,
which of the side's claims stand, and which rounds were answered without a rebuttal or passed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from argmap.classroom.question import attackers
from argmap.classroom.records import Record
from argmap.debate.index import Debate

ROLEPLAY_KIND = "roleplay"
"""The kind of a role-play round's record in a results file."""


def roleplay_set(side: str) -> str:
    """The set name a role-play as a side is saved under."""
    return f"roleplay-{side}"


Labels = Callable[[Debate, frozenset[str]], dict[str, str]]
"""Labels every claim at the last step, with some claims switched off."""


@dataclass(frozen=True, slots=True)
class Round:
    opposing: str
    """The opposing claim the student answers."""
    step: int
    targets: tuple[str, ...]
    """The side's claims it attacks."""
    replies: tuple[str, ...]
    """What the side actually said against it, in timeline order."""


@dataclass(frozen=True, slots=True)
class Turn:
    round: Round
    answer: str | None
    """The claim the student played, or None for a pass."""
    scored: bool


@dataclass(frozen=True, slots=True)
class RolePlay:
    """The state of a role-play: immutable, replaced by each answer."""

    side: str
    rounds: tuple[Round, ...]
    turns: tuple[Turn, ...] = field(default=())

    @property
    def current(self) -> Round | None:
        return self.rounds[len(self.turns)] if len(self.turns) < len(self.rounds) else None

    @property
    def finished(self) -> bool:
        return self.current is None

    @property
    def score(self) -> int:
        """Rounds answered with a claim that rebuts the opposing one."""
        return sum(t.scored for t in self.turns)

    @property
    def answered(self) -> int:
        """Rounds answered with a claim, rebutting or not; a pass is no answer."""
        return sum(t.answer is not None for t in self.turns)


def side_claims(debate: Debate, side: str) -> list[str]:
    """The claims the student may play: everything the side says in the map, in time order."""
    return debate.side_claims(side, debate.last_step)


def start(debate: Debate, side: str) -> RolePlay:
    if side not in debate.sides:
        raise ValueError(f"'{side}' is not a side of this scenario")
    own = set(side_claims(debate, side))
    rounds = []
    for cid in debate.ordered:
        if cid in own or debate.is_apart(cid) or side in debate.sides_of_claim(cid):
            continue
        targets = tuple(
            r.to for r in debate.relations_out.get(cid, ()) if r.type in ("attacks", "contradicts") and r.to in own
        )
        replies = tuple(sorted((a for a in attackers(debate, cid) if a in own), key=debate.order.__getitem__))
        if targets or replies:
            rounds.append(Round(cid, debate.step_of_claim(cid), targets, replies))
    return RolePlay(side, tuple(rounds))


def resume(debate: Debate, side: str, saved: Mapping[str, Record]) -> RolePlay | None:
    """A role-play as it was left: the rounds answered in ``saved`` (by opposing claim, as a
    results file keeps them) played again in order, up to the first not answered; None when
    none was answered."""
    play = start(debate, side)
    own = set(side_claims(debate, side))
    for rnd in play.rounds:
        record = saved.get(rnd.opposing)
        if record is None:
            break
        claim = record.answer[0] if record.answer and record.answer[0] in own else None
        play = answer(debate, play, claim)
    return play if play.turns else None


def answer(debate: Debate, play: RolePlay, claim: str | None) -> RolePlay:
    """Play a claim (or pass) against the current opposing claim."""
    current = play.current
    if current is None:
        raise ValueError("the role-play is over")
    if claim is not None and claim not in set(side_claims(debate, play.side)):
        raise ValueError(f"'{claim}' is not a claim of {play.side}")
    scored = claim is not None and claim in attackers(debate, current.opposing)
    return replace(play, turns=(*play.turns, Turn(current, claim, scored)))


@dataclass(frozen=True, slots=True)
class Outcome:
    """The end of a role-play, counted one way throughout: every round is either rebutted (the
    claim played attacks the opposing one), answered without a rebuttal, or passed, so
    ``score + len(not_rebutted) + len(passed) == rounds``."""

    score: int
    """Rounds answered with a claim that rebuts the opposing one."""
    rounds: int
    standing: tuple[tuple[str, str], ...]
    """The side's claims that were attacked or played, with their labels in the student's debate."""
    not_rebutted: tuple[Round, ...] = ()
    """Rounds answered with a claim that does not attack the opposing one."""
    passed: tuple[Round, ...] = ()
    """Rounds the student let pass."""

    @property
    def answered(self) -> int:
        """Rounds answered with a claim, rebutting or not (a wrong answer is an answer)."""
        return self.score + len(self.not_rebutted)


def outcome(debate: Debate, play: RolePlay, labels: Labels | None = None) -> Outcome:
    """The student's debate is the map with the side's unplayed replies switched off."""
    own = side_claims(debate, play.side)
    played = {t.answer for t in play.turns if t.answer is not None}
    attacked = {c for t in play.turns for c in t.round.targets}
    replies = {c for t in play.turns for c in t.round.replies}
    off = frozenset(replies - played)
    label_of = labels(debate, off) if labels else {}
    shown = [c for c in own if c in played or c in attacked]
    standing = tuple((c, label_of.get(c, "unknown")) for c in shown)
    not_rebutted = tuple(t.round for t in play.turns if t.answer is not None and not t.scored)
    passed = tuple(t.round for t in play.turns if t.answer is None)
    return Outcome(play.score, len(play.turns), standing, not_rebutted, passed)
