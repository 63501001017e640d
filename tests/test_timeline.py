"""The debate's total order."""

from argmap.debate.timeline import build_timeline
from argmap.scenario.model import Scenario


def _scenario(events, claims):
    base = {
        "format": 1,
        "title": "t",
        "summary": "s",
        "licence": "CC0-1.0",
        "sources": [{"id": "src"}],
        "actors": [{"id": "a", "name": "A", "kind": "side"}],
        "events": events,
        "claims": [
            {"id": cid, "text": "x", "actor": "a", "kind": "report", "evidence": [{"source": "src", "quote": "q"}], **c}
            for cid, c in claims
        ],
    }
    return Scenario.model_validate(base)


def test_events_of_one_month_follow_their_order_and_claims_join_their_event():
    s = _scenario(
        [
            {"id": "summit", "title": "Summit", "date": "2000-06", "order": 4},
            {"id": "nbc", "title": "NBC interview", "date": "2000-06", "order": 1},
            {"id": "nyt", "title": "NYT reading", "date": "2000-06", "order": 2},
        ],
        [("at-summit", {"event": "summit"}), ("at-nbc", {"event": "nbc"}), ("also-nbc", {"event": "nbc"})],
    )
    t = build_timeline(s)
    assert [st.event for st in t.steps] == ["nbc", "nyt", "summit"]
    assert [st.index for st in t.steps] == [1, 2, 3]
    assert t.steps[0].claims == ("at-nbc", "also-nbc")
    assert t.claim_step["at-summit"] == 3


def test_standing_positions_come_first_at_step_zero_and_same_dates_share_a_step():
    s = _scenario(
        [{"id": "e", "title": "E", "date": "2001-09-01"}],
        [
            ("later", {"date": "2001-09-19"}),
            ("old-1", {"date": "standing"}),
            ("same-1", {"date": "2001-09-19"}),
            ("old-2", {"date": "standing", "order": 2}),
            ("before", {"date": "before 2001-09"}),
        ],
    )
    t = build_timeline(s)
    assert t.steps[0].index == 0 and t.steps[0].claims == ("old-1", "old-2")
    assert [st.claims or st.event for st in t.steps[1:]] == [("before",), "e", ("later", "same-1")]
    assert t.claim_step["later"] == t.claim_step["same-1"] == 3


def test_a_coarse_date_sorts_at_the_start_of_its_span_and_file_order_breaks_ties():
    s = _scenario(
        [],
        [("mid-month", {"date": "2000-06-15"}), ("month", {"date": "2000-06"}), ("year", {"date": "2000"})],
    )
    t = build_timeline(s)
    assert [st.claims[0] for st in t.steps] == ["year", "month", "mid-month"]
