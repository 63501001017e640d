import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.scenario.dates import FIRST_DAY, LAST_DAY, Day, FuzzyDate
from argmap.validation.load import load_scenario


@pytest.mark.parametrize(
    ("text", "precision", "earliest", "latest"),
    [
        ("2001-09-19", "day", Day.of(2001, 9, 19), Day.of(2001, 9, 19)),
        ("2000-06", "month", Day.of(2000, 6, 1), Day.of(2000, 6, 30)),
        ("1999", "year", Day.of(1999, 1, 1), Day.of(1999, 12, 31)),
        ("after 2000-06", "month", Day.of(2000, 7, 1), LAST_DAY),
        ("before 2000-06", "month", FIRST_DAY, Day.of(2000, 5, 31)),
        ("-0416", "year", Day.of(-416, 1, 1), Day.of(-416, 12, 31)),
        ("-0416-03-12", "day", Day.of(-416, 3, 12), Day.of(-416, 3, 12)),
        ("before -0001", "year", FIRST_DAY, Day.of(-2, 12, 31)),
    ],
)
def test_date_spans_follow_their_precision(text, precision, earliest, latest):
    date = FuzzyDate.parse(text)
    assert date.precision == precision
    assert (date.earliest, date.latest) == (earliest, latest)
    assert str(date) == text


@pytest.mark.parametrize(
    "text", ["2001-02-29", "2001-13", "June 2000", "2000/06/01", "0000", "", "-0000", "0 BC", "-0004-02-29", "416BC"]
)
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
    assert FuzzyDate.parse("-0416").describe() == "416 BC"
    assert FuzzyDate.parse("416 BC").describe() == "416 BC"
    assert FuzzyDate.parse("after -0416-03").describe() == "after March 416 BC"
    assert FuzzyDate.parse("-0416-03-12").describe() == "12 March 416 BC"


@pytest.mark.parametrize("text", ["-0416", "416 BC", "416 BCE"])
def test_a_year_before_ad_1_is_read_either_way_and_written_with_a_minus(text):
    date = FuzzyDate.parse(text)
    assert (date.year, str(date), date.to_json()["earliest"]) == (-416, "-0416", "-0416-01-01")


def test_years_before_ad_1_sort_before_it_with_no_year_0_between():
    texts = ["0001", "1 BC", "416 BC", "-0416-12-31", "before 416 BC", "standing", "2 BC"]
    ordered = sorted(texts, key=lambda t: FuzzyDate.parse(t).sort_key())
    assert ordered == ["standing", "before 416 BC", "416 BC", "-0416-12-31", "2 BC", "1 BC", "0001"]
    assert FuzzyDate.parse("1 BC").latest.shifted(1) == FuzzyDate.parse("0001").earliest


@settings(deadline=None)
@given(st.integers(min_value=1, max_value=dt.date.max.toordinal()))
def test_days_of_our_era_count_as_the_standard_library_does(ordinal):
    day = dt.date.fromordinal(ordinal)
    assert Day.of(day.year, day.month, day.day) == Day(ordinal)
    assert Day(ordinal).isoformat() == day.isoformat()


@settings(deadline=None)
@given(st.integers(min_value=FIRST_DAY.ordinal, max_value=LAST_DAY.ordinal))
def test_every_day_reads_back_as_the_date_it_writes(ordinal):
    text = Day(ordinal).isoformat()
    assert FuzzyDate.parse(text).earliest == Day(ordinal)


@pytest.mark.parametrize(("written", "shown"), [("-0416", "-0416"), ("-416", "-0416"), ('"416 BC"', "416 BC")])
def test_a_scenario_dated_before_ad_1_loads(starter, written, shown):
    path = starter(
        lambda s: s.replace("published: 2024-05-03", "published: -0416").replace("date: 2024-05-03", f"date: {written}")
    )
    loaded = load_scenario(path)
    assert loaded.ok, [d.render() for d in loaded.diagnostics]
    assert loaded.scenario is not None and loaded.scenario.events[0].date == shown


def test_year_0_in_a_scenario_is_refused_with_the_reason(starter):
    loaded = load_scenario(starter(lambda s: s.replace("date: 2024-05-03", "date: 0")))
    (d,) = loaded.diagnostics
    assert d.code == "E204" and "year 0 does not exist" in d.message


@pytest.mark.parametrize(
    ("value", "accepted"), [("-0416", True), ("416 BC", True), (-416, True), (0, False), ("-416", False)]
)
def test_the_schema_takes_the_dates_before_ad_1_the_models_take(value, accepted):
    from jsonschema import Draft202012Validator

    from argmap.schema import all_schemas

    date_schema = all_schemas()["scenario.schema.json"]["$defs"]["Event"]["properties"]["date"]
    assert Draft202012Validator(date_schema).is_valid(value) is accepted


from typing import Annotated  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from pydantic import AfterValidator, BeforeValidator, StringConstraints, TypeAdapter, ValidationError  # noqa: E402

from argmap.scenario.dates import DATE_PATTERN, check_date  # noqa: E402
from argmap.scenario.fields import DateText, _year_as_text  # noqa: E402

# The date type as first written: the year converted, then the pattern checked around it.
_CONVERTED_THEN_MATCHED = TypeAdapter(
    Annotated[str, BeforeValidator(_year_as_text), StringConstraints(pattern=DATE_PATTERN), AfterValidator(check_date)]
)
_DATE_TEXT = TypeAdapter(DateText)


def _outcome(adapter: TypeAdapter[str], value: object) -> object:
    try:
        return adapter.validate_python(value)
    except ValidationError as exc:
        return [
            (e["type"], e["loc"], e["msg"], repr(e["input"]), str(e.get("ctx", {}).get("error", "")))
            for e in exc.errors(include_url=False)
        ]


@settings(max_examples=1500, deadline=None)
@given(
    st.one_of(
        st.text(alphabet="0123456789- BCEafterbore standing", max_size=20),
        st.from_regex(r"(before |after )?-?[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", fullmatch=True),
        st.integers(-20000, 20000),
        st.floats(allow_nan=False),
        st.booleans(),
        st.none(),
        st.lists(st.integers(), max_size=2),
    )
)
def test_date_type_accepts_and_refuses_as_the_pattern_checked_after_conversion(value):
    assert _outcome(_DATE_TEXT, value) == _outcome(_CONVERTED_THEN_MATCHED, value)
