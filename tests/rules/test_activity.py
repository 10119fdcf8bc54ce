"""The 8-week dialogue point: when the view is due, NAV's likely record, options, exception facts.

The case starts Tuesday 2026-09-01 (case_start given). Week 6 is 6–12 Oct, week 9 is 27 Oct–2 Nov, the
stop point (start + 8 weeks − 1 day) is Mon 26 Oct; week 16 begins 15 Dec, week 18 ends 4 Jan 2027.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gp_tool.domain.assessment import EightWeekOption
from gp_tool.i18n.catalog import translator
from gp_tool.rules.activity import (
    MEDICAL_REASON_TEXTS,
    WORK_REASON_TEXTS,
    Point,
    absence_week,
    activity_point,
    exception_answer,
    missing_facts,
    nav_expectation,
    options_in_order,
    point_due,
)
from tests.rules.builders import d, full, graded, make_case, note, treatment

START = "2026-09-01"
WHY = (
    "Kan ikke konsentrere seg mer enn ti minutter; sover fire timer per natt; startet behandling 1. oktober."
)
CHANGE = "Bedre søvn og effekt av behandlingen; da kan hun prøve tre timer om dagen med faste oppgaver."
FACTS = "Arbeidsgiver har ikke kontorarbeid uten løft; lettere oppgaver ble prøvd i uke 5 og avsluttet."


def case_with(*periods: dict[str, Any], requirement: dict[str, Any] | None = None, **extra: Any):
    new = note(*periods, **extra)
    case = make_case(new, case_start=START)
    if requirement is not None:
        doc = case.to_json_dict()
        doc["activity_requirement"] = requirement
        import json

        from gp_tool.domain.casefile import parse_case

        case = parse_case(json.dumps(doc))
    return case


def at(day: str) -> Any:
    return case_with(full(day, "2026-12-31"), signed=day)


@pytest.mark.parametrize(
    ("today", "week", "point"),
    [
        ("2026-10-05", 5, None),  # last day of week 5
        ("2026-10-06", 6, Point.WEEK_8),  # first day of week 6
        ("2026-10-26", 8, Point.WEEK_8),  # the stop point
        ("2026-11-02", 9, Point.WEEK_8),  # last day of week 9
        ("2026-11-03", 10, None),  # first day of week 10
        ("2026-12-14", 15, None),
        ("2026-12-15", 16, Point.WEEK_17),
        ("2027-01-04", 18, Point.WEEK_17),
        ("2027-01-05", 19, None),
        ("2027-05-17", 37, None),
        ("2027-05-18", 38, Point.WEEK_39),
        ("2027-06-07", 40, Point.WEEK_39),
        ("2027-06-08", 41, None),
    ],
)
def test_the_view_is_due_in_weeks_6_to_9_16_to_18_and_38_to_40(
    today: str, week: int, point: Point | None
) -> None:
    case = at(today)
    assert absence_week(case, d(today)) == week
    assert point_due(case, d(today)) is point


def test_before_the_case_starts_there_is_no_week() -> None:
    case = case_with(full("2026-09-01", "2026-09-30"))
    assert absence_week(case, d("2026-08-31")) is None
    assert point_due(case, d("2026-08-31")) is None


def test_the_point_gives_the_legal_dates() -> None:
    case = at("2026-10-20")
    point = activity_point(case, d("2026-10-20"))
    assert point.week == 8  # day 50
    assert point.due is Point.WEEK_8
    assert point.case_start == d(START)
    assert point.stop_point == d("2026-10-26")
    assert point.follow_up_plan_due == d("2026-09-28")
    assert point.dialogue_meeting_1_due == d("2026-10-19")
    assert point.dialogue_meeting_2_due == d("2027-03-01")
    assert (point.legal.law, point.legal.section, point.legal.ledd) == ("ftrl", "8-8", 2)


def test_options_come_least_absent_first_and_exceptions_last() -> None:
    options = options_in_order(at("2026-10-20"))
    assert [o.option for o in options] == [
        EightWeekOption.OWN_WORK_ADJUSTED,
        EightWeekOption.GRADED,
        EightWeekOption.OTHER_TASKS,
        EightWeekOption.WORK_MEASURES,
        EightWeekOption.EXCEPTION_MEDICAL,
        EightWeekOption.EXCEPTION_WORKPLACE,
    ]
    assert [o.exception for o in options] == [False, False, False, False, True, True]
    assert all(o.grade_low is None for o in options if o.option is not EightWeekOption.GRADED)


def test_graded_at_the_end_is_met_automatically() -> None:
    case = case_with(
        full("2026-10-20", "2026-10-25"), graded("2026-10-26", "2026-11-08", 50), signed="2026-10-20"
    )
    assert nav_expectation(case, d("2026-10-20")).status == "AUTOMATISK_OPPFYLT"


def test_treatment_days_at_the_end_is_likely_met() -> None:
    case = case_with(treatment("2026-10-20", "2026-11-08"), signed="2026-10-20")
    expectation = nav_expectation(case, d("2026-10-20"))
    assert (expectation.status, expectation.reason) == ("OPPFYLT", None)


@pytest.mark.parametrize(
    ("end", "status"),
    [("2026-10-25", "NOT_REACHED"), ("2026-10-26", "AVVENT")],  # the day before / on the stop point
)
def test_a_note_ending_before_the_stop_point_records_nothing(end: str, status: str) -> None:
    case = case_with(full("2026-10-20", end), signed="2026-10-20")
    expectation = nav_expectation(case, d("2026-10-20"))
    assert expectation.status == status
    assert expectation.params == {"date": "2026-10-26"}


def test_full_leave_without_an_option_makes_nav_wait_for_the_gp() -> None:
    expectation = nav_expectation(at("2026-10-20"), d("2026-10-20"))
    assert (expectation.status, expectation.reason) == ("AVVENT", "INFORMASJON_BEHANDLER")


def test_work_measures_meet_the_requirement() -> None:
    case = case_with(
        full("2026-10-20", "2026-11-30"), requirement={"option": "WORK_MEASURES"}, signed="2026-10-20"
    )
    expectation = nav_expectation(case, d("2026-10-20"))
    assert (expectation.status, expectation.reason) == ("OPPFYLT", "TILTAK")


def test_work_chosen_but_still_full_leave_makes_nav_wait() -> None:
    case = case_with(full("2026-10-20", "2026-11-30"), requirement={"option": "GRADED"}, signed="2026-10-20")
    expectation = nav_expectation(case, d("2026-10-20"))
    assert (expectation.status, expectation.reason) == ("AVVENT", "INFORMASJON_BEHANDLER")
    assert "Decision" in expectation.explanation


MEDICAL_COMPLETE = {
    "option": "EXCEPTION_MEDICAL",
    "why_activity_impossible": WHY,
    "what_would_change_it": CHANGE,
    "reassess_on": "2026-11-03",
}


def test_a_medical_exception_with_every_fact_is_an_exception() -> None:
    case = case_with(
        full("2026-10-20", "2026-11-30", medical_reasons=["TILSTAND_HINDRER_AKTIVITET"]),
        requirement=MEDICAL_COMPLETE,
        signed="2026-10-20",
    )
    assert missing_facts(case, d("2026-10-20")) == ()
    expectation = nav_expectation(case, d("2026-10-20"))
    assert (expectation.status, expectation.reason) == ("UNNTAK", "MEDISINSKE_GRUNNER")


def test_a_medical_exception_lists_each_missing_fact() -> None:
    case = case_with(
        full("2026-10-20", "2026-11-30"),
        requirement={"option": "EXCEPTION_MEDICAL", "why_activity_impossible": "F32 depresjon"},
        signed="2026-10-20",
    )
    missing = missing_facts(case, d("2026-10-20"))
    assert [m.path for m in missing] == [
        "sick_note.periods[0].medical_reasons",
        "activity_requirement.why_activity_impossible",  # the diagnosis alone is not a reason
        "activity_requirement.what_would_change_it",
        "activity_requirement.reassess_on",
    ]
    expectation = nav_expectation(case, d("2026-10-20"))
    assert (expectation.status, expectation.reason) == ("AVVENT", "INFORMASJON_BEHANDLER")
    assert expectation.missing == missing


@pytest.mark.parametrize(("reassess", "missing"), [("2026-10-19", True), ("2026-10-20", False)])
def test_the_reassessment_date_must_be_today_or_later(reassess: str, missing: bool) -> None:
    case = case_with(
        full("2026-10-20", "2026-11-30", medical_reasons=["ANNET"]),
        requirement={**MEDICAL_COMPLETE, "reassess_on": reassess},
        signed="2026-10-20",
    )
    paths = [m.path for m in missing_facts(case, d("2026-10-20"))]
    assert paths == (["activity_requirement.reassess_on"] if missing else [])


def test_a_workplace_exception_needs_the_code_and_the_facts() -> None:
    requirement = {
        "option": "EXCEPTION_WORKPLACE",
        "what_would_change_it": CHANGE,
        "reassess_on": "2026-11-03",
    }
    bare = case_with(full("2026-10-20", "2026-11-30"), requirement=requirement, signed="2026-10-20")
    assert [m.path for m in missing_facts(bare, d("2026-10-20"))] == [
        "sick_note.work_related_reasons",
        "activity_requirement.workplace_facts",
    ]
    complete = case_with(
        full("2026-10-20", "2026-11-30"),
        requirement={**requirement, "workplace_facts": FACTS},
        signed="2026-10-20",
        work_related_reasons=["MANGLENDE_TILRETTELEGGING"],
    )
    expectation = nav_expectation(complete, d("2026-10-20"))
    assert (expectation.status, expectation.reason) == ("UNNTAK", "TILRETTELEGGING_IKKE_MULIG")


def test_no_facts_are_missing_for_the_work_options() -> None:
    case = case_with(
        full("2026-10-20", "2026-11-30"), requirement={"option": "OTHER_TASKS"}, signed="2026-10-20"
    )
    assert missing_facts(case, d("2026-10-20")) == ()


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_the_answer_states_the_reason_what_would_change_it_and_the_date(lang: str) -> None:
    case = case_with(full("2026-10-20", "2026-11-30"), requirement=MEDICAL_COMPLETE, signed="2026-10-20")
    answer = exception_answer(case, lang)
    lines = answer.splitlines()
    assert lines[0] == WHY
    assert CHANGE in lines[1]
    expected_date = {"nb": "3. november 2026", "nn": "3. november 2026", "en": "3 November 2026"}[lang]
    assert expected_date in lines[2]
    t = translator(lang)
    assert lines[2] == t.gettext("Reassessed on {date}.").format(date=expected_date)


def test_every_nav_reason_code_has_a_plain_meaning() -> None:
    from gp_tool.domain.case import ArbeidsrelatertArsak, MedisinskArsak

    assert set(MEDICAL_REASON_TEXTS) == {c.value for c in MedisinskArsak}
    assert set(WORK_REASON_TEXTS) == {c.value for c in ArbeidsrelatertArsak}


@given(st.integers(min_value=0, max_value=400))
def test_the_week_is_the_day_count_divided_by_seven(offset: int) -> None:
    today = dt.date(2026, 9, 1) + dt.timedelta(days=offset)
    case = case_with(full("2026-09-01", "2027-12-31"))
    assert absence_week(case, today) == offset // 7 + 1
    due = point_due(case, today)
    assert (due is Point.WEEK_8) == (35 <= offset <= 62)
