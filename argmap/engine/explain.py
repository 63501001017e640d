"""Why a claim has its label, as a short chain a student can follow.

Under grounded semantics every label has a well-founded reason, found by labelling in rounds
(round 0: the unattacked arguments are IN; each round, what an IN argument attacks becomes
OUT, and what has all its attackers OUT becomes IN):

* ``out``: an accepted claim attacks it; and why that one is accepted, down to claims nobody
  successfully attacks. The attacker chosen is the one accepted earliest, so the chain is
  the shortest.
* ``in``: each attacker is out, and by what.
* ``undec``: an undecided claim attacks it, and no accepted one does; the cycle of attacks
  that leaves them both open is shown when there is one.

Under the other semantics a label says in how many extensions (standpoints) the claim is; the
explanation gives a standpoint with it and one without it, and within each who attacks whom,
falling back on the grounded chain when that already decides.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from functools import cached_property
from typing import Protocol

from argmap.engine.labels import IN, NAME, OUT, UNDEC, WORD, Label
from argmap.engine.mapping import ATTACK_PREFIX, RELATION_PREFIX, Attack, MappedDebate
from argmap.engine.semantics import Semantics, credulous, sceptical
from argmap.engine.whatif import WhatIf

MAX_DEPTH = 4
MAX_LINES = 24


class Names(Protocol):
    """How an explanation names what it speaks of: by id (the default, for authors), or in
    words a student reads (speakers, paraphrases, dates), given by the views."""

    def claim(self, claim: str) -> str:
        """A claim in full, as the subject of a line."""
        ...

    def brief(self, claim: str) -> str:
        """A claim in a few words, inside a sentence."""
        ...

    def this(self, claim: str) -> str:
        """The claim explained, as the subject of the summary."""
        ...

    @property
    def it(self) -> bool:
        """Whether a line's own claim is called "it" when a reason comes back to it."""
        ...

    @property
    def listed(self) -> int:
        """How many claims of a standpoint are named before "and n more"."""
        ...

    def relation(self, relation: str) -> str:
        """A relation, as the object of a sentence ("the relation r1")."""
        ...

    def relations(self, relations: tuple[str, ...]) -> str:
        """What to add after a reason about these relations ("" for none)."""
        ...


class IdNames:
    """Claims by id and a cut text, relations by id."""

    def __init__(self, texts: dict[str, str]) -> None:
        self.texts = texts

    def claim(self, claim: str) -> str:
        text = self.texts.get(claim, "")
        if len(text) > 70:
            text = text[:67].rstrip() + "..."
        return f'{claim} ("{text}")' if text else claim

    def brief(self, claim: str) -> str:
        return claim

    def this(self, claim: str) -> str:
        return claim

    it = False
    listed = 8

    def relation(self, relation: str) -> str:
        return f"the relation {relation}"

    def relations(self, relations: tuple[str, ...]) -> str:
        return f" ({', '.join(relations)})" if relations else ""


class Evaluated(Protocol):
    """What an explanation reads of an evaluation (``evaluation.Evaluation``, which explains
    itself through this module, so this one does not import it)."""

    @property
    def mapped(self) -> MappedDebate: ...
    @property
    def semantics(self) -> Semantics: ...
    @property
    def grounded_labels(self) -> bytes: ...
    @property
    def exists(self) -> bool: ...
    @property
    def whatif(self) -> WhatIf: ...
    def label(self, claim: str) -> Label | None: ...


@dataclass(frozen=True, slots=True)
class Line:
    """One link of an explanation, indented by ``depth``."""

    depth: int
    node: str
    """The claim id (or ``relation:r`` / ``attack:k`` node) the line is about."""
    label: Label
    text: str


@dataclass(frozen=True, slots=True)
class Explanation:
    claim: str
    label: Label | None
    semantics: Semantics
    summary: str
    lines: tuple[Line, ...] = ()

    def render(self) -> str:
        return "\n".join([self.summary, *("  " * (ln.depth + 1) + ln.text for ln in self.lines)])


def rounds(mapped: MappedDebate, labels: bytes) -> list[int]:
    """The round in which the grounded labelling settles each argument (-1: never)."""
    af = mapped.af
    attackers = af.attackers
    rank = [-1] * af.n
    current = [a for a in range(af.n) if labels[a] == IN and not attackers[a]]
    k = 0
    settled_out: set[int] = set()
    while current:
        for a in current:
            rank[a] = k
        newly_out = []
        for a in current:
            for b in af.targets[a]:
                if rank[b] == -1 and b not in settled_out:
                    settled_out.add(b)
                    rank[b] = k
                    newly_out.append(b)
        k += 1
        candidates = {c for b in newly_out for c in af.targets[b]}
        current = sorted(
            c
            for c in candidates
            if rank[c] == -1 and labels[c] == IN and all(rank[x] != -1 and labels[x] == OUT for x in attackers[c])
        )
    return rank


