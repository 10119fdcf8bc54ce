"""The course case file format (issue 9): derivation of each consultation and bad input named by field."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from gp_tool.domain.course import CourseCase, Version, parse_course, station_label
from gp_tool.domain.problems import ProblemError
from gp_tool.i18n.catalog import translator
from gp_tool.storage.courses import parse_course_text

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "course_sample.json"
DOC: dict[str, Any] = json.loads(SAMPLE.read_text(encoding="utf-8"))


def problems(doc: Any, lang: str = "en") -> list[str]:
    text = doc if isinstance(doc, str) else json.dumps(doc)
    with pytest.raises(ProblemError) as caught:
        parse_course_text(text)
    return [p.render(translator(lang).gettext) for p in caught.value.problems]


def edited(change: Any) -> dict[str, Any]:
    doc = copy.deepcopy(DOC)
    change(doc)
    return doc


def test_each_consultation_carries_on_from_the_model_answer_before_it() -> None:
    course = parse_course(SAMPLE.read_text(encoding="utf-8"))
    assert isinstance(course, CourseCase)
    first_start, first_model = course.case_at(0), course.case_at(0, Version.MODEL)
    assert first_start.sick_note.periods[0].grade is None
    assert first_model.sick_note.periods[0].grade == 50
    assert first_start.earlier_sick_notes == [] == first_model.earlier_sick_notes
    second = course.case_at(1)
    assert [n.periods[0].grade for n in second.earlier_sick_notes] == [50]  # day 3's model answer
    assert second.earlier_sick_notes[0].message_to_employer == "Kan gjøre lett arbeid uten tunge løft."
    assert second.sick_note.signed == dt.date(2026, 3, 25)
    assert second.patient == first_start.patient


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2026, 3, 2), ("Day {day}", {"day": 1})),
        (dt.date(2026, 3, 8), ("Day {day}", {"day": 7})),
        (dt.date(2026, 3, 9), ("Week {week}", {"week": 2})),
        (dt.date(2026, 3, 15), ("Week {week}", {"week": 2})),
        (dt.date(2026, 3, 16), ("Week {week}", {"week": 3})),
    ],
)
def test_station_labels_at_the_week_boundaries(day: dt.date, expected: tuple[str, dict[str, int]]) -> None:
    assert station_label(dt.date(2026, 3, 2), day) == expected


def test_the_consultation_on_a_date() -> None:
    course = parse_course(SAMPLE.read_text(encoding="utf-8"))
    assert course.station_index_on(dt.date(2026, 3, 1)) == 0  # before the first: the first
    assert course.station_index_on(dt.date(2026, 3, 24)) == 0
    assert course.station_index_on(dt.date(2026, 3, 25)) == 1
    assert course.station_index_on(dt.date(2027, 1, 1)) == 1


def test_bad_files_are_named() -> None:
    assert problems("") == ["file: the file is empty"]
    assert problems("{") == ["file: not valid JSON (line 1, column 2)"]
    assert problems("[]") == ["file: a course case file must be a JSON object"]
    assert problems({"format": "gp-tool/case", "version": 1}) == [
        "format: expected “gp-tool/course”, found “gp-tool/case”"
    ]
    assert problems(edited(lambda d: d.update(version=2))) == [
        "version: format version 2 is not known (supported: 1–1)"
    ]


def test_consultations_must_be_in_order_unique_and_dated_on_their_sick_note() -> None:
    def change(d: dict[str, Any]) -> None:
        d["stations"][1]["id"] = "dag3"
        d["stations"][1]["date"] = "2026-03-04"

    assert problems(edited(change)) == [
        "stations[1].id: used twice: dag3",
        "stations[1].date: must be after the previous consultation (2026-03-04)",
    ]

    def signed(d: dict[str, Any]) -> None:
        d["stations"][0]["model"]["sick_note"]["signed"] = "2026-03-05"

    assert problems(edited(signed)) == [
        "stations[0].model.sick_note.signed: must be the consultation date (2026-03-04)"
    ]


def test_start_and_model_are_partial_case_documents() -> None:
    def change(d: dict[str, Any]) -> None:
        d["stations"][0]["start"]["diagnose"] = "L03"
        del d["stations"][1]["model"]["sick_note"]

    assert problems(edited(change)) == [
        "stations[0].start.diagnose: unknown field",
        "stations[1].model.sick_note: required field is missing",
    ]

    def bad_date(d: dict[str, Any]) -> None:
        d["stations"][1]["start"]["sick_note"]["periods"][0]["from"] = "2026-02-30"

    (message,) = problems(edited(bad_date))
    assert message.startswith("stations[1].start.sick_note.periods[0].from: ")


def test_a_real_national_id_is_refused_in_bokmal() -> None:
    def change(d: dict[str, Any]) -> None:
        d["case"]["patient"]["national_id"] = "01018010018"

    assert problems(edited(change), "nb") == [
        "case.patient.national_id: et kurstilfelle kan bare bruke syntetiske (Tenor-) fødselsnumre, eller ingen"
    ]

    def synthetic(d: dict[str, Any]) -> None:
        d["case"]["patient"]["national_id"] = "05858512338"  # Tenor: month + 80

    course = parse_course_text(json.dumps(edited(synthetic)))
    assert course.case_at(0).patient.national_id == "05858512338"


def test_every_text_needs_all_three_languages() -> None:
    def change(d: dict[str, Any]) -> None:
        del d["title"]["nn"]

    (message,) = problems(edited(change))
    assert message.startswith("title.nn: ")
