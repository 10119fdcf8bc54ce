"""The demo cases: fictional patients at day 3 and weeks 4, 7, 8, 17 and 39 whatever the date."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from gp_tool.domain.case import DiagnosisSystem
from gp_tool.domain.national_id import IdKind, birth_date_of, id_kind, validate_national_id
from gp_tool.i18n.catalog import translator
from gp_tool.rules import evaluate
from gp_tool.storage.demo import DEMO_DESCRIPTIONS, demo_description, demo_names, load_demo
from gp_tool.ui.caseinfo import age_at, case_start, case_week_day

EXPECTED = {
    # name: (week, day or None, main diagnosis)
    "dag3-skulder": (1, 3, "L92"),
    "uke4-angst": (4, None, "P74"),
    "uke7-depresjon": (7, None, "P76"),
    "uke8-rygg": (8, 53, "L03"),
    "uke17-prolaps": (17, None, "L86"),
    "uke39-tilpasning": (39, None, "F432"),
}
MUSCULOSKELETAL = {"L03", "L86", "L92"}
MENTAL = {"P74", "P76", "F432"}


def test_six_demo_cases_with_descriptions_in_every_language() -> None:
    assert set(EXPECTED) <= set(demo_names())
    assert set(DEMO_DESCRIPTIONS) == set(demo_names())
    for name in demo_names():
        for lang in ("nb", "nn"):
            text = translator(lang).gettext(demo_description(name))
            assert text != demo_description(name), (name, lang)
            assert text, (name, lang)


@settings(max_examples=25, deadline=None)
@given(today=st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2035, 12, 31)))
def test_each_demo_sits_at_its_named_point_on_any_day(today: dt.date) -> None:
    for name, (week, day, _code) in EXPECTED.items():
        case = load_demo(name, today)
        assert case.sick_note.signed == today
        assert case_week_day(case, today)[0] == week, name
        if day is not None:
            assert case_week_day(case, today)[1] == day, name


def test_national_ids_are_synthetic_and_match_the_birth_date() -> None:
    for name in demo_names():
        patient = load_demo(name).patient
        assert validate_national_id(patient.national_id) == patient.national_id, name
        assert id_kind(patient.national_id) is IdKind.SYNTETISK, name
        assert birth_date_of(patient.national_id) == patient.birth_date, name


def test_conditions_and_ages_cover_the_course() -> None:
    today = dt.date(2026, 11, 20)
    codes = {name: load_demo(name, today).sick_note.main_diagnosis.code for name in EXPECTED}
    assert codes == {name: code for name, (_w, _d, code) in EXPECTED.items()}
    assert set(codes.values()) & MUSCULOSKELETAL == MUSCULOSKELETAL
    assert set(codes.values()) & MENTAL == MENTAL
    assert load_demo("uke39-tilpasning").sick_note.main_diagnosis.system is DiagnosisSystem.ICD10
    ages = {name: age_at(load_demo(name, today).patient.birth_date, today) for name in EXPECTED}
    assert min(ages.values()) < 25
    assert ages["uke4-angst"] == 23
    assert max(ages.values()) > 67
    assert ages["dag3-skulder"] == 68


def test_every_demo_has_work_demands_the_patients_view_and_runs_the_rules() -> None:
    today = dt.date(2026, 11, 20)
    for name in demo_names():
        case = load_demo(name, today)
        assert len(case.work.demands) >= 3, name
        view = case.work.patient_view
        assert all((view.life_factors, view.workplace_factors, view.own_assessment)), name
        result = evaluate(case, today)
        assert result.case_start == case_start(case), name
    week39 = evaluate(load_demo("uke39-tilpasning", today), today)
    assert set(week39.questions_due) == {"6.5.1", "6.5.2", "6.5.3", "6.5.4"}
    week7 = evaluate(load_demo("uke7-depresjon", today), today)
    assert {"6.3.1", "6.3.2"} <= set(week7.questions_due)
    assert evaluate(load_demo("uke8-rygg", today), today).questions_due == ()