class _Writer:
    def __init__(self, ev: Evaluated, names: Names) -> None:
        self.ev = ev
        self.names = names
        self.m = ev.mapped
        self.debate_claims = ev.mapped.claims
        self.g = ev.grounded_labels
        self.lines: list[Line] = []

    @cached_property
    def rank(self) -> list[int]:
        return rounds(self.m, self.g)

    # --- words --------------------------------------------------------------------------------

    def name(self, a: int) -> str:
        return self.m.af.name(a)

    def show(self, a: int) -> str:
        """A claim as id and text; a relation or attack node in words."""
        node = self.m.nodes[a]
        if node.kind == "claim":
            return self.names.claim(node.ref)
        if node.kind == "relation":
            return self._relation_words(node.ref)
        assert node.attack is not None
        return f"the attack of {self.names.brief(node.attack.source)} on {self._target(node.attack.target)}"

    def _relation_words(self, relation: str) -> str:
        return self.names.relation(relation)

    def _target(self, target: str) -> str:
        if target.startswith(RELATION_PREFIX):
            return self._relation_words(target[len(RELATION_PREFIX) :])
        return self.names.brief(target)

    def reason(self, r: Attack, subject: str | None = None) -> str:
        """A reason in words; its target is "it" when that is ``subject`` and the names say so."""
        target = "it" if self.names.it and r.target == subject else self._target(r.target)
        source, more = self.names.brief(r.source), self.names.relations(r.relations)
        if r.kind in ("attacks", "contradicts", "undercuts"):
            return f"{source} {r.kind} {target}{more}"
        if r.kind == "supported":
            return f"{source} supports a claim that attacks {target}{more}"
        return f"{source} attacks a reason {target} rests on{more}"

    def why(self, a: int, b: int, *, it: bool = True) -> str:
        """How ``a`` attacks ``b``, in words; ``b`` is "it" (when the names say so) unless
        ``it`` is False, for a line that does not name ``b``."""
        reasons = self.m.reasons.get((a, b), ())
        node = self.m.nodes[b]
        if node.kind == "attack" and reasons:
            return f"{self.reason(reasons[0])}, and the attack depends on {self._target(reasons[0].target)}"
        return (
            self.reason(reasons[0], self.name(b) if it else None)
            if reasons
            else f"{self.show(a)} attacks {self.show(b)}"
        )

    def is_(self, a: int, label: int) -> str:
        """``a`` with the verb its kind takes: claims are accepted, relations hold, attacks
        succeed."""
        kind = self.m.nodes[a].kind
        if kind == "claim":
            verb = WORD[NAME[label]]
        else:
            verb = {IN: "holds" if kind == "relation" else "succeeds", OUT: "fails", UNDEC: "is undecided"}[label]
        return f"{self.show(a)} {'is ' if kind == 'claim' else ''}{verb}"

    def add(self, depth: int, a: int, text: str, label: int | None = None) -> bool:
        if len(self.lines) >= MAX_LINES:
            return False
        self.lines.append(Line(depth, self.name(a), NAME[self.g[a] if label is None else label], text))
        return True

    # --- grounded chains ----------------------------------------------------------------------

    def grounded_chain(self, a: int, depth: int, seen: frozenset[int]) -> None:
        """Lines saying why ``a`` has its grounded label."""
        if depth > MAX_DEPTH or a in seen:
            return
        seen = seen | {a}
        af = self.m.af
        attackers = af.attackers[a]
        label = self.g[a]
        if label == IN:
            if not attackers:
                granted = self.m.nodes[a].kind == "claim" and self.m.nodes[a].ref in self.ev.whatif.granted
                self.add(
                    depth,
                    a,
                    f"{self.is_(a, IN)}: " + ("it is granted (what-if)." if granted else "nothing attacks it."),
                )
                return
            self.add(depth, a, f"{self.is_(a, IN)}: every attack on it fails.")
            for x in sorted(attackers, key=lambda x: self.rank[x]):
                y = self._first_in_attacker(x)
                if y is None:
                    continue
                if not self.add(depth + 1, x, f"{self.is_(x, OUT)}: {self.why(y, x)}."):
                    return
                self.grounded_chain(y, depth + 2, seen | {x})
        elif label == OUT:
            y = self._first_in_attacker(a)
            assert y is not None
            self.add(depth, a, f"{self.is_(a, OUT)}: {self.why(y, a)}.")
            self.grounded_chain(y, depth + 1, seen)
        else:
            open_ = [x for x in attackers if self.g[x] == UNDEC]
            self.add(depth, a, f"{self.is_(a, UNDEC)}: no accepted claim attacks it, but undecided ones do.")
            cycle = self._cycle(a)
            if cycle:
                words = " -> ".join(self._brief_node(c) for c in [*cycle, cycle[0]])
                self.add(depth + 1, a, f"attacks go round in a cycle, {words}, and nothing outside settles it.")
            for x in open_[:3]:
                self.add(depth + 1, x, f"{self.why(x, a)}; {self.is_(x, UNDEC)}.")

    def _brief_node(self, a: int) -> str:
        node = self.m.nodes[a]
        return self.names.brief(node.ref) if node.kind == "claim" else self.show(a)

    def _first_in_attacker(self, a: int) -> int | None:
        ins = [y for y in self.m.af.attackers[a] if self.g[y] == IN]
        return min(ins, key=lambda y: (self.rank[y], y), default=None)

    def _cycle(self, a: int) -> list[int] | None:
        """A shortest cycle of attacks among undecided arguments through ``a``."""
        attackers = self.m.af.attackers
        back: dict[int, int] = {}
        queue = deque([a])
        while queue:
            b = queue.popleft()
            for x in attackers[b]:
                if self.g[x] != UNDEC:
                    continue
                if x == a:
                    chain = [b]
                    while chain[-1] != a:
                        chain.append(back[chain[-1]])
                    return chain  # a attacks chain[0] ... chain[-1] == a: reversed attack order
                if x not in back:
                    back[x] = b
                    queue.append(x)
        return None


