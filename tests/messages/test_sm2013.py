"""Export of every demo case to a valid SM2013 message, byte-stable, and the round trip back."""

from __future__ import annotations

import dataclasses

import pytest
from lxml import etree

from gp_tool.domain.problems import ProblemError
from gp_tool.messages.model import earlier_note, message_from_case
from gp_tool.messages.sm2013 import MessageError, read_messages, schema, to_xml
from tests.messages.helpers import MSG_ID, TODAY, demo_cases

CASES = demo_cases()


@pytest.mark.parametrize("name", sorted(CASES))
def test_demo_case_exports_valid_and_round_trips(name: str) -> None:
    case = CASES[name]
    data = to_xml(message_from_case(case, TODAY, MSG_ID, "0.1.0"))
    assert schema().validate(etree.fromstring(data))
    [message] = read_messages(data).messages
    note = earlier_note(message)
    sick = case.sick_note
    assert note.periods == sick.periods
    assert note.main_diagnosis == sick.main_diagnosis
    assert note.secondary_diagnoses == sick.secondary_diagnoses
    assert note.answers == {k: v for k, v in sick.answers.items() if v.strip()}
    assert note.backdating == sick.backdating
    assert note.work_related_reasons == (
        sick.work_related_reasons if any(p.kind.value == "AKTIVITET_IKKE_MULIG" for p in sick.periods) else []
    )
    assert note.signed == sick.signed
    assert message.msg_id == MSG_ID
    assert message.national_id == case.patient.national_id


@pytest.mark.parametrize("name", sorted(CASES))
def test_export_is_byte_stable(name: str) -> None:
    case = CASES[name]
    first = to_xml(message_from_case(case, TODAY, MSG_ID, "0.1.0"))
    second = to_xml(message_from_case(case, TODAY, MSG_ID, "0.1.0"))
    assert first == second
    assert first.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<MsgHead")


def test_message_carries_the_fixed_envelope() -> None:
    data = to_xml(message_from_case(CASES["uke8-rygg"], TODAY, MSG_ID, "0.1.0"))
    text = data.decode()
    assert '<Type DN="Medisinsk vurdering av arbeidsmulighet ved sykdom, sykmelding" V="SYKMELD"/>' in text
    assert "<MIGversion>v1.2 2006-05-24</MIGversion>" in text
    assert "<GenDate>2026-12-07T00:00:00</GenDate>" in text
    assert "<Id>889640782</Id>" in text
    assert "<SystemNavn>Arbeidsfokus</SystemNavn>" in text
    assert "<SystemVersjon>0.1.0</SystemVersjon>" in text
    assert '<Diagnosekode S="2.16.578.1.12.4.1.1.7170" V="L03"/>' in text
    assert "<Sykmeldingsgrad>60</Sykmeldingsgrad>" in text


def test_missing_sender_fields_are_named() -> None:
    case = CASES["uke8-rygg"]
    bare = case.model_copy(update={"sykmelder": case.sykmelder.model_copy(update={"hpr": "", "phone": ""})})
    with pytest.raises(ProblemError) as info:
        message_from_case(bare, TODAY, MSG_ID, "0.1.0")
    assert [p.field for p in info.value.problems] == ["sykmelder.hpr", "sykmelder.phone"]


def test_an_invalid_message_is_refused_before_writing() -> None:
    message = message_from_case(CASES["uke8-rygg"], TODAY, MSG_ID, "0.1.0")
    broken = dataclasses.replace(message, periods=())
    with pytest.raises(MessageError) as info:
        to_xml(broken)
    assert info.value.element == "Aktivitet"
