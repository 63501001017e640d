"""The bundled ABM Treaty scenario: valid, complete and faithful in the ways a machine can check."""

import re
from collections import Counter

import pytest

from argmap.authoring.coverage import coverage
from argmap.reading.locations import bundled_scenario, seeds_dir
from argmap.scenario.sides import side_of
from argmap.validation.load import load_scenario


@pytest.fixture(scope="module")
def loaded():
    result = load_scenario(bundled_scenario())
    assert result.ok, "\n".join(d.render() for d in result.diagnostics if d.severity == "error")
    return result


def test_bundled_scenario_has_no_errors_and_only_judged_warnings(loaded):
    # Warnings left on purpose are listed in the scenario's notes; none may be an error.
    assert all(d.severity == "warning" for d in loaded.diagnostics)
    assert Counter(d.code for d in loaded.diagnostics)["W101"] <= 10


def test_counts_of_claims_relations_topics(loaded):
    s = loaded.scenario
    assert len(s.claims) >= 100
    assert len(s.relations) >= 80
    assert len(s.topics) >= 8
    types = Counter(r.type for r in s.relations)
    assert types["supports"] and types["attacks"] and types["contradicts"] and types["undercuts"]


def test_four_sides_each_with_claims_and_commentators_apart(loaded):
    s = loaded.scenario
    parents = {a.id: a.parent for a in s.actors}
    kinds = {a.id: a.kind for a in s.actors}
    sides = [a.id for a in s.actors if a.kind == "side"]
    assert len(sides) == 4
    per_side = Counter(side_of(c.actor, parents, kinds) for c in s.claims)
    assert all(per_side[side] > 0 for side in sides), per_side
    commentators = {a.id for a in s.actors if a.kind == "commentator"}
    assert len(commentators) >= 3
    assert all(side_of(c, parents, kinds) is None for c in commentators)


def test_every_paragraph_of_every_source_is_quoted(loaded):
    report = coverage(loaded)
    assert {c.source for c in report} == {"act-boese-2001", "monitor-2001-v7i51", "ponars-podvig-2000"}
    for c in report:
        assert c.missing == [], f"{c.source}: paragraphs not quoted: {[p.number for p in c.missing]}"
    assert sum(len(c.paragraphs) for c in report) >= 38


def test_every_claim_has_evidence_from_a_bundled_source(loaded):
    ids = {s.id for s in loaded.scenario.sources}
    for claim in loaded.scenario.claims:
        assert claim.evidence and all(e.source in ids for e in claim.evidence), claim.id


def test_the_seeds_are_the_catalogued_bytes():
    import hashlib

    from argmap.reading.parsing import fast_parse

    catalogue = fast_parse((seeds_dir() / "catalogue.yaml").read_text("utf-8"), "catalogue.yaml")
    for source in catalogue["sources"]:
        data = (seeds_dir() / source["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == source["sha256"]


def test_classroom_material_spans_every_kind_and_all_four_sides(loaded):
    from argmap.classroom.labels import engine_labeller
    from argmap.classroom.questions import Question, derive
    from argmap.debate.index import Debate

    s = loaded.scenario
    assert {"boost-phase-episode", "september-2001-mixed-signals", "abm-stance-1999-2001"} <= {
        w.id for w in s.walkthroughs
    }
    assert len(s.exercises) >= 20
    kinds = {e.kind for e in s.exercises}
    assert kinds == {
        "who-said-it",
        "find-the-rebuttal",
        "what-does-it-support",
        "order-in-time",
        "spot-the-contradiction",
        "fill-the-stance",
        "what-if",
    }
    debate = Debate.from_loaded(loaded)
    sides: set[str] = set()
    for ex in s.exercises:
        question = derive(debate, ex, engine_labeller())
        assert isinstance(question, Question), (ex.id, question)
        about = [getattr(ex, "claim", None), *getattr(ex, "claims", ()), *question.answer]
        if ex.kind == "fill-the-stance":
            about = []
        sides |= {side for c in about if c in debate.claims for side in debate.sides_of_claim(c)}
        if getattr(ex, "side", None):
            sides.add(ex.side)
    assert sides == set(debate.sides)


HEDGE = re.compile(
    r"\bapparently\b|\bpresumably\b|there is no doubt|would probably prefer|it seems clear"
    r"|\bseem(s|ed)? to\b|\bappear(s|ed)? to\b",
    re.I,
)


def test_the_hedge_pattern_knows_seeming_but_not_a_publication_appearing():
    assert HEDGE.search("which still seems to believe that the United States")
    assert HEDGE.search("Ivashov, in turn, appeared to emphasize the possibility")
    assert HEDGE.search("Russia seemed to succeed in reinforcing the belief")
    assert not HEDGE.search("appeared a few days before the June 2000 US-Russian summit")


def test_a_commentators_hedged_inference_is_never_a_sides_claim(loaded):
    # "Apparently", "presumably", "seems to", "appeared to": the commentator's reading, kept as his
    # claim, never quoted as what a side said.
    s = loaded.scenario
    parents = {a.id: a.parent for a in s.actors}
    kinds = {a.id: a.kind for a in s.actors}
    hedged = [
        (c.id, e.quote)
        for c in s.claims
        if side_of(c.actor, parents, kinds) is not None
        for e in c.evidence
        if HEDGE.search(e.quote)
    ]
    assert hedged == []


def test_a_relation_a_commentator_draws_between_the_sides_quotes_his_words(loaded):
    s = loaded.scenario
    parents = {a.id: a.parent for a in s.actors}
    kinds = {a.id: a.kind for a in s.actors}
    commentators = {a.id for a in s.actors if a.kind == "commentator"}
    speaker = {c.id: c.actor for c in s.claims}
    unquoted = [
        r.id
        for r in s.relations
        if r.by in commentators
        and r.to in speaker
        and all(side_of(speaker[end], parents, kinds) is not None for end in (r.from_, r.to))
        and not r.evidence
    ]
    assert unquoted == []


def test_every_contradiction_is_drawn_by_a_commentator_in_his_words(loaded):
    s = loaded.scenario
    commentators = {a.id for a in s.actors if a.kind == "commentator"}
    contradictions = [r for r in s.relations if r.type == "contradicts"]
    assert contradictions
    for r in contradictions:
        assert r.by in commentators and r.evidence, r.id


def test_europe_has_the_reactions_the_texts_give_as_europes(loaded):
    s = loaded.scenario
    europe = {c.id for c in s.claims if c.actor in {"european-governments", "eu", "europe"}}
    assert {
        "europeans-skeptical-of-missile-defence",
        "europe-opposes-us-plans",
        "europeans-cautious-on-us-plans",
        "europe-skeptical-of-russian-offer",
        "eu-diplomacy-bargaining-table",
    } <= europe
