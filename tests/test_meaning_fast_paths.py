"""The meaning checks agree with their plain form: every fast path in ``argmap.validation.meaning``
(a reference tested before its path is made, ids compared as sets first, each source's
publication date and each date read once, quote paths made only for missing quotes) gives the
diagnostics, in the order, that the checks written plainly give."""

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path as FilePath

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.base.diagnostics import Path
from argmap.scenario.dates import FuzzyDate
from argmap.scenario.loaded import LoadedSource
from argmap.scenario.model import Claim, Event, Evidence, GlossaryEntry, Relation, Scenario
from argmap.scenario.quotes import SourceText
from argmap.validation.meaning import _Checker
from argmap.validation.nearest import nearest
from argmap.validation.shape import Mentions


class _PlainChecker(_Checker):
    """The checks as first written: every path made, every date parsed, every time."""

    def _shared_ids_distinct(self) -> bool:
        return False  # always look through the claims and relations

    def _unique(self, items: list[tuple[str, int, str]]) -> None:
        self._duplicates(items)  # without the set of ids compared first

    def check_claims(self) -> None:
        for i, claim in enumerate(self.s.claims):
            at: Path = ("claims", i)
            self.ref(claim.actor, self.actors, "actor", (*at, "actor"))
            for j, other in enumerate(claim.with_):
                self.ref(other, self.actors, "actor", (*at, "with", j))
            self.ref(claim.topic, self.topics, "topic", (*at, "topic"))
            if claim.topic is not None and claim.stance is None:
                self.add(
                    "E112",
                    f"claim '{claim.id}' has a topic but no stance",
                    at,
                    "add 'stance: for', 'against' or 'neutral'",
                )
            if claim.stance is not None and claim.topic is None:
                self.add(
                    "E112",
                    f"claim '{claim.id}' has a stance but no topic",
                    (*at, "stance"),
                    "add the 'topic:' the stance is about",
                )
            if claim.event is not None and claim.date is not None:
                self.add(
                    "E110",
                    f"claim '{claim.id}' has both an event and a date",
                    (*at, "date"),
                    "a claim made at an event takes the event's date: remove 'date'",
                )
            elif claim.event is None and claim.date is None:
                self.add(
                    "E110",
                    f"claim '{claim.id}' is not placed in time",
                    at,
                    "add 'event:' or 'date:' (use 'date: standing' for a position held from the start)",
                )
            if claim.order is not None and claim.event is not None:
                self.add(
                    "E110",
                    f"claim '{claim.id}': 'order' applies to dated claims, not to claims at an event",
                    (*at, "order"),
                    "order the event instead",
                )
            self.ref(claim.event, self.events, "event", (*at, "event"))
            self.check_date(claim.id, self._claim_date(claim.event, claim.date), claim.evidence, at)

    def _claim_date(self, event: str | None, date: str | None) -> FuzzyDate | None:
        if event is not None and event in self.events:
            return FuzzyDate.parse(self.events[event].date)
        return FuzzyDate.parse(date) if date is not None else None

    def check_date(self, ident: str, date: FuzzyDate | None, evidence: Iterable[Evidence], at: Path) -> None:
        if date is None or date.precision == "standing":
            return
        for j, ev in enumerate(evidence):
            source = self.sources.get(ev.source)
            if source is None or source.facts.published is None:
                continue
            published = FuzzyDate.parse(source.facts.published)
            if date.earliest > published.latest:
                self.add(
                    "E107",
                    f"'{ident}' is dated {date.describe()}, after its source "
                    f"'{ev.source}' was published ({published.describe()})",
                    (*at, "evidence", j, "source"),
                    "a claim cannot be later than the text that reports it; check the date",
                )

    def check_relations(self) -> None:
        for i, rel in enumerate(self.s.relations):
            at: Path = ("relations", i)
            if rel.from_ == rel.to:
                self.add("E108", f"relation '{rel.id}' points from '{rel.to}' to itself", (*at, "to"))
            if rel.from_ not in self.claims and rel.from_ in self.relations:  # a claim wins a clash
                self.add(
                    "E114",
                    f"relation '{rel.id}' starts at relation '{rel.from_}'; 'from' is a claim",
                    (*at, "from"),
                )
            else:
                self.ref(rel.from_, self.claims, "claim", (*at, "from"))
            if rel.type == "undercuts":
                if rel.to in self.claims and rel.to not in self.relations:
                    self.add(
                        "E114",
                        f"'undercuts' targets a relation, but '{rel.to}' is a claim",
                        (*at, "to"),
                        "use 'attacks' against a claim, or name the relation it undercuts",
                    )
                else:
                    self.ref(rel.to, self.relations, "relation", (*at, "to"))
            elif rel.to in self.relations and rel.to not in self.claims:
                self.add(
                    "E114",
                    f"'{rel.type}' targets a claim, but '{rel.to}' is a relation",
                    (*at, "to"),
                    "use 'undercuts' to attack a relation",
                )
            else:
                self.ref(rel.to, self.claims, "claim", (*at, "to"))
            self.ref(rel.by, self.actors, "actor", (*at, "by"))
            if rel.type == "contradicts":
                self._same_side(rel, at)

    def check_quotes(self) -> None:
        by_source: dict[str, list[tuple[str, Path]]] = defaultdict(list)
        sections: tuple[tuple[str, tuple[Claim | Relation | Event | GlossaryEntry, ...]], ...] = (
            ("glossary", self.s.glossary),
            ("claims", self.s.claims),
            ("relations", self.s.relations),
            ("events", self.s.events),
        )
        for section, items in sections:
            for i, item in enumerate(items):
                for j, ev in enumerate(item.evidence):
                    path: Path = (section, i, "evidence", j)
                    if not self.ref(ev.source, self.source_ids, "source", (*path, "source")):
                        continue
                    by_source[ev.source].append((ev.quote, (*path, "quote")))
        for source_id, quotes in by_source.items():
            source = self.sources.get(source_id)
            if source is None:
                continue  # already reported: not found, unsafe or unreadable
            found = source.text.find_many([q for q, _ in quotes])
            for (quote, path), match in zip(quotes, found, strict=True):
                if match is None:
                    closest = nearest(source.text, quote)
                    hint = closest.hint() if closest else "no passage shares three words in a row with this quote"
                    self.add("E104", f"quote not found in source '{source_id}'", path, hint)