def explain(ev: Evaluated, claim: str, names: Names | None = None) -> Explanation:
    """Why a claim has its label in an evaluation, naming claims by ``names`` (by id when none
    is given)."""
    names = names or IdNames(ev.mapped.texts)
    label = ev.label(claim)
    if label is None:
        return Explanation(claim, None, ev.semantics, _absent(ev, claim, names))
    w = _Writer(ev, names)
    a = ev.mapped.index[claim]
    if ev.semantics == "grounded":
        w.grounded_chain(a, 0, frozenset())
        return Explanation(claim, label, ev.semantics, _summary(ev, names.this(claim), label), tuple(w.lines))
    g = ev.grounded_labels[a]
    if not ev.exists:
        return Explanation(
            claim,
            label,
            ev.semantics,
            f"{names.this(claim)} is undecided: there is no stable extension, no set of claims that holds "
            "together and rejects every claim outside it.",
        )
    summary = _summary(ev, names.this(claim), label)
    if (label == "in" and g == IN) or (label == "out" and g == OUT):
        w.grounded_chain(a, 0, frozenset())
        return Explanation(
            claim, label, ev.semantics, summary + " The grounded reasoning already shows it:", tuple(w.lines)
        )
    af, sem = ev.mapped.af, ev.semantics
    with_it = credulous(af, a, sem, bytearray(ev.grounded_labels), witness=True)
    without = sceptical(af, a, sem, bytearray(ev.grounded_labels), witness=True)
    if with_it.yes and with_it.witness is not None:
        inside = set(with_it.witness)
        w.add(0, a, "A standpoint with it: " + _members(ev, inside, names) + ".", IN)
        for x in af.attackers[a]:
            defenders = [y for y in af.attackers[x] if y in inside]
            if defenders:
                w.add(1, x, f"there {w.why(defenders[0], x, it=False)}.", OUT)
    else:
        w.add(0, a, f"No {sem} extension contains it: it cannot be defended against all its attackers.", OUT)
        if a in af.targets[a]:
            w.add(1, a, f"{names.brief(claim)} attacks itself: {w.why(a, a)}.", OUT)
        for x in af.attackers[a][:3]:
            if x != a:
                w.add(1, x, f"{w.why(x, a)}.", UNDEC)
    if not without.yes and without.witness is not None:
        inside = set(without.witness)
        w.add(0, a, "A standpoint without it: " + _members(ev, inside, names) + ".", OUT)
        hitters = [y for y in af.attackers[a] if y in inside]
        if hitters:
            w.add(1, hitters[0], f"there {w.why(hitters[0], a)}.", IN)
        else:
            w.add(1, a, "there nothing attacks it, but it cannot be defended.", UNDEC)
    return Explanation(claim, label, ev.semantics, summary, tuple(w.lines))


def _members(ev: Evaluated, inside: set[int], names: Names) -> str:
    claims = [names.brief(c) for i, c in enumerate(ev.mapped.claims) if i in inside]
    most = names.listed
    shown = ", ".join(claims[:most])
    return shown + (f" and {len(claims) - most} more" if len(claims) > most else "") if claims else "no claim"


def _summary(ev: Evaluated, claim: str, label: Label) -> str:
    if ev.semantics == "grounded":
        return {
            "in": f"{claim} is accepted (grounded): every attack on it fails.",
            "out": f"{claim} is rejected (grounded): an accepted claim attacks it.",
            "undec": f"{claim} is undecided (grounded): it can be neither accepted nor rejected.",
        }[label]
    word = f"{ev.semantics} extension"
    return {
        "in": f"{claim} is accepted: it is in every {word}.",
        "out": f"{claim} is rejected: it is in no {word}.",
        "undec": f"{claim} is open: it is in some {word}s but not all.",
    }[label]


def _absent(ev: Evaluated, claim_id: str, names: Names) -> str:
    m = ev.mapped
    claim = names.brief(claim_id)
    if claim_id in m.whatif.off_claims:
        return f"{claim} is switched off (what-if)."
    if claim_id in m.left_out:
        return f"{claim} is left out of the debate at this step (a commentator's claim, or a what-if)."
    return f"{claim} has not been said yet at this step."


__all__ = ["ATTACK_PREFIX", "Explanation", "IdNames", "Line", "Names", "explain", "rounds"]
