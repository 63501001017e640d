"""What the debate looks like at each step: who has said what, where each side stands, where a
side contradicts itself, what answers what.

A ``Debate`` is built once from a loaded scenario and answers questions about one step of its
timeline. It never imports a user interface; the terminal UI draws what it returns.

Definitions used throughout:

* A claim is *said by* step N when its timeline step is at most N.
* The *sides* are the actors of kind ``side`` with no side above them, in file order. A claim
  belongs to the side of its speaker and, for a joint statement, to the sides of the other
  parties too. Commentators are never a side: their claims (and those of actors outside every
  side) are kept apart.
* A side's *position* on a topic at step N: for each of the side's speakers, take the stances
  of that speaker's latest claims on the topic said by step N (all claims of the speaker's
  latest step on it). The position is "for" or "against" when every current stance agrees
  (neutral ones aside), "neutral" when all are neutral, and "conflicting" when the side holds
  both for and against at once.
* A side *contradicts itself* at step N when two of its claims, both said by step N, are joined
  by a ``contradicts`` relation, or one ``attacks`` the other.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from argmap.debate.timeline import Step, Timeline, build_timeline
from argmap.scenario.dates import FuzzyDate
from argmap.scenario.model import Actor, Claim, Event, Relation, Scenario, Topic
from argmap.scenario.quotes import normalise
from argmap.scenario.sides import side_of

if TYPE_CHECKING:
    from argmap.scenario.loaded import Loaded, LoadedSource

PositionStance = Literal["for", "against", "neutral", "conflicting"]
CONFLICTING: PositionStance = "conflicting"
NO_TOPIC = ""
"""The topic key of claims that take no topic."""
APART = ""
"""The column key of claims kept apart from the sides (commentators)."""


@dataclass(frozen=True, slots=True)
class Position:
    """Where a side stands on a topic at a step, and the claims behind it."""

    side: str
    topic: str
    stance: PositionStance
    claims: tuple[str, ...]
    """The current claims that make the position, in timeline order."""


@dataclass(frozen=True, slots=True)
class StanceChange:
    """A side's position on a topic that is new, or differs from the step before."""

    side: str
    topic: str
    before: Position | None
    after: Position

    @property
    def first(self) -> bool:
        return self.before is None


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Two claims of one side that conflict: ``first`` was said no later than ``second``."""

    side: str
    first: str
    second: str
    relation: str
    type: Literal["contradicts", "attacks"]


TreeEdge = Literal["root", "supports", "attacks", "contradicts", "undercuts"]


@dataclass(frozen=True, slots=True)
class TreeNode:
    """A claim in a debate tree, with how it bears on its parent."""

    claim: str
    edge: TreeEdge
    relation: str | None
    children: tuple[TreeNode, ...]
    repeat: bool = False
    """The claim is already on the path from the root: shown, not expanded again."""

    def walk(self) -> Iterator[TreeNode]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True, slots=True)
class Child:
    """One answer to a claim: the answering claim and the relation it bears."""

    claim: str
    edge: TreeEdge
    relation: str
    via: str | None = None
    """For ``undercuts``: the relation that is undercut."""


SearchField = Literal["text", "speaker", "quote", "id", "topic"]


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A claim matching a search, with where it matched first."""

    claim: str
    field: SearchField
    snippet: str


@dataclass(frozen=True, slots=True)
class Citation:
    """A claim's quote found in a source: its span in the normalised source text."""

    claim: str
    index: int
    source: str
    start: int
    end: int


_FIELD_RANK: dict[SearchField, int] = {"text": 0, "id": 1, "speaker": 2, "topic": 3, "quote": 4}


