"""What a map shows (step, side, commentators, what-if), and the export command's options."""

from __future__ import annotations

import json

import pytest

from argmap.engine.whatif import WhatIf
from argmap.reading.locations import bundled_scenario
from argmap.validation.load import load_scenario
from argmap.views.selection import Scope, select


@pytest.fixture(scope="module")
def bundled():
    loaded = load_scenario(bundled_scenario())
    assert loaded.ok
    return loaded


def test_the_whole_debate_leaves_commentators_out_unless_asked(bundled):
    everything = select(bundled, Scope(commentators=True))
    parties = select(bundled)
    assert len(everything.claims) == len(bundled.scenario.claims)
    assert {c.id for c in parties.claims} < {c.id for c in everything.claims}
    assert all(parties.actor(c.actor).kind != "commentator" for c in parties.claims)


def test_relations_shown_have_both_ends_shown(bundled):
    for scope in (Scope(), Scope(step=19), Scope(side="europe"), Scope(commentators=True)):
        s = select(bundled, scope)
        claims = {c.id for c in s.claims}
        relations = {r.id for r in s.relations}
        for r in s.relations:
            assert r.from_ in claims
            assert (r.to in relations) if r.type == "undercuts" else (r.to in claims)


def test_an_earlier_step_shows_only_what_was_said_by_then(bundled):
    early = select(bundled, Scope(step=19))
    assert early.step == 19 and all(early.debate.is_said(c.id, 19) for c in early.claims)
    assert len(early.claims) < len(select(bundled).claims)


def test_a_side_shows_its_claims_and_their_neighbours_only(bundled):
    s = select(bundled, Scope(side="europe"))
    own = {c.id for c in s.claims if s.side_of(c.id) == "europe"}
    assert own
    for c in s.claims:
        if c.id not in own:
            assert any(c.id in (r.from_, r.to) and ({r.from_, r.to} & own) for r in s.relations)


def test_a_claim_switched_off_has_no_label(bundled):
    first = select(bundled).claims[0].id
    s = select(bundled, Scope(whatif=WhatIf(off_claims=frozenset({first}))))
    assert first not in s.labels and first in {c.id for c in s.claims}


def test_an_unknown_side_is_refused(bundled):
    with pytest.raises(ValueError, match="not a side"):
        select(bundled, Scope(side="atlantis"))


def test_export_writes_a_file_and_never_over_its_input(run_cli, tmp_path):
    out = tmp_path / "abm.json"
    ran = run_cli("export", str(bundled_scenario()), "-o", str(out))
    assert ran.returncode == 0 and json.loads(out.read_text())["title"]
    ran = run_cli("export", str(bundled_scenario()), "-o", str(bundled_scenario()))
    assert ran.returncode == 2 and "argmap: error:" in ran.stderr


def test_export_options_that_do_not_apply_to_json_are_a_usage_error(run_cli):
    ran = run_cli("export", str(bundled_scenario()), "--at", "19")
    assert ran.returncode == 2 and "applies" not in ran.stderr and "whole scenario" in ran.stderr


def test_the_map_tells_apart_steps_that_share_a_date(bundled):
    import re

    from argmap.formats.dot import dumps

    text = dumps(select(bundled, Scope(side="europe")))
    rows = re.findall(r"^  t\d+ \[label=\"([^\"]+)\"\];$", text, flags=re.M)
    assert rows and len(rows) == len(set(rows))
    assert any(row.startswith("June 2000 · step") for row in rows)
