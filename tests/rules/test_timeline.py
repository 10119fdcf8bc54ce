"""The legal timeline (domain brief §1, §3.4, §3.5, worked examples §7).

A GP reads each test as: "case starting <date>, <situation> -> <milestone> on <date>".
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gp_tool.rules import MilestoneStatus, build_timeline, case_start, timeline_from_start
from gp_tool.rules.calendar import each_day, is_weekday, weekdays_in
from tests.rules.builders import START, d, full, graded, make_case, note, period, treatment

WORKED_EXAMPLE = {  # domain brief §7 and §1.1, case start Tuesday 2026-09-01
    "ARBEIDSGIVERPERIODE_SLUTT": "2026-09-16",
    "NAV_BETALER_FRA": "2026-09-17",
    "OPPFOLGINGSPLAN": "2026-09-28",
    "DIALOGMOTE_1": "2026-10-19",
    "UTDYPENDE_OPPLYSNINGER_UKE_7": "2026-10-20",
    "AKTIVITETSKRAV": "2026-10-26",
    "MOTEBEHOV": "2026-12-22",
    "UTDYPENDE_OPPLYSNINGER_UKE_17": "2026-12-29",
    "DIALOGMOTEKANDIDAT": "2026-12-29",
    "DIALOGMOTE_2": "2027-03-01",
    "UTDYPENDE_OPPLYSNINGER_UKE_39": "2027-06-01",
    "MAKSDATO": "2027-08-30",
}


def test_worked_example_of_the_domain_brief() -> None:
    timeline = timeline_from_start(START, d("2026-09-01"))
    assert {m.id: m.date.isoformat() for m in timeline.milestones} == WORKED_EXAMPLE
    assert [m.id for m in timeline.milestones] == list(WORKED_EXAMPLE)  # in date order
    assert timeline.milestone("MOTEBEHOV").end == d("2027-03-01")
    assert timeline.milestone("UTDYPENDE_OPPLYSNINGER_UKE_7").end == d("2026-10-26")
    assert (timeline.max_date.basis, timeline.max_date.days_left) == ("ORDINAER", 248)
    assert timeline.employer_period_end == d("2026-09-16")


def test_legal_references_of_the_milestones() -> None:
    refs = {m.id: m.legal_ref for m in timeline_from_start(START, START).milestones}
    assert refs == {
        "ARBEIDSGIVERPERIODE_SLUTT": "ftrl § 8-19 (1)",
        "NAV_BETALER_FRA": "ftrl § 8-17",
        "OPPFOLGINGSPLAN": "aml § 4-6 (3)",
        "DIALOGMOTE_1": "aml § 4-6 (4)",
        "UTDYPENDE_OPPLYSNINGER_UKE_7": "ftrl § 8-8 (2)",
        "AKTIVITETSKRAV": "ftrl § 8-8 (2)",
        "MOTEBEHOV": "ftrl § 8-7 a",
        "UTDYPENDE_OPPLYSNINGER_UKE_17": "ftrl § 8-7",
        "DIALOGMOTEKANDIDAT": "ftrl § 8-7 a",
        "DIALOGMOTE_2": "ftrl § 8-7 a (2)",
        "UTDYPENDE_OPPLYSNINGER_UKE_39": "ftrl § 8-7",
        "MAKSDATO": "ftrl § 8-12 (1)",
    }


@pytest.mark.parametrize(
    ("today", "status"),
    [
        ("2026-10-18", MilestoneStatus.AHEAD),  # 8 days before the 8-week point
        ("2026-10-19", MilestoneStatus.DUE_NOW),  # 7 days before
        ("2026-10-26", MilestoneStatus.DUE_NOW),  # on the day
        ("2026-10-27", MilestoneStatus.PASSED),  # the day after
    ],
)
def test_status_of_a_deadline(today: str, status: MilestoneStatus) -> None:
    assert timeline_from_start(START, d(today)).milestone("AKTIVITETSKRAV").status is status


@pytest.mark.parametrize(
    ("today", "status"),
    [
        ("2026-12-14", MilestoneStatus.AHEAD),
        ("2026-12-15", MilestoneStatus.DUE_NOW),  # 7 days before the window opens
        ("2027-03-01", MilestoneStatus.DUE_NOW),  # last day of the window
        ("2027-03-02", MilestoneStatus.PASSED),
    ],
)
def test_status_of_a_window(today: str, status: MilestoneStatus) -> None:
    assert timeline_from_start(START, d(today)).milestone("MOTEBEHOV").status is status


def test_spleis_own_maksdato_example() -> None:
    """helse-spleis MaksimumSykepengedagerfilterTest: 16 employer days from 2018-01-01, maksdato 2018-12-28."""
    assert timeline_from_start(d("2018-01-01"), d("2018-01-01")).max_date.date == d("2018-12-28")


def test_maksdato_counts_public_holidays_as_weekdays() -> None:
    timeline = timeline_from_start(START, START)
    paid = [day for day in each_day(d("2026-09-17"), timeline.max_date.date) if is_weekday(day)]
    assert len(paid) == 248
    assert d("2026-12-25") in paid
    assert d("2027-05-17") in paid


# ---- case start: NAV's 16-day chaining (domain brief §3.3)


@pytest.mark.parametrize(
    ("earlier_end", "new_start", "expected"),
    [
        pytest.param(
            "2026-08-16",
            "2026-09-01",
            "2026-08-10",
            id="15 days without sick leave between -> one case from 10 Aug",
        ),
        pytest.param(
            "2026-08-15",
            "2026-09-01",
            "2026-09-01",
            id="16 days without sick leave between -> new case from 1 Sep",
        ),
        pytest.param("2026-08-31", "2026-09-01", "2026-08-10", id="no gap -> one case from 10 Aug"),
    ],
)
def test_case_start_chains_notes_across_short_gaps(earlier_end: str, new_start: str, expected: str) -> None:
    case = make_case(note(graded(new_start, "2026-09-30")), note(full("2026-08-10", earlier_end)))
    assert case_start(case) == d(expected)


def test_awaiting_periods_do_not_chain_a_case() -> None:
    case = make_case(
        note(full("2026-09-01", "2026-09-14")),
        note(period("AVVENTENDE", "2026-08-20", "2026-08-31", advice_to_employer="Lette oppgaver")),
    )
    assert case_start(case) == START


def test_notes_older_than_40_weeks_do_not_count() -> None:
    """An earlier note whose last day is 40 weeks or more before the new first day is ignored (Startdato.kt)."""
    new = note(full("2026-09-01", "2026-09-14"))
    assert (
        case_start(make_case(new, note(full("2025-11-01", "2025-11-25")))) == START
    )  # 25 Nov 2025 = 1 Sep 2026 - 40 weeks
    chained = make_case(new, note(full("2025-11-01", "2026-08-31")))
    assert case_start(chained) == d("2025-11-01")


def test_a_given_case_start_wins() -> None:
    case = make_case(note(full("2026-09-04", "2026-09-14")), case_start="2026-09-01")
    timeline = build_timeline(case, d("2026-09-04"))
    assert (case_start(case), timeline.case_start_given) == (START, True)
    # the days from the given start to the first note (egenmelding) are absence days
    assert timeline.employer_period_end == d("2026-09-16")


# ---- employer period (ftrl § 8-19), including an interrupted one


def test_interrupted_employer_period_continues_with_the_next_absence() -> None:
    case = make_case(note(full("2026-09-15", "2026-09-30")), note(full("2026-09-01", "2026-09-05")))
    timeline = build_timeline(case, d("2026-09-15"))
    period_ = timeline.employer_period
    assert (period_.start, period_.end, period_.nav_pays_from) == (START, d("2026-09-25"), d("2026-09-26"))
    assert (period_.interrupted, period_.projected) == (True, False)
    assert timeline.milestone("NAV_BETALER_FRA").date == d("2026-09-26")


def test_employer_period_projected_when_the_notes_are_short() -> None:
    timeline = build_timeline(make_case(note(full("2026-09-01", "2026-09-05"))), START)
    assert (timeline.employer_period_end, timeline.employer_period.projected) == (d("2026-09-16"), True)


def test_nav_pays_from_the_next_absence_after_the_employer_period() -> None:
    case = make_case(note(full("2026-09-21", "2026-09-30")), note(full("2026-09-01", "2026-09-16")))
    assert build_timeline(case, START).employer_period.nav_pays_from == d("2026-09-21")


# ---- maksdato with known periods, ages 67 and 70


def test_maksdato_from_notes_with_a_gap_and_a_travel_grant() -> None:
    """Paid weekdays are counted in the notes; travel-grant days and the gap use no quota (domain brief §3.5)."""
    case = make_case(
        note(full("2026-11-02", "2026-11-13")),
        note(full("2026-09-01", "2026-09-30")),
        note(period("REISETILSKUDD", "2026-10-01", "2026-10-20")),
    )
    max_date = build_timeline(case, START).max_date
    assert max_date.days_used == 10 + 10  # 17-30 Sep and 2-13 Nov
    assert max_date.counted_until == d("2026-11-13")
    paid_after = [day for day in each_day(d("2026-11-16"), max_date.date) if is_weekday(day)]
    assert len(paid_after) == 248 - 20 == max_date.days_left


def test_treatment_days_use_quota_on_the_first_weekdays_of_their_period() -> None:
    case = make_case(
        note(treatment("2026-09-21", "2026-10-04", days=2)), note(full("2026-09-01", "2026-09-18"))
    )
    assert build_timeline(case, START).max_date.days_used == 2 + 2  # 17-18 Sep, then 21-22 Sep


@pytest.mark.parametrize(
    ("birth", "date", "basis", "ref"),
    [
        pytest.param("1985-05-05", "2027-08-30", "ORDINAER", "ftrl § 8-12 (1)", id="aged 41 -> 248 days"),
        pytest.param(
            "1960-01-01",
            "2027-03-26",
            "BEGRENSET_67",
            "ftrl § 8-12 (4)",
            id="turns 67 on 1 Jan 2027 -> 60 days after",
        ),
        pytest.param(
            "1957-01-01",
            "2026-12-09",
            "BEGRENSET_67",
            "ftrl § 8-12 (4)",
            id="67 since 2024 -> 60 days from 17 Sep",
        ),
        pytest.param(
            "1956-10-15",
            "2026-10-14",
            "SYTTI_AAR",
            "ftrl § 8-3 (1) 2. pkt.",
            id="turns 70 on 15 Oct 2026 -> day before",
        ),
        pytest.param(
            "1959-12-15",
            "2027-03-09",
            "BEGRENSET_67",
            "ftrl § 8-12 (4)",
            id="turns 67 on 15 Dec 2026 -> 60 days after",
        ),
    ],
)
def test_maksdato_by_age(birth: str, date: str, basis: str, ref: str) -> None:
    max_date = timeline_from_start(START, START, d(birth)).max_date
    assert (max_date.date.isoformat(), max_date.basis, max_date.legal_ref) == (date, basis, ref)


def test_ordinary_and_limited_quota_on_the_same_day_is_ordinary() -> None:
    """spleis: maksdatoOrdinærRett <= maksdatoBegrensetRett gives ORDINÆR_RETT."""
    start = d("2026-09-01")
    base = timeline_from_start(start, start).max_date.date  # 248th paid weekday
    # Born so that the 67th birthday lies 60 weekdays before the ordinary maksdato.
    turns_67 = base - dt.timedelta(weeks=12)
    born = turns_67.replace(year=turns_67.year - 67)
    assert timeline_from_start(start, start, born).max_date.basis == "ORDINAER"


def test_quota_used_up_inside_the_known_notes() -> None:
    case = make_case(note(graded("2027-08-23", "2027-09-10")), note(graded("2026-09-01", "2027-08-22")))
    max_date = build_timeline(case, d("2027-08-23")).max_date
    assert (max_date.date, max_date.days_used, max_date.days_left) == (d("2027-08-30"), 248, 0)


def test_timeline_json_shape() -> None:
    data = timeline_from_start(START, d("2026-10-20"), d("1985-05-05")).to_json("nb")
    assert data["case_start"] == "2026-09-01"
    assert data["max_date"]["date"] == "2027-08-30"
    assert data["max_date"]["basis"] == "ORDINAER"
    first = data["milestones"][0]
    assert first == {
        "id": "ARBEIDSGIVERPERIODE_SLUTT",
        "date": "2026-09-16",
        "end": None,
        "kind": "EVENT",
        "legal_ref": "ftrl § 8-19 (1)",
        "label": "Siste dag i arbeidsgiverperioden (arbeidsgiveren betaler de første 16 dagene)",
        "actor": "Arbeidsgiver",
        "gp_action": "Avventende sykmelding kan bare brukes fram til denne dagen.",
        "status": "PASSED",
    }


def test_week_and_day() -> None:
    timeline = timeline_from_start(START, START)
    assert timeline.week_and_day(d("2026-08-31")) is None
    assert timeline.week_and_day(START) == (1, 1)
    assert timeline.week_and_day(d("2026-09-07")) == (1, 7)
    assert timeline.week_and_day(d("2026-09-08")) == (2, 8)
    assert timeline.week_and_day(d("2026-10-26")) == (8, 56)


# ---- properties


@given(st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2035, 12, 31)))
def test_continuous_leave_ends_on_the_248th_paid_weekday(start: dt.date) -> None:
    timeline = timeline_from_start(start, start)
    nav_from = start + dt.timedelta(days=16)
    assert timeline.employer_period_end == start + dt.timedelta(days=15)
    assert weekdays_in(nav_from, timeline.max_date.date) == 248
    assert is_weekday(timeline.max_date.date)


@given(st.integers(min_value=0, max_value=40), st.integers(min_value=1, max_value=30))
def test_notes_chain_across_at_most_15_days_without_sick_leave(gap: int, length: int) -> None:
    first_end = dt.date(2026, 8, 1) + dt.timedelta(days=length - 1)
    new_start = first_end + dt.timedelta(days=gap + 1)
    case = make_case(
        note(graded(new_start.isoformat(), (new_start + dt.timedelta(days=6)).isoformat())),
        note(full("2026-08-01", first_end.isoformat())),
    )
    assert case_start(case) == (d("2026-08-01") if gap <= 15 else new_start)