class Debate:
    """A scenario placed in time, with the lookups every view needs."""

    def __init__(
        self, scenario: Scenario, sources: dict[str, LoadedSource] | None = None, timeline: Timeline | None = None
    ) -> None:
        self.scenario = scenario
        self.sources = sources or {}
        self.timeline = timeline or build_timeline(scenario)
        self.claims: dict[str, Claim] = {c.id: c for c in scenario.claims}
        self.actors: dict[str, Actor] = {a.id: a for a in scenario.actors}
        self.topics: dict[str, Topic] = {t.id: t for t in scenario.topics}
        self.events: dict[str, Event] = {e.id: e for e in scenario.events}
        self.relations: dict[str, Relation] = {r.id: r for r in scenario.relations}
        self.steps: tuple[Step, ...] = self.timeline.steps
        self.first_step = self.steps[0].index if self.steps else 0
        self.last_step = self.steps[-1].index if self.steps else 0

        parents = {a.id: a.parent for a in scenario.actors}
        kinds: dict[str, str] = {a.id: a.kind for a in scenario.actors}
        self.side_of_actor: dict[str, str | None] = {}
        for actor in scenario.actors:
            side = None if actor.kind == "commentator" else side_of(actor.id, parents, kinds)
            # A side nested in another counts for the outermost one.
            while side is not None and parents.get(side) is not None:
                above = side_of(parents[side] or "", parents, kinds)
                if above is None or above == side:
                    break
                side = above
            self.side_of_actor[actor.id] = side
        self.sides: tuple[str, ...] = tuple(
            a.id for a in scenario.actors if a.kind == "side" and self.side_of_actor[a.id] == a.id
        )
        self.commentators: tuple[str, ...] = tuple(a.id for a in scenario.actors if a.kind == "commentator")

        # Each side a claim speaks for, with the party speaking for it.
        self.speakers: dict[str, tuple[tuple[str, str], ...]] = {}
        for claim in scenario.claims:
            pairs: list[tuple[str, str]] = []
            for party in (claim.actor, *claim.with_):
                side = self.side_of_actor.get(party)
                if side is not None and all(s != side for s, _ in pairs):
                    pairs.append((side, party))
            self.speakers[claim.id] = tuple(pairs)

        self.relations_out: dict[str, list[Relation]] = {cid: [] for cid in self.claims}
        self.relations_in: dict[str, list[Relation]] = {cid: [] for cid in self.claims}
        self.undercuts: dict[str, list[Relation]] = {}
        for rel in scenario.relations:
            if rel.type == "undercuts":
                self.undercuts.setdefault(rel.to, []).append(rel)
                self.relations_out.setdefault(rel.from_, []).append(rel)
                continue
            self.relations_out.setdefault(rel.from_, []).append(rel)
            self.relations_in.setdefault(rel.to, []).append(rel)

        # Claims in timeline order: by step, then as written.
        position = {c.id: i for i, c in enumerate(scenario.claims)}
        step_of = self.timeline.claim_step
        dated = [c.id for c in scenario.claims if c.id in step_of]
        dated.sort(key=lambda cid: (step_of[cid], position[cid]))
        self.ordered: tuple[str, ...] = tuple(dated)
        self._ordered_steps = [step_of[cid] for cid in dated]
        self.order: dict[str, int] = {cid: i for i, cid in enumerate(dated)}

        self._positions: dict[int, dict[tuple[str, str], Position]] = {}
        self._haystacks: list[tuple[str, tuple[tuple[SearchField, str, str], ...]]] | None = None
        self._citations: dict[str, list[Citation]] | None = None
        self._history: dict[tuple[str, str], tuple[list[int], list[Position]]] | None = None
        self._contradiction_list: tuple[list[int], list[Contradiction]] | None = None
        self._groups: dict[str, dict[str, tuple[list[int], list[str]]]] | None = None

    @classmethod
    def from_loaded(cls, loaded: Loaded) -> Debate:
        if loaded.scenario is None:
            raise ValueError("the scenario did not load")
        return cls(loaded.scenario, loaded.sources)

    # --- time -----------------------------------------------------------------------------

    def step(self, index: int) -> Step:
        """The step of a given index (clamped to the timeline)."""
        return self.steps[self.clamp(index) - self.first_step]

    def clamp(self, index: int) -> int:
        return max(self.first_step, min(self.last_step, index))

    def step_of_claim(self, claim: str) -> int:
        return self.timeline.claim_step.get(claim, self.last_step)

    def date_of_claim(self, claim: str) -> FuzzyDate | None:
        return self.timeline.claim_date.get(claim)

    def step_of_date(self, date: FuzzyDate | str) -> int:
        if isinstance(date, str):
            date = FuzzyDate.parse(date)
        return self.clamp(self.timeline.step_of_date(date))

    def is_said(self, claim: str, step: int) -> bool:
        return self.timeline.claim_step.get(claim, self.last_step + 1) <= step

    def said_by(self, step: int) -> tuple[str, ...]:
        """Claims said by a step, in timeline order."""
        return self.ordered[: bisect.bisect_right(self._ordered_steps, step)]

    def introduced_at(self, step: int) -> tuple[str, ...]:
        """Claims first said at a step, in timeline order."""
        lo = bisect.bisect_left(self._ordered_steps, step)
        hi = bisect.bisect_right(self._ordered_steps, step)
        return self.ordered[lo:hi]

    # --- who ------------------------------------------------------------------------------

    def sides_of_claim(self, claim: str) -> tuple[str, ...]:
        """The sides a claim speaks for: its speaker's, then the other parties' of a joint one."""
        return tuple(side for side, _ in self.speakers.get(claim, ()))

    def side_of_claim(self, claim: str) -> str | None:
        """The side of the claim's speaker; None for commentators and actors outside any side."""
        return self.side_of_actor.get(self.claims[claim].actor)

    def is_apart(self, claim: str) -> bool:
        """Said by a commentator or by no side: shown apart from the sides."""
        return not self.speakers.get(claim)

    def actor_name(self, actor: str) -> str:
        found = self.actors.get(actor)
        return found.name if found else actor

    def speaker_names(self, claim: str) -> str:
        """The speaker, and the other parties of a joint statement."""
        c = self.claims[claim]
        return " and ".join(self.actor_name(a) for a in (c.actor, *c.with_))

    def side_claims(self, side: str, step: int) -> list[str]:
        """A side's claims said by a step, in timeline order."""
        return [cid for cid in self.said_by(step) if side in self.sides_of_claim(cid)]

    def apart_claims(self, step: int) -> list[str]:
        """Claims of commentators (and of actors outside every side) said by a step."""
        return [cid for cid in self.said_by(step) if self.is_apart(cid)]

    def grouped(self, step: int) -> dict[str, dict[str, tuple[str, ...]]]:
        """Claims said by a step, by column and topic, in timeline order. The columns are the
        sides, then ``APART`` for the claims of commentators and of actors outside every side;
        the topic ``NO_TOPIC`` holds claims that take none. A joint statement appears under
        each side it speaks for."""
        out: dict[str, dict[str, tuple[str, ...]]] = {}
        for column, topics in self._claim_groups().items():
            shown = out[column] = {}
            for topic, (steps, claims) in topics.items():
                n = bisect.bisect_right(steps, step)
                if n:
                    shown[topic] = tuple(claims[:n])
        return out

    def _claim_groups(self) -> dict[str, dict[str, tuple[list[int], list[str]]]]:
        if self._groups is None:
            groups: dict[str, dict[str, tuple[list[int], list[str]]]] = {s: {} for s in self.sides}
            groups[APART] = {}
            step_of = self.timeline.claim_step
            for cid in self.ordered:
                topic = self.claims[cid].topic or NO_TOPIC
                for column in self.sides_of_claim(cid) or (APART,):
                    steps, claims = groups[column].setdefault(topic, ([], []))
                    steps.append(step_of[cid])
                    claims.append(cid)
            self._groups = groups
        return self._groups

    # --- positions ------------------------------------------------------------------------

    def positions(self, step: int) -> dict[tuple[str, str], Position]:
        """Each side's position on each topic it has spoken on by a step."""
        cached = self._positions.get(step)
        if cached is not None:
            return cached
        history = self._position_history()
        result: dict[tuple[str, str], Position] = {}
        for key, (steps, held) in history.items():
            i = bisect.bisect_right(steps, step)
            if i:
                result[key] = held[i - 1]
        if len(self._positions) > 64:
            self._positions.clear()
        self._positions[step] = result
        return result

    def _position_history(self) -> dict[tuple[str, str], tuple[list[int], list[Position]]]:
        """For each side and topic, the steps where its position was set, and the position.

        One pass over the claims in timeline order, so that the position at any step is a
        binary search away."""
        if self._history is not None:
            return self._history
        step_of = self.timeline.claim_step
        # (side, topic) -> speaker -> (latest step, claims of that step)
        latest: dict[tuple[str, str], dict[str, tuple[int, list[str]]]] = {}
        history: dict[tuple[str, str], tuple[list[int], list[Position]]] = {}
        for cid in self.ordered:
            claim = self.claims[cid]
            if claim.topic is None or claim.stance is None:
                continue
            at = step_of[cid]
            for side, speaker in self.speakers[cid]:
                key = (side, claim.topic)
                per_speaker = latest.setdefault(key, {})
                held = per_speaker.get(speaker)
                if held is None or held[0] < at:
                    per_speaker[speaker] = (at, [cid])
                else:
                    held[1].append(cid)
                position = self._position_of(side, claim.topic, per_speaker)
                steps, positions = history.setdefault(key, ([], []))
                if steps and steps[-1] == at:
                    positions[-1] = position
                else:
                    steps.append(at)
                    positions.append(position)
        self._history = history
        return history

    def _position_of(self, side: str, topic: str, per_speaker: dict[str, tuple[int, list[str]]]) -> Position:
        current = sorted((c for _, cs in per_speaker.values() for c in cs), key=self.order.__getitem__)
        stances = {self.claims[c].stance for c in current}
        stance: PositionStance
        if "for" in stances and "against" in stances:
            stance = CONFLICTING
        elif "for" in stances:
            stance = "for"
        elif "against" in stances:
            stance = "against"
        else:
            stance = "neutral"
        behind = (
            current if stance in (CONFLICTING, "neutral") else [c for c in current if self.claims[c].stance == stance]
        )
        return Position(side, topic, stance, tuple(behind))

    def position(self, side: str, topic: str, step: int) -> Position | None:
        return self.positions(step).get((side, topic))

    def stance_changes(self, step: int) -> list[StanceChange]:
        """Positions taken for the first time, or changed, at a step."""
        if step <= self.first_step:
            now, before = self.positions(step), {}
        else:
            now, before = self.positions(step), self.positions(step - 1)
        changes = []
        for key, position in now.items():
            old = before.get(key)
            if old is None or old.stance != position.stance:
                changes.append(StanceChange(key[0], key[1], old, position))
        return changes

    def topics_in_order(self, step: int | None = None) -> list[str]:
        """Topics in file order, then ``NO_TOPIC`` if claims without a topic exist."""
        out = [t.id for t in self.scenario.topics]
        claims = self.said_by(step) if step is not None else self.ordered
        if any(self.claims[c].topic is None for c in claims):
            out.append(NO_TOPIC)
        return out

    # --- contradictions -------------------------------------------------------------------

    def contradictions(self, step: int, side: str | None = None) -> list[Contradiction]:
        """Pairs of a side's claims, both said by a step, that contradict or attack each other;
        in the order they arose."""
        steps, found = self._all_contradictions()
        arisen = found[: bisect.bisect_right(steps, step)]
        return arisen if side is None else [c for c in arisen if c.side == side]

    def _all_contradictions(self) -> tuple[list[int], list[Contradiction]]:
        """Every contradiction, with the step from which both its claims are said."""
        if self._contradiction_list is not None:
            return self._contradiction_list
        found: list[tuple[int, int, Contradiction]] = []
        step_of = self.timeline.claim_step
        for i, rel in enumerate(self.scenario.relations):
            if rel.type not in ("contradicts", "attacks"):
                continue
            if rel.from_ not in step_of or rel.to not in step_of:
                continue
            to_sides = self.sides_of_claim(rel.to)
            shared = [s for s in self.sides_of_claim(rel.from_) if s in to_sides]
            if not shared:
                continue
            first, second = sorted((rel.from_, rel.to), key=self.order.__getitem__)
            at = max(step_of[rel.from_], step_of[rel.to])
            for s in shared:
                found.append((at, i, Contradiction(s, first, second, rel.id, rel.type)))  # type: ignore[arg-type]
        found.sort(key=lambda f: (f[0], f[1]))
        self._contradiction_list = ([f[0] for f in found], [f[2] for f in found])
        return self._contradiction_list

    def contradicted_claims(self, step: int) -> dict[str, list[Contradiction]]:
        """Each claim flagged by a contradiction at a step, with the contradictions."""
        flagged: dict[str, list[Contradiction]] = {}
        for c in self.contradictions(step):
            flagged.setdefault(c.first, []).append(c)
            flagged.setdefault(c.second, []).append(c)
        return flagged

    # --- argument structure ---------------------------------------------------------------

    def answers(self, claim: str, step: int, *, came_by: str | None = None) -> list[Child]:
        """What bears on a claim by a step: supporters, attackers, contradicting claims."""
        out: list[Child] = []
        for rel in self.relations_in.get(claim, ()):
            if rel.id == came_by or not self.is_said(rel.from_, step):
                continue
            out.append(Child(rel.from_, rel.type, rel.id))  # type: ignore[arg-type]
        # A contradiction goes both ways.
        for rel in self.relations_out.get(claim, ()):
            if rel.type == "contradicts" and rel.id != came_by and self.is_said(rel.to, step):
                out.append(Child(rel.to, "contradicts", rel.id))
        out.sort(key=lambda ch: (ch.edge != "supports", self.order.get(ch.claim, 0)))
        return out

    def undercutters(self, relation: str, step: int) -> list[Child]:
        """Claims said by a step that undercut a relation."""
        return [
            Child(rel.from_, "undercuts", rel.id, via=relation)
            for rel in self.undercuts.get(relation, ())
            if self.is_said(rel.from_, step)
        ]

    def children(self, claim: str, step: int, *, came_by: str | None = None) -> list[Child]:
        """A node's children in the debate tree: the undercutters of the relation that led to
        it, then what bears on the claim itself."""
        out = self.undercutters(came_by, step) if came_by else []
        return out + self.answers(claim, step, came_by=came_by)

    def tree(self, claim: str, step: int, *, max_depth: int = 50, max_nodes: int = 5_000) -> TreeNode:
        """The debate tree of a claim by a step; a claim already on the path is not expanded."""
        budget = [max_nodes]

        def build(cid: str, edge: TreeEdge, relation: str | None, path: frozenset[str], depth: int) -> TreeNode:
            budget[0] -= 1
            if cid in path:
                return TreeNode(cid, edge, relation, (), repeat=True)
            kids: list[TreeNode] = []
            if depth < max_depth:
                inner = path | {cid}
                for child in self.children(cid, step, came_by=relation):
                    if budget[0] <= 0:
                        break
                    kids.append(build(child.claim, child.edge, child.relation, inner, depth + 1))
            return TreeNode(cid, edge, relation, tuple(kids))

        return build(claim, "root", None, frozenset(), 0)

    # --- search ---------------------------------------------------------------------------

    def _search_index(self) -> list[tuple[str, tuple[tuple[SearchField, str, str], ...]]]:
        if self._haystacks is None:
            index = []
            for cid in self.ordered:
                c = self.claims[cid]
                fields: list[tuple[SearchField, str, str]] = [
                    ("text", c.text, c.text.lower()),
                    ("id", c.id, c.id.lower()),
                ]
                speaker = self.speaker_names(cid)
                fields.append(("speaker", speaker, speaker.lower()))
                if c.topic in self.topics:
                    q = self.topics[c.topic].question
                    fields.append(("topic", q, q.lower()))
                for ev in c.evidence:
                    quote = normalise(ev.quote)
                    fields.append(("quote", quote, quote.lower()))
                index.append((cid, tuple(fields)))
            self._haystacks = index
        return self._haystacks

    def search(self, query: str, *, limit: int = 200) -> list[SearchHit]:
        """Claims whose text, id, speaker, topic or quotes contain every word of a query
        (ignoring case). Best field first, then timeline order."""
        words = [w for w in normalise(query).lower().split(" ") if w]
        if not words:
            return []
        hits: list[tuple[int, int, SearchHit]] = []
        for i, (cid, fields) in enumerate(self._search_index()):
            joined = " ".join(low for _, _, low in fields)
            if not all(w in joined for w in words):
                continue
            best: tuple[SearchField, str] | None = None
            best_count = -1
            for field, original, low in fields:
                count = sum(w in low for w in words)
                if count > best_count or (
                    count == best_count and best is not None and _FIELD_RANK[field] < _FIELD_RANK[best[0]]
                ):
                    best, best_count = (field, original), count
            assert best is not None
            hits.append((_FIELD_RANK[best[0]] if best_count == len(words) else 9, i, SearchHit(cid, best[0], best[1])))
        hits.sort(key=lambda h: (h[0], h[1]))
        return [h[2] for h in hits[:limit]]

    # --- sources --------------------------------------------------------------------------

    def citations(self, source: str) -> list[Citation]:
        """Every claim quote found in a source, by position in the normalised text."""
        if self._citations is None:
            self._citations = {}
            wanted: dict[str, list[tuple[str, int, str]]] = {}
            for claim in self.scenario.claims:
                for i, ev in enumerate(claim.evidence):
                    wanted.setdefault(ev.source, []).append((claim.id, i, ev.quote))
            for sid, items in wanted.items():
                loaded = self.sources.get(sid)
                if loaded is None:
                    continue
                found = loaded.text.find_many([q for _, _, q in items])
                cites = [
                    Citation(cid, i, sid, m.start, m.end)
                    for (cid, i, _), m in zip(items, found, strict=True)
                    if m is not None
                ]
                cites.sort(key=lambda c: (c.start, c.end))
                self._citations[sid] = cites
        return self._citations.get(source, [])

    def citation(self, claim: str, index: int) -> Citation | None:
        """Where one of a claim's quotes sits in its source."""
        ev = self.claims[claim].evidence[index]
        for cite in self.citations(ev.source):
            if cite.claim == claim and cite.index == index:
                return cite
        return None

    def citing(self, source: str, start: int, end: int) -> list[Citation]:
        """Claims quoting a passage of a source: quotes overlapping [start, end) of the
        normalised text."""
        return [c for c in self.citations(source) if c.start < end and c.end > start]

    # --- glossary -------------------------------------------------------------------------

    def terms_in(self, texts: Iterable[str]) -> list[str]:
        """Glossary terms (by their main spelling) used in some texts, in glossary order."""
        joined = " ".join(texts)
        low = joined.lower()
        found = []
        for entry in self.scenario.glossary:
            for spelling in (entry.term, *entry.aliases):
                if _has_word(
                    low if not spelling.isupper() else joined, spelling if spelling.isupper() else spelling.lower()
                ):
                    found.append(entry.term)
                    break
        return found


def _has_word(text: str, word: str) -> bool:
    """``word`` occurs in ``text`` not inside a longer word."""
    start = text.find(word)
    while start != -1:
        end = start + len(word)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        start = text.find(word, start + 1)
    return False
