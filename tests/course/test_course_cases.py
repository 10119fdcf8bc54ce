"""The shipped course cases (issue 9): valid, fictional, lawful model answers, all three languages."""

from __future__ import annotations

import datetime as dt

import pytest

from gp_tool.documents import basic_context, build_employer_note, check_employer_text
from gp_tool.domain.course import STEP_KEYS, CourseCase, Topic, Version, station_label
from gp_tool.domain.national_id import IdKind, id_kind
from gp_tool.rules.engine import evaluate
from gp_tool.rules.model import Severity
from gp_tool.storage.courses import course_names, load_course

NAMES = course_names()


def label(course: CourseCase, index: int) -> str:
    start = evaluate(course.case_at(0), course.stations[0].date).case_start
    msgid, params = station_label(start, course.stations[index].date)
    return msgid.format(**params)


def test_four_course_cases_cover_the_four_topics() -> None:
    topics = {load_course(name).topic for name in NAMES}
    assert len(NAMES) >= 4
    assert {Topic.MUSCULOSKELETAL, Topic.COMMON_MENTAL, Topic.YOUNG_DROPOUT, Topic.NEAR_MAXDATE} <= topics


def test_the_musculoskeletal_case_visits_every_point_of_the_year() -> None:
    (name,) = [n for n in NAMES if load_course(n).topic is Topic.MUSCULOSKELETAL]
    course = load_course(name)
    labels = [label(course, i) for i in range(len(course.stations))]
    assert labels == ["Day 3", "Week 4", "Week 7", "Week 8", "Week 17", "Week 26", "Week 39"]


def test_the_long_case_ends_close_to_the_benefit_end_date() -> None:
    (name,) = [n for n in NAMES if load_course(n).topic is Topic.NEAR_MAXDATE]
    course = load_course(name)
    last = len(course.stations) - 1
    evaluation = evaluate(course.case_at(last, Version.MODEL), course.stations[last].date)
    days_left = (evaluation.timeline.max_date.date - course.stations[last].date).days
    assert 0 <= days_left <= 8 * 7


def test_the_young_person_is_young() -> None:
    (name,) = [n for n in NAMES if load_course(n).topic is Topic.YOUNG_DROPOUT]
    course = load_course(name)
    born = course.case_at(0).patient.birth_date
    assert born is not None
    age = (course.stations[0].date - born).days // 365
    assert 16 <= age <= 29


@pytest.mark.parametrize("name", NAMES)
def test_every_national_id_is_synthetic(name: str) -> None:
    course = load_course(name)
    for i in range(len(course.stations)):
        for version in Version:
            case = course.case_at(i, version)
            for number in (case.patient.national_id, case.sykmelder.national_id):
                assert number == "" or id_kind(number) is IdKind.SYNTETISK


@pytest.mark.parametrize("name", NAMES)
def test_every_model_answer_passes_the_rules_and_the_privacy_check(name: str) -> None:
    course = load_course(name)
    for i, station in enumerate(course.stations):
        case = course.case_at(i, Version.MODEL)
        evaluation = evaluate(case, station.date)
        blocks = [f.rule for f in evaluation.findings if f.severity is Severity.BLOCK]
        assert blocks == [], (station.id, blocks)
        for lang in ("nb", "nn", "en"):
            note = build_employer_note(case, basic_context(case, station.date, lang))
            assert check_employer_text(note, case) == (), (station.id, lang)


@pytest.mark.parametrize("name", NAMES)
def test_every_station_teaches(name: str) -> None:
    course = load_course(name)
    assert len(course.stations) >= 3
    for station in course.stations:
        assert station.notes, station.id  # at least one teaching note per consultation
        assert set(station.notes) <= set(STEP_KEYS)
        assert station.discussion, station.id
    first = course.case_at(0)
    assert first.case_start is None or first.case_start <= course.stations[0].date
    assert all(s.date >= dt.date(2020, 1, 1) for s in course.stations)
