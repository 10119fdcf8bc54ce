"""The consultation layer (issue 16): one evaluation per change, readiness, field labels."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from gp_tool.consultation import Consultation, Session, consult, field_label, set_path
from gp_tool.domain.case import Case
from gp_tool.rules import Evaluation, evaluate

CONTRACT = Path(__file__).resolve().parent.parent / "data" / "contract_case.json"
TODAY = dt.date(2026, 9, 15)
NATIONAL_ID = "05858510084"  # synthetic (Tenor) fødselsnummer, born 5 May 1985


def _doc(**patient: Any) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(CONTRACT.read_text(encoding="utf-8"))
    doc["patient"]["national_id"] = NATIONAL_ID
    doc["patient"].update(patient)
    return doc


def _codes(c: Consultation) -> list[tuple[str, str]]:
    return [(p.field, p.code) for p in c.readiness.problems]


def test_a_complete_case_is_ready() -> None:
    c = consult(_doc(), TODAY, lang="nb")
    assert c.valid
    assert c.ready
    assert c.readiness.problems == ()
    assert c.case_start == dt.date(2026, 9, 1)
    assert c.week_day == (3, 15)
    assert c.age == 41


@pytest.mark.parametrize(
    ("day", "week_day"),
    [
        (dt.date(2026, 8, 31), None),
        (dt.date(2026, 9, 1), (1, 1)),
        (dt.date(2026, 9, 7), (1, 7)),
        (dt.date(2026, 9, 8), (2, 8)),
    ],
)
def test_week_and_day_at_before_and_after_the_start(day: dt.date, week_day: tuple[int, int] | None) -> None:
    assert consult(_doc(), day).week_day == week_day


@pytest.mark.parametrize(
    ("day", "age"), [(dt.date(2027, 5, 4), 41), (dt.date(2027, 5, 5), 42), (dt.date(2027, 5, 6), 42)]
)
def test_age_before_at_and_after_the_birthday(day: dt.date, age: int) -> None:
    assert consult(_doc(), day).age == age


def test_an_empty_name_stops_readiness() -> None:
    c = consult(_doc(name=""), TODAY, lang="nb")
    assert _codes(c) == [("patient.name", "name_missing")]
    assert c.readiness.problems[0].render() == "Navn: pasientens navn mangler"


def test_no_national_id_stops_readiness_except_in_a_course() -> None:
    doc = _doc(national_id="")
    assert _codes(consult(doc, TODAY)) == [("patient.national_id", "national_id_missing")]
    assert consult(doc, TODAY, course=True).ready


def test_an_invalid_national_id_is_a_validation_problem_with_its_label() -> None:
    c = consult(_doc(national_id="05858510085"), TODAY, lang="nn")
    assert not c.valid
    assert c.evaluation is None
    assert [(p.field, p.code, p.label) for p in c.problems] == [
        ("patient.national_id", "national_id_checksum", "Fødselsnummer")
    ]
    assert c.readiness.problems == c.problems
    assert c.document["patient"]["national_id"] == "05858510085"  # kept as typed


def test_the_employer_is_needed_when_the_patient_has_one() -> None:
    doc = _doc()
    doc["work"]["employer"] = ""
    assert _codes(consult(doc, TODAY)) == [("work.employer", "employer_missing")]
    doc["work"] = {"employer": ""}
    doc["sick_note"].pop("message_to_employer", None)
    for period in doc["sick_note"]["periods"]:
        period.pop("advice_to_employer", None)
    assert "employer_missing" not in [code for _, code in _codes(consult(doc, TODAY))]


def test_a_block_finding_stops_readiness_with_the_field_label() -> None:
    doc = _doc()
    doc["sick_note"]["periods"] = [
        {"kind": "GRADERT", "from": "2026-09-15", "to": "2026-09-28", "grade": 150}
    ]
    c = consult(doc, TODAY, lang="nb")
    assert c.blocked
    blocks = [p for p in c.readiness.problems if p.code.startswith("BLOCK:")]
    assert blocks
    assert blocks[0].field.startswith("sick_note.periods[0]")
    assert blocks[0].label.endswith("periode 1")


def test_last_day_before_first_day_is_not_ready() -> None:
    doc = _doc()
    doc["sick_note"]["periods"] = [{"kind": "AKTIVITET_IKKE_MULIG", "from": "2026-09-15", "to": "2026-09-10"}]
    c = consult(doc, TODAY)
    assert not c.ready
    assert any(p.code.startswith("BLOCK:") for p in c.readiness.problems)


def test_the_privacy_check_stops_readiness() -> None:
    doc = _doc()
    doc["sick_note"]["message_to_employer"] = "Har depresjon."
    c = consult(doc, TODAY, lang="nb")
    assert c.readiness.privacy_only
    assert [p.field for p in c.readiness.problems] == ["sick_note.message_to_employer"]
    assert c.readiness.without_privacy() == ()


@pytest.mark.parametrize(
    ("path", "nb", "nn", "en"),
    [
        ("sick_note.periods[0].to", "Siste dag, periode 1", "Siste dag, periode 1", "Last day, period 1"),
        (
            "sick_note.periods[1].from",
            "Første dag, periode 2",
            "Fyrste dag, periode 2",
            "First day, period 2",
        ),
        (
            "sick_note.periods[0].grade",
            "Sykmeldingsprosent, periode 1",
            "Sjukmeldingsprosent, periode 1",
            "Sick-leave percentage, period 1",
        ),
        ("patient.name", "Navn", "Namn", "Name"),
        ("work.employer", "Arbeidsgiver", "Arbeidsgjevar", "Employer"),
        ("sick_note.answers.6.3.1", "NAVs spørsmål 6.3.1", "Spørsmål 6.3.1 frå NAV", "NAV's question 6.3.1"),
        ("sick_note.main_diagnosis.code", "Hoveddiagnose", "Hovuddiagnose", "Main diagnosis"),
        ("no.such.field", "no.such.field", "no.such.field", "no.such.field"),
    ],
)
def test_field_labels_in_three_languages(path: str, nb: str, nn: str, en: str) -> None:
    assert (field_label(path, "nb"), field_label(path, "nn"), field_label(path, "en")) == (nb, nn, en)


def test_set_path_sets_indexed_and_dotted_keys_on_a_copy() -> None:
    doc = _doc()
    changed = set_path(doc, "sick_note.periods[0].to", "2027-02-31")
    assert changed["sick_note"]["periods"][0]["to"] == "2027-02-31"
    assert doc["sick_note"]["periods"][0]["to"] != "2027-02-31"
    assert set_path(doc, "sick_note.answers.6.3.1", "Svar")["sick_note"]["answers"]["6.3.1"] == "Svar"


def test_a_session_evaluates_exactly_once_per_change() -> None:
    calls: list[dt.date] = []

    def counting(case: Case, today: dt.date) -> Evaluation:
        calls.append(today)
        return evaluate(case, today)

    session = Session(_doc(), TODAY, lang="nb", evaluator=counting)
    assert len(calls) == 1
    edits = [
        ("patient.name", "Ola Nordmann"),
        ("sick_note.periods[0].grade", 40),
        ("sick_note.periods[0].to", "2027-02-31"),  # invalid: no evaluation, kept as typed
        ("sick_note.periods[0].to", "2026-09-28"),
        ("work.employer", ""),
    ]
    valid_edits = 0
    for path, value in edits:
        before = len(calls)
        c = session.edit(path, value)
        assert len(calls) - before == (1 if c.valid else 0)
        valid_edits += c.valid
    assert valid_edits == 4
    assert len(calls) == 5
    session.set_language("en")
    assert len(calls) == 5  # relabelling does not run the rules
    assert session.current.lang == "en"
    session.set_today(TODAY + dt.timedelta(days=1))
    assert calls[-1] == TODAY + dt.timedelta(days=1)
    assert len(calls) == 6


def test_an_invalid_edit_keeps_the_text_with_its_problem() -> None:
    session = Session(_doc(), TODAY, lang="nb")
    c = session.edit("sick_note.periods[0].to", "2027-02-31")
    assert c.document["sick_note"]["periods"][0]["to"] == "2027-02-31"
    assert [(p.field, p.label) for p in c.problems] == [("sick_note.periods[0].to", "Siste dag, periode 1")]
    assert not c.ready


def test_a_case_object_gives_the_same_consultation_as_its_document() -> None:
    doc = _doc()
    case = Case.model_validate_json(json.dumps(doc))
    a, b = consult(case, TODAY), consult(copy.deepcopy(doc), TODAY)
    assert a.evaluation is not None
    assert b.evaluation is not None
    assert a.evaluation.findings == b.evaluation.findings
    assert a.readiness == b.readiness


def test_note_context_takes_the_consultations_evaluation() -> None:
    c = consult(_doc(), TODAY, lang="nn")
    ctx = c.note_context(draft=True)
    assert ctx.draft
    assert ctx.lang == "nn"
    assert c.timeline is not None
    assert ctx.max_date == c.timeline.max_date.date
