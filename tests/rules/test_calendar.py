"""Day arithmetic: boundary tables and Hypothesis properties (domain brief §0, §3.4)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gp_tool.rules.calendar import (
    add_weekdays,
    days_between,
    each_day,
    end_of_week,
    inclusive_days,
    is_weekday,
    last_weekday_before,
    last_weekday_on_or_before,
    nth_day,
    plus_months,
    plus_years,
    started_weeks,
    weekdays_between,
    weekdays_in,
    weeks_between,
    working_days_between,
)
from tests.rules.builders import d

dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2060, 12, 31))
small = st.integers(min_value=0, max_value=800)


@pytest.mark.parametrize(
    ("start", "end", "inclusive", "between"),
    [
        ("2026-09-01", "2026-09-16", 16, 15),  # the employer period (brief §0)
        ("2026-09-01", "2026-09-01", 1, 0),
        ("2026-09-01", "2026-09-18", 18, 17),  # avventende rejected by NAV (DAYS.between > 16)
        ("2026-09-02", "2026-09-01", 0, -1),
    ],
)
def test_inclusive_versus_days_between(start: str, end: str, inclusive: int, between: int) -> None:
    assert (inclusive_days(d(start), d(end)), days_between(d(start), d(end))) == (inclusive, between)


@pytest.mark.parametrize(
    ("week", "end"),
    [(4, "2026-09-28"), (7, "2026-10-19"), (8, "2026-10-26"), (26, "2027-03-01")],
)
def test_end_of_week_n_for_a_case_starting_1_september(week: int, end: str) -> None:
    assert end_of_week(d("2026-09-01"), week) == d(end)


@pytest.mark.parametrize(
    ("start", "end", "weeks"),
    [
        ("2026-09-01", "2026-09-07", 1),
        ("2026-09-01", "2026-09-08", 2),
        ("2026-09-01", "2026-09-14", 2),
        ("2026-09-01", "2026-09-15", 3),
    ],
)
def test_started_weeks(start: str, end: str, weeks: int) -> None:
    assert started_weeks(d(start), d(end)) == weeks


@pytest.mark.parametrize(
    ("tom", "fom", "working"),
    [
        ("2026-09-04", "2026-09-07", False),  # Friday -> Monday
        ("2026-09-04", "2026-09-06", False),  # Friday -> Sunday
        ("2026-09-04", "2026-09-05", False),  # Friday -> Saturday
        ("2026-09-03", "2026-09-07", True),  # Thursday -> Monday: Friday between
        ("2026-09-04", "2026-09-08", True),  # Friday -> Tuesday: Monday between
        ("2026-09-04", "2026-09-04", False),  # same day
        ("2026-09-05", "2026-09-04", True),  # new fom before the old tom
    ],
)
def test_nav_working_days_between(tom: str, fom: str, working: bool) -> None:
    assert working_days_between(d(fom), d(tom)) is working


@pytest.mark.parametrize(
    ("day", "months", "result"),
    [
        ("2027-01-31", 1, "2027-02-28"),
        ("2028-01-31", 1, "2028-02-29"),
        ("2026-09-01", 1, "2026-10-01"),
        ("2026-12-15", 1, "2027-01-15"),
    ],
)
def test_plus_months_follows_java(day: str, months: int, result: str) -> None:
    assert plus_months(d(day), months) == d(result)


def test_plus_years_from_29_february() -> None:
    assert plus_years(d("2024-02-29"), 1) == d("2025-02-28")
    assert plus_years(d("2024-02-29"), 4) == d("2028-02-29")
    assert plus_years(d("2026-09-01"), -3) == d("2023-09-01")


@given(dates, st.integers(min_value=1, max_value=60))
def test_end_of_week_is_7n_minus_1_days_after_the_start(start: dt.date, n: int) -> None:
    assert (end_of_week(start, n) - start).days == 7 * n - 1
    assert end_of_week(start, n) == nth_day(start, 7 * n)


@given(dates, small)
def test_weekdays_in_matches_counting_day_by_day(start: dt.date, length: int) -> None:
    end = start + dt.timedelta(days=length)
    assert weekdays_in(start, end) == sum(1 for day in each_day(start, end) if day.weekday() < 5)
    assert weekdays_between(start, end) == sum(
        1 for day in each_day(start, end) if day.weekday() < 5 and start < day < end
    )


@given(dates, st.integers(min_value=1, max_value=600))
def test_add_weekdays_lands_on_the_nth_weekday(start: dt.date, n: int) -> None:
    result = add_weekdays(start, n)
    assert is_weekday(result)
    assert weekdays_in(start + dt.timedelta(days=1), result) == n


@given(dates)
def test_last_weekdays(day: dt.date) -> None:
    on_or_before = last_weekday_on_or_before(day)
    assert is_weekday(on_or_before)
    assert 0 <= (day - on_or_before).days <= 2
    before = last_weekday_before(day)
    assert is_weekday(before)
    assert before < day
    assert weekdays_between(before, day) == 0


@given(dates, st.integers(min_value=0, max_value=400))
def test_started_weeks_is_inclusive_days_divided_by_7_rounded_up(start: dt.date, length: int) -> None:
    end = start + dt.timedelta(days=length)
    assert started_weeks(start, end) == -(-inclusive_days(start, end) // 7)
    assert weeks_between(start, end) == days_between(start, end) // 7


@given(dates, st.integers(min_value=-36, max_value=36))
def test_plus_months_keeps_the_day_or_clamps_to_the_month_end(day: dt.date, months: int) -> None:
    result = plus_months(day, months)
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    assert result.day == day.day or (result.day < day.day and (result + dt.timedelta(days=1)).day == 1)