SOURCE_TEXT = "The treaty stands. Talks went on in June. The shield is a threat to the balance."
IDS = ["c1", "c2", "c3", "r1", "r2", "zz"]


def _claim(draw, i):
    claim = {
        "id": draw(st.sampled_from(IDS[:4])),
        "text": f"claim {i}",
        "actor": draw(st.sampled_from(["a", "b", "s", "nobody"])),
        "kind": "position",
        "evidence": [
            {"source": draw(st.sampled_from(["src", "old", "missing"])), "quote": draw(st.sampled_from(QUOTES))}
            for _ in range(draw(st.integers(1, 2)))
        ],
    }
    for key, options in (
        ("topic", ["t", "u"]),
        ("stance", ["for", "against"]),
        ("event", ["e", "f"]),
        ("date", ["standing", "2001", "2003-05", "2002-12-31", "before 2002", "after 1999-11-30"]),
        ("with", [["a"], ["x", "b"]]),
        ("order", [1]),
    ):
        if draw(st.booleans()):
            claim[key] = draw(st.sampled_from(options))
    return claim


QUOTES = ["The treaty stands.", "Talks went on", "The shield [...] balance", "not in the text", "June. The"]


@st.composite
def scenarios(draw):
    data = {
        "format": 1,
        "title": "t",
        "summary": "s",
        "licence": "CC0-1.0",
        "sources": [
            {"id": "src", "title": "Source", "file": "src.txt", "published": "2002"},
            {"id": "old", "title": "Old", "file": "old.txt", "published": "1999-12"},
            {"id": "missing", "title": "Missing", "file": "missing.txt"},
        ],
        "actors": [
            {"id": "s", "name": "Side", "kind": "side"},
            {"id": "a", "name": "A", "kind": "person", "parent": "s"},
            {"id": "b", "name": "B", "kind": "person"},
        ],
        "topics": [{"id": "t", "question": "Q?"}, {"id": draw(st.sampled_from(["t", "v"])), "question": "R?"}],
        "events": [
            {"id": "e", "title": "E", "date": draw(st.sampled_from(["2000", "2003", "standing"]))},
            {"id": draw(st.sampled_from(["e", "g"])), "title": "G", "date": "2000"},
        ],
        "claims": [_claim(draw, i) for i in range(draw(st.integers(1, 6)))],
        "relations": [
            {
                "id": draw(st.sampled_from(IDS[1:])),
                "type": draw(st.sampled_from(["supports", "attacks", "undercuts", "contradicts"])),
                "from": draw(st.sampled_from(IDS)),
                "to": draw(st.sampled_from(IDS)),
                **({"by": draw(st.sampled_from(["a", "x"]))} if draw(st.booleans()) else {}),
                **(
                    {"evidence": [{"source": draw(st.sampled_from(["src", "nope"])), "quote": "Talks went on"}]}
                    if draw(st.booleans())
                    else {}
                ),
            }
            for _ in range(draw(st.integers(0, 5)))
        ],
    }
    return data


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios(), st.sets(st.sampled_from(["x", "nobody", "zz", "u", "f"])), st.booleans())
def test_meaning_checks_give_what_the_plain_checks_give(data, raw_ids, with_mentions):
    scenario = Scenario.model_validate(data)
    texts = {"src": SOURCE_TEXT, "old": "The treaty stands."}
    sources = {
        s.id: LoadedSource(s, FilePath(f"{s.id}.txt"), SourceText(texts[s.id]))
        for s in scenario.sources
        if s.id in texts
    }
    mentions = Mentions(frozenset({"u"}), frozenset({"c3"})) if with_mentions else None
    fast = _Checker(scenario, sources, set(raw_ids), mentions).run()
    plain = _PlainChecker(scenario, sources, set(raw_ids), mentions).run()
    assert fast == plain
