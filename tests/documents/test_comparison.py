"""The participant's answer beside the model answer (course cases, issue 9): verdicts at their boundaries."""

from __future__ import annotations

import datetime as dt

import pytest

from gp_tool.documents.comparison import DAYS_CLOSE, GRADE_CLOSE, Verdict, compare
from gp_tool.domain.assessment import (
    DomainAssessment,
    FunctionAssessment,
    FunctionDomain,
    Limitation,
    ReferralRecord,
    ReferralStatus,
)
from gp_tool.domain.case import Case, Diagnosis, DiagnosisSystem, Patient, Period, PeriodKind, SickNote

DAY = dt.date(2026, 3, 4)


def case(
    kind: PeriodKind = PeriodKind.GRADERT,
    grade: int | None = 50,
    days: int = 14,
    code: str = "L03",
    limitation: Limitation | None = None,
    referrals: tuple[tuple[str, ReferralStatus], ...] = (),
    employer: str = "",
) -> Case:
    period = Period(kind=kind, from_=DAY, to=DAY + dt.timedelta(days=days - 1), grade=grade)
    return Case(
        patient=Patient(name="Ola Prøve", birth_date=dt.date(1980, 1, 1)),
        case_start=dt.date(2026, 3, 2),
        sick_note=SickNote(
            signed=DAY,
            main_diagnosis=Diagnosis(system=DiagnosisSystem.ICPC2, code=code),
            periods=[period],
            message_to_employer=employer,
        ),
        function=None
        if limitation is None
        else FunctionAssessment(
            domains={FunctionDomain.LIFTING_CARRYING: DomainAssessment(limitation=limitation)}
        ),
        referrals=[ReferralRecord(option=o, status=s) for o, s in referrals],
    )


def row(yours: Case, model: Case, step: str, topic: str) -> tuple[str, str, Verdict, str]:
    found = {r.topic: r for r in compare(yours, model, DAY, "en").step(step).rows}
    r = found[topic]
    return r.yours, r.model, r.verdict, r.comment


@pytest.mark.parametrize(
    ("grade", "verdict"),
    [
        (50, Verdict.SAME),
        (60, Verdict.CLOSE),
        (61, Verdict.DIFFERENT),
        (40, Verdict.CLOSE),
        (39, Verdict.DIFFERENT),
    ],
)
def test_grade_within_ten_points_is_close(grade: int, verdict: Verdict) -> None:
    assert GRADE_CLOSE == 10
    assert row(case(grade=grade), case(grade=50), "decision", "Sick-leave grade (highest)")[2] is verdict


@pytest.mark.parametrize(
    ("days", "verdict"),
    [
        (14, Verdict.SAME),
        (21, Verdict.CLOSE),
        (22, Verdict.DIFFERENT),
        (7, Verdict.CLOSE),
        (6, Verdict.DIFFERENT),
    ],
)
def test_length_within_seven_days_is_close(days: int, verdict: Verdict) -> None:
    assert DAYS_CLOSE == 7
    assert row(case(days=days), case(days=14), "decision", "Length of the sick note")[2] is verdict


def test_more_and_less_absent_than_the_model_say_so() -> None:
    full = case(kind=PeriodKind.AKTIVITET_IKKE_MULIG, grade=None)
    graded = case()
    assert row(full, graded, "decision", "Kind of sick leave") == (
        "Full sick leave (no activity possible)",
        "Graded sick leave",
        Verdict.DIFFERENT,
        "More absent than the model answer: is a less absent option possible?",
    )
    assert row(graded, full, "decision", "Kind of sick leave")[3] == (
        "Less absent than the model answer: does the function allow it?"
    )
    assert row(graded, graded, "decision", "Kind of sick leave")[2:] == (Verdict.SAME, "")


@pytest.mark.parametrize(
    ("yours", "verdict"),
    [
        (Limitation.MARKED, Verdict.SAME),
        (Limitation.SOME, Verdict.CLOSE),
        (Limitation.NOT_POSSIBLE, Verdict.CLOSE),
        (Limitation.NONE, Verdict.DIFFERENT),
        (None, Verdict.MISSING),
    ],
)
def test_a_limitation_one_level_apart_is_close(yours: Limitation | None, verdict: Verdict) -> None:
    assert (
        row(case(limitation=yours), case(limitation=Limitation.MARKED), "function", "Lifting and carrying")[2]
        is verdict
    )


def test_the_same_diagnosis_chapter_is_close() -> None:
    assert row(case(code="L86"), case(code="L03"), "decision", "Main diagnosis")[2] is Verdict.CLOSE
    assert row(case(code="P02"), case(code="L03"), "decision", "Main diagnosis")[2] is Verdict.DIFFERENT
    assert row(case(code="l03"), case(code="L03"), "decision", "Main diagnosis")[2] is Verdict.SAME


def test_referrals_missing_and_extra_and_extra_is_not_counted() -> None:
    yours = case(
        referrals=(("frisklivssentral", ReferralStatus.PLANNED), ("fysioterapi", ReferralStatus.DECLINED))
    )
    model = case(referrals=(("fysioterapi", ReferralStatus.DONE),))
    support = compare(yours, model, DAY, "en").step("support")
    assert [(r.topic, r.yours, r.model, r.verdict) for r in support.rows] == [
        ("Physiotherapy", "–", "Done", Verdict.MISSING),
        ("Healthy life centre (frisklivssentral)", "Planned", "–", Verdict.EXTRA),
    ]
    assert len(support.counted) == 1
    assert support.score == 0.0


def test_a_diagnosis_word_for_the_employer_fails_the_privacy_row() -> None:
    leaking = case(employer="Isjias, kan gjøre lett arbeid.")
    clean = case(employer="Kan gjøre lett arbeid uten tunge løft.")
    messages = {r.topic: r for r in compare(leaking, clean, DAY, "en").step("messages").rows}
    privacy = messages["Privacy check of what the employer sees"]
    assert privacy.verdict is Verdict.DIFFERENT
    assert privacy.yours.startswith("Health information found: ")
    assert privacy.yours == "Health information found: Isjias"
    assert {r.topic: r.verdict for r in compare(clean, clean, DAY, "en").step("messages").rows} == {
        "Message to the employer": Verdict.SAME,
        "Privacy check of what the employer sees": Verdict.SAME,
    }


def test_scores_count_close_as_half() -> None:
    comparison = compare(case(grade=60, days=14), case(grade=50, days=14), DAY, "en")
    decision = comparison.step("decision")
    assert [r.verdict for r in decision.rows] == [Verdict.SAME, Verdict.CLOSE, Verdict.SAME, Verdict.SAME]
    assert decision.score == 3.5
