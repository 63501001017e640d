"""The meaning layer: checks a scenario whose shape is right.

Every reference resolves; ids are unique; quotes occur in their sources; time is consistent;
the actor tree has no cycles; contradictions stay within one side. Each problem becomes a
diagnostic with the data path it concerns; ``loading`` turns paths into lines and columns.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from argmap.base.diagnostics import Diagnostic, Path, did_you_mean
from argmap.scenario.dates import Day, FuzzyDate
from argmap.scenario.model import Claim, Event, Evidence, GlossaryEntry, Relation, Scenario
from argmap.scenario.sides import side_of
from argmap.validation.nearest import nearest
from argmap.validation.shape import Mentions

if TYPE_CHECKING:
    from argmap.scenario.loaded import LoadedSource


class _Checker:
    def __init__(
        self,
        scenario: Scenario,
        sources: Mapping[str, LoadedSource],
        raw_ids: set[str] | None,
        mentions: Mentions | None,
    ) -> None:
        self.s = scenario
        self.sources = sources
        # With shape errors, items that failed are missing: do not call references to them unknown.
        self.raw_ids = raw_ids or set()
        self.mentions = mentions or Mentions(frozenset(), frozenset())
        self.out: list[Diagnostic] = []
        self.actors = {a.id: a for a in scenario.actors}
        self.topics = {t.id: t for t in scenario.topics}
        self.events = {e.id: e for e in scenario.events}
        self.claims = {c.id: c for c in scenario.claims}
        self.relations = {r.id: r for r in scenario.relations}
        self.source_ids = {s.id for s in scenario.sources}
        self.parents = {a.id: a.parent for a in scenario.actors}
        self.kinds = {a.id: a.kind for a in scenario.actors}
        self._publication: dict[str, tuple[FuzzyDate, Day] | None] = {}
        self._dates: dict[str, tuple[FuzzyDate, Day]] = {}
        """Each date written, parsed, with the first day it may mean: dates repeat."""

    def add(self, code: str, message: str, path: Path, hint: str | None = None) -> None:
        self.out.append(Diagnostic(code, message, path=path, hint=hint))

    def ref(self, value: str | None, table: Mapping[str, object] | set[str], what: str, path: Path) -> bool:
        if value is None or value in table:
            return value is not None
        if value in self.raw_ids:
            return False
        self.add("E101", f"unknown {what} '{value}'", path, did_you_mean(value, table))
        return False

    def run(self) -> list[Diagnostic]:
        self.unique_ids()
        self.check_actors()
        self.check_events()
        self.check_claims()
        self.check_relations()
        self.check_glossary()
        self.check_quotes()
        self.check_classroom()
        self.warnings()
        return self.out

    def unique_ids(self) -> None:
        groups = {
            "glossary": [g.term for g in self.s.glossary],
            "sources": [x.id for x in self.s.sources],
            "actors": [x.id for x in self.s.actors],
            "topics": [x.id for x in self.s.topics],
            "events": [x.id for x in self.s.events],
            "walkthroughs": [x.id for x in self.s.walkthroughs],
            "exercises": [x.id for x in self.s.exercises],
        }
        for section, ids in groups.items():
            self._unique([(section, i, x) for i, x in enumerate(ids)])
        # Claims and relations share one namespace: undercuts point at relations.
        if self._shared_ids_distinct():
            return  # every id is another: nothing to report
        self._unique(
            [("claims", i, c.id) for i, c in enumerate(self.s.claims)]
            + [("relations", i, r.id) for i, r in enumerate(self.s.relations)]
        )

    def _shared_ids_distinct(self) -> bool:
        """Whether no two claims or relations share an id, read from the indexes by id."""
        return len(self.claims.keys() | self.relations.keys()) == len(self.s.claims) + len(self.s.relations)

    def _unique(self, items: list[tuple[str, int, str]]) -> None:
        if len({ident for _, _, ident in items}) != len(items):
            self._duplicates(items)

    def _duplicates(self, items: list[tuple[str, int, str]]) -> None:
        first: dict[str, tuple[str, int]] = {}
        for section, i, ident in items:
            if ident in first:
                fs, fi = first[ident]
                key = "term" if section == "glossary" else "id"
                self.add(
                    "E102",
                    f"duplicate id '{ident}': the {ordinal(fi + 1)} {_ITEM[fs]} has it too",
                    (section, i, key),
                    "ids name one thing each; claims and relations share one set of ids",
                )
            else:
                first[ident] = (section, i)

    def check_actors(self) -> None:
        for i, actor in enumerate(self.s.actors):
            at: Path = ("actors", i)
            if actor.kind == "side" and actor.parent is not None:
                self.add(
                    "E115",
                    f"side '{actor.id}' has a parent; sides are the top level",
                    (*at, "parent"),
                    "make it a 'body' under its parent, or remove 'parent'",
                )
            if actor.parent == actor.id:
                self.add("E109", f"actor '{actor.id}' is its own parent", (*at, "parent"))
                continue
            self.ref(actor.parent, self.actors, "actor", (*at, "parent"))
        reported: set[str] = set()
        for i, actor in enumerate(self.s.actors):
            chain = [actor.id]
            current = self.parents.get(actor.id)
            while current is not None and current in self.actors:
                if current in chain:
                    cycle = [*chain[chain.index(current) :], current]
                    if not reported & set(cycle) and current != self.parents.get(current):
                        self.add(
                            "E109",
                            "actors form a cycle: " + " -> ".join(cycle),
                            ("actors", i, "parent"),
                            "every chain of parents must end at a side or an actor with no parent",
                        )
                    reported.update(cycle)
                    break
                chain.append(current)
                current = self.parents.get(current)

    def check_events(self) -> None:
        for i, event in enumerate(self.s.events):
            for j, actor in enumerate(event.actors):
                self.ref(actor, self.actors, "actor", ("events", i, "actors", j))

    def check_claims(self) -> None:
        actors, topics, events = self.actors, self.topics, self.events
        for i, claim in enumerate(self.s.claims):
            at: Path = ("claims", i)
            # Only a reference that does not resolve needs its path: most do resolve.
            if claim.actor not in actors:
                self.ref(claim.actor, actors, "actor", (*at, "actor"))
            for j, other in enumerate(claim.with_):
                self.ref(other, actors, "actor", (*at, "with", j))
            topic, stance, event, date = claim.topic, claim.stance, claim.event, claim.date
            if topic is not None and topic not in topics:
                self.ref(topic, topics, "topic", (*at, "topic"))
            if topic is not None and stance is None:
                self.add(
                    "E112",
                    f"claim '{claim.id}' has a topic but no stance",
                    at,
                    "add 'stance: for', 'against' or 'neutral'",
                )
            if stance is not None and topic is None:
                self.add(
                    "E112",
                    f"claim '{claim.id}' has a stance but no topic",
                    (*at, "stance"),
                    "add the 'topic:' the stance is about",
                )
            if event is not None and date is not None:
                self.add(
                    "E110",
                    f"claim '{claim.id}' has both an event and a date",
                    (*at, "date"),
                    "a claim made at an event takes the event's date: remove 'date'",
                )
            elif event is None and date is None:
                self.add(
                    "E110",
                    f"claim '{claim.id}' is not placed in time",
                    at,
                    "add 'event:' or 'date:' (use 'date: standing' for a position held from the start)",
                )
            if claim.order is not None and event is not None:
                self.add(
                    "E110",
                    f"claim '{claim.id}': 'order' applies to dated claims, not to claims at an event",
                    (*at, "order"),
                    "order the event instead",
                )
            if event is not None and event not in events:
                self.ref(event, events, "event", (*at, "event"))
            self.check_date(claim.id, self._claim_date(event, date), claim.evidence, at)

    def _claim_date(self, event: str | None, date: str | None) -> str | None:
        """The date a claim is placed at, as written: its event's, or its own."""
        if event is not None and event in self.events:
            return self.events[event].date
        return date

    def check_date(self, ident: str, text: str | None, evidence: Iterable[Evidence], at: Path) -> None:
        if text is None:
            return
        if text not in self._dates:
            date = FuzzyDate.parse(text)
            self._dates[text] = (date, date.earliest)
        date, earliest = self._dates[text]
        if date.precision == "standing":
            return
        for j, ev in enumerate(evidence):
            published = self._published(ev.source)
            if published is None:
                continue
            if earliest > published[1]:
                self.add(
                    "E107",
                    f"'{ident}' is dated {date.describe()}, after its source "
                    f"'{ev.source}' was published ({published[0].describe()})",
                    (*at, "evidence", j, "source"),
                    "a claim cannot be later than the text that reports it; check the date",
                )

    def _published(self, source_id: str) -> tuple[FuzzyDate, Day] | None:
        """A source's publication date and the last day it may mean, read once per source."""
        if source_id in self._publication:
            return self._publication[source_id]
        source = self.sources.get(source_id)
        found = None
        if source is not None and source.facts.published is not None:
            published = FuzzyDate.parse(source.facts.published)
            found = (published, published.latest)
        self._publication[source_id] = found
        return found

    def check_relations(self) -> None:
        claims, relations, actors = self.claims, self.relations, self.actors
        for i, rel in enumerate(self.s.relations):
            at: Path = ("relations", i)
            start, end = rel.from_, rel.to
            if start == end:
                self.add("E108", f"relation '{rel.id}' points from '{end}' to itself", (*at, "to"))
            if start in claims:  # a claim wins a clash
                pass
            elif start in relations:
                self.add(
                    "E114",
                    f"relation '{rel.id}' starts at relation '{start}'; 'from' is a claim",
                    (*at, "from"),
                )
            else:
                self.ref(start, claims, "claim", (*at, "from"))
            if rel.type == "undercuts":
                if end in claims and end not in relations:
                    self.add(
                        "E114",
                        f"'undercuts' targets a relation, but '{end}' is a claim",
                        (*at, "to"),
                        "use 'attacks' against a claim, or name the relation it undercuts",
                    )
                elif end not in relations:
                    self.ref(end, relations, "relation", (*at, "to"))
            elif end in relations and end not in claims:
                self.add(
                    "E114",
                    f"'{rel.type}' targets a claim, but '{end}' is a relation",
                    (*at, "to"),
                    "use 'undercuts' to attack a relation",
                )
            elif end not in claims:
                self.ref(end, claims, "claim", (*at, "to"))
            if rel.by is not None and rel.by not in actors:
                self.ref(rel.by, actors, "actor", (*at, "by"))
            if rel.type == "contradicts":
                self._same_side(rel, at)

    def _same_side(self, rel: Relation, at: Path) -> None:
        """E111 unless the two claims a contradiction joins are of one side."""
        if rel.from_ in self.claims and rel.to in self.claims:
            a = side_of(self.claims[rel.from_].actor, self.parents, self.kinds)
            b = side_of(self.claims[rel.to].actor, self.parents, self.kinds)
            if a is None or a != b:
                self.add(
                    "E111",
                    f"'contradicts' joins claims of one side; '{rel.from_}' is "
                    f"{_side_text(a)} and '{rel.to}' is {_side_text(b)}",
                    (*at, "type"),
                    "use 'attacks' between different sides",
                )

    def check_glossary(self) -> None:
        for i, entry in enumerate(self.s.glossary):
            at: Path = ("glossary", i)
            if entry.basis == "sources" and not entry.evidence:
                self.add(
                    "E119",
                    f"glossary entry '{entry.term}' rests on the sources but quotes none",
                    (*at, "basis"),
                    "add 'evidence:' with the quotes its meaning rests on, or write 'basis: background'",
                )
            elif entry.basis == "background" and entry.evidence:
                self.add(
                    "E119",
                    f"glossary entry '{entry.term}' is background but quotes the sources",
                    (*at, "evidence"),
                    "write 'basis: sources' if the quotes show all of its meaning, or remove 'evidence:'",
                )

    def check_quotes(self) -> None:
        # Each source's quotes, and where each stands: (section, item, evidence); the path of a
        # quote is made only when it is not found.
        by_source: dict[str, tuple[list[str], list[tuple[str, int, int]]]] = {}
        sections: tuple[tuple[str, tuple[Claim | Relation | Event | GlossaryEntry, ...]], ...] = (
            ("glossary", self.s.glossary),
            ("claims", self.s.claims),
            ("relations", self.s.relations),
            ("events", self.s.events),
        )
        source_ids = self.source_ids
        for section, items in sections:
            for i, item in enumerate(items):
                if not item.evidence:
                    continue
                for j, ev in enumerate(item.evidence):
                    if ev.source not in source_ids:
                        self.ref(ev.source, source_ids, "source", (section, i, "evidence", j, "source"))
                        continue
                    quotes, where = by_source.setdefault(ev.source, ([], []))
                    quotes.append(ev.quote)
                    where.append((section, i, j))
        for source_id, (quotes, where) in by_source.items():
            source = self.sources.get(source_id)
            if source is None:
                continue  # already reported: not found, unsafe or unreadable
            found = source.text.spans(quotes)
            for quote, (section, i, j), span in zip(quotes, where, found, strict=True):
                if span is None:
                    closest = nearest(source.text, quote)
                    hint = closest.hint() if closest else "no passage shares three words in a row with this quote"
                    path: Path = (section, i, "evidence", j, "quote")
                    self.add("E104", f"quote not found in source '{source_id}'", path, hint)

    def check_classroom(self) -> None:
        for i, walk in enumerate(self.s.walkthroughs):
            for j, step in enumerate(walk.steps):
                f = step.focus
                if f is None:
                    continue
                at: Path = ("walkthroughs", i, "steps", j, "focus")
                self.ref(f.claim, self.claims, "claim", (*at, "claim"))
                self.ref(f.relation, self.relations, "relation", (*at, "relation"))
                self.ref(f.side, self.actors, "actor", (*at, "side"))
                self.ref(f.topic, self.topics, "topic", (*at, "topic"))
                if f.view == "tree" and f.claim is None and f.relation is None:
                    named = next((k for k in ("side", "topic") if getattr(f, k) is not None), None)
                    self.add(
                        "E118",
                        "'view: tree' shows the debate tree of a claim, and this step focuses "
                        + (f"a {named}" if named else "no claim"),
                        (*at, "view"),
                        "focus a claim or a relation (claim: ID), or choose another view: "
                        "positions, matrix or timeline",
                    )
        if not self.s.exercises:
            return
        # Imported only for classroom material: the kinds bring in the debate index.
        from argmap.classroom.kinds import KINDS

        tables: dict[str, Mapping[str, object]] = {"claim": self.claims, "actor": self.actors, "topic": self.topics}
        for i, ex in enumerate(self.s.exercises):
            for ref in KINDS[ex.kind].references:
                at = ("exercises", i, ref.key)
                value = getattr(ex, ref.key)
                if isinstance(value, tuple):
                    for j, ident in enumerate(value):
                        self.ref(ident, tables[ref.table], ref.table, (*at, j))
                else:
                    self.ref(value, tables[ref.table], ref.table, at)

    def warnings(self) -> None:
        touched: set[str] = set(self.mentions.related)
        touched.update(rel.from_ for rel in self.s.relations)
        touched.update(rel.to for rel in self.s.relations)
        for i, claim in enumerate(self.s.claims):
            if claim.id not in touched:
                self.add(
                    "W101",
                    f"claim '{claim.id}' takes part in no relation",
                    ("claims", i, "id"),
                    "link it with supports/attacks, or leave it if it stands alone in the texts",
                )
        addressed = {c.topic for c in self.s.claims} | self.mentions.topics
        for i, topic in enumerate(self.s.topics):
            if topic.id not in addressed:
                self.add("W102", f"no claim addresses topic '{topic.id}'", ("topics", i, "id"))
        same_date: dict[str, list[int]] = defaultdict(list)
        for i, event in enumerate(self.s.events):
            if event.order is None:
                same_date[event.date].append(i)
        for date, idx in same_date.items():
            if len(idx) > 1:
                names = ", ".join(f"'{self.s.events[i].id}'" for i in idx)
                self.add(
                    "W103",
                    f"events {names} share the date {date} and have no 'order'",
                    ("events", idx[1], "date"),
                    "add 'order: 1', 'order: 2', ... as the texts allow; until then they follow the file's order",
                )


_ITEM = {
    "glossary": "glossary entry",
    "sources": "source",
    "actors": "actor",
    "topics": "topic",
    "events": "event",
    "claims": "claim",
    "relations": "relation",
    "walkthroughs": "walkthrough",
    "exercises": "exercise",
}


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, ..., 11th, 12th, 13th, 21st: counting as a reader does, from one."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _side_text(side: str | None) -> str:
    return f"of side '{side}'" if side else "of no side"


def check(
    scenario: Scenario,
    sources: Mapping[str, LoadedSource],
    raw_ids: set[str] | None = None,
    mentions: Mentions | None = None,
) -> list[Diagnostic]:
    """Every meaning problem of a scenario, as unlocated diagnostics."""
    return _Checker(scenario, sources, raw_ids, mentions).run()
