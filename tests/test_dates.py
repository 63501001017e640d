import datetime as dt

import pytest

from argmap.scenario.dates import FuzzyDate


@pytest.mark.parametrize(
    ("text", "precision", "earliest", "latest"),
    [
        ("2001-09-19", "day", dt.date(2001, 9, 19), dt.date(2001, 9, 19)),
        ("2000-06", "month", dt.date(2000, 6, 1), dt.date(2000, 6, 30)),
        ("1999", "year", dt.date(1999, 1, 1), dt.date(1999, 12, 31)),
        ("after 2000-06", "month", dt.date(2000, 7, 1), dt.date.max),
        ("before 2000-06", "month", dt.date.min, dt.date(2000, 5, 31)),
    ],
)
def test_date_spans_follow_their_precision(text, precision, earliest, latest):
    date = FuzzyDate.parse(text)
    assert date.precision == precision
    assert (date.earliest, date.latest) == (earliest, latest)
    assert str(date) == text


@pytest.mark.parametrize("text", ["2001-02-29", "2001-13", "June 2000", "2000/06/01", "0000", ""])
def test_impossible_or_malformed_dates_are_refused(text):
    with pytest.raises(ValueError):
        FuzzyDate.parse(text)


def test_order_puts_standing_first_and_before_after_around_their_anchor():
    texts = ["after 2000-06", "2000-06-15", "2000-06", "before 2000-06", "standing", "2000-07-01"]
    ordered = sorted(texts, key=lambda t: FuzzyDate.parse(t).sort_key())
    assert ordered == ["standing", "before 2000-06", "2000-06", "2000-06-15", "after 2000-06", "2000-07-01"]


def test_describe_reads_like_prose():
    assert FuzzyDate.parse("2001-03-12").describe() == "12 March 2001"
    assert FuzzyDate.parse("before 2000-06").describe() == "before June 2000"
    assert FuzzyDate.parse("standing").describe() == "standing position"
