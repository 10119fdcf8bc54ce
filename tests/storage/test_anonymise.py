"""The privacy option: initials and birth year only, and what else is removed or kept."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from gp_tool.domain.case import Case
from gp_tool.domain.casefile import dump_case
from gp_tool.storage.anonymise import anonymise_case, birth_year, initials, is_anonymised
from tests.storage.conftest import make_case, make_fnr

FNR = make_fnr(dt.date(1985, 5, 5))


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Kari Nordmann", "K.N."),
        ("kari nordmann", "K.N."),
        ("Anne-Lise van der Berg", "A.L.V.D.B."),
        ("Åse  Ødegård", "Å.Ø."),
        ("Kari", "K."),
        ("K.N.", "K.N."),
        ("Kari N. Nordmann", "K.N.N."),
        ("", ""),
    ],
)
def test_initials(name: str, expected: str) -> None:
    assert initials(name) == expected


def test_name_and_national_id_go_and_the_birth_date_becomes_1_january() -> None:
    case = make_case(name="Kari Nordmann", national_id=FNR, birth_date=None)
    anonymous = anonymise_case(case)
    assert anonymous.patient.model_dump() == {
        "name": "K.N.",
        "national_id": "",
        "birth_date": dt.date(1985, 1, 1),
    }
    assert birth_year(anonymous) == 1985
    assert is_anonymised(anonymous)
    assert not is_anonymised(case)


def test_names_and_the_national_id_are_replaced_in_every_text() -> None:
    case = make_case(
        name="Kari Nordmann",
        national_id=FNR,
        message_to_nav=f"Kari Nordmann ({FNR[:6]} {FNR[6:]}) har vondt. Karis rygg. Nordmann's kollega. Kariann er sjefen.",
        message_to_employer="Kari kan gjøre lette oppgaver.",
        answers={"6.3.1": "Kari er bedre", "6.3.2": "Ingen navn her"},
    )
    anonymous = anonymise_case(case)
    assert (
        anonymous.sick_note.message_to_nav
        == "K.N. (K.N.) har vondt. K.N. rygg. K.N. kollega. Kariann er sjefen."
    )
    assert anonymous.sick_note.message_to_employer == "K.N. kan gjøre lette oppgaver."
    assert anonymous.sick_note.answers == {"6.3.1": "K.N. er bedre", "6.3.2": "Ingen navn her"}
    text = dump_case(anonymous)
    for secret in ("Nordmann", FNR, "1985-05-05"):
        assert secret not in text


def test_what_is_kept() -> None:
    case = make_case(name="Kari Nordmann", national_id=FNR, message_to_nav="Rygg verre ved løft.")
    anonymous = anonymise_case(case)
    assert anonymous.sick_note.periods == case.sick_note.periods
    assert anonymous.sick_note.main_diagnosis == case.sick_note.main_diagnosis
    assert anonymous.sick_note.message_to_nav == "Rygg verre ved løft."
    assert anonymous.case_start == case.case_start
    assert anonymous.sykmelder == case.sykmelder


def test_a_self_issued_note_loses_the_sykmelders_national_id_too() -> None:
    doc = make_case(name="Kari Nordmann", national_id=FNR).to_json_dict()
    doc["sykmelder"] = {"name": "Kari Nordmann", "national_id": FNR}
    anonymous = anonymise_case(Case.model_validate_json(json.dumps(doc)))
    assert anonymous.sykmelder.national_id == ""
    assert anonymous.sykmelder.name == "K.N."


def test_anonymising_twice_changes_nothing() -> None:
    once = anonymise_case(make_case(name="Kari Nordmann", national_id=FNR, message_to_nav="Kari"))
    assert anonymise_case(once) == once
