"""The case file of contracts §2: load, save back unchanged, versions, migrations."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gp_tool.domain.case import Case, PeriodKind
from gp_tool.domain.casefile import dump_case, migrate, parse_case
from gp_tool.domain.problems import ProblemError
from gp_tool.domain.shift import shift_case_dates
from gp_tool.storage.files import read_case_file, write_case_file

CONTRACT = Path(__file__).parent.parent / "data" / "contract_case.json"


def _doc() -> dict[str, Any]:
    return json.loads(CONTRACT.read_text(encoding="utf-8"))


def test_contract_example_loads_with_exact_values() -> None:
    case = read_case_file(CONTRACT)
    assert case.patient.birth_date == dt.date(1985, 5, 5)
    assert case.work.position_percent == 100
    assert case.case_start == dt.date(2026, 9, 1)
    assert case.earlier_sick_notes[0].periods[0].kind is PeriodKind.AKTIVITET_IKKE_MULIG
    assert case.earlier_sick_notes[0].periods[0].to == dt.date(2026, 9, 14)
    period = case.sick_note.periods[0]
    assert (period.kind, period.from_, period.to, period.grade) == (
        PeriodKind.GRADERT,
        dt.date(2026, 9, 15),
        dt.date(2026, 9, 28),
        50,
    )
    assert case.sick_note.message_to_employer == "Kan utføre lette oppgaver, unngå løft over 10 kg."


def test_contract_example_saves_back_unchanged(tmp_path: Path) -> None:
    out = tmp_path / "case.json"
    write_case_file(out, read_case_file(CONTRACT))
    assert json.loads(out.read_text(encoding="utf-8")) == _doc()
    # and the saved text is a fixed point: saving again gives the same bytes
    first = out.read_bytes()
    write_case_file(out, read_case_file(out))
    assert out.read_bytes() == first
    assert b'"position_percent": 100\n' in first  # an int stays an int


def test_fields_absent_from_a_file_stay_absent() -> None:
    doc = _doc()
    text = dump_case(parse_case(json.dumps(doc)))
    earlier = json.loads(text)["earlier_sick_notes"][0]
    assert sorted(earlier) == ["main_diagnosis", "periods", "signed"]
    assert sorted(earlier["periods"][0]) == ["from", "kind", "to"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_saved_file_is_owner_only_and_no_temp_file_remains(tmp_path: Path) -> None:
    out = tmp_path / "case.json"
    write_case_file(out, read_case_file(CONTRACT))
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["case.json"]


def test_failed_save_keeps_the_old_file(tmp_path: Path) -> None:
    out = tmp_path / "case.json"
    out.write_text("old", encoding="utf-8")

    class Boom(Case):
        def to_json_dict(self) -> dict[str, Any]:
            raise RuntimeError("disk full")

    broken = Boom.model_validate(read_case_file(CONTRACT).model_dump(by_alias=True))
    with pytest.raises(RuntimeError):
        write_case_file(out, broken)
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["case.json"]


def test_newer_version_is_refused_with_versions_named() -> None:
    doc = _doc() | {"version": 2}
    with pytest.raises(ProblemError) as err:
        parse_case(json.dumps(doc))
    (problem,) = err.value.problems
    assert (problem.field, problem.code, dict(problem.params)) == (
        "version",
        "newer_version",
        {"found": 2, "supported": 1},
    )


def test_migrations_run_in_order_from_an_older_version() -> None:
    calls: list[int] = []

    def v1_to_v2(doc: dict[str, Any]) -> dict[str, Any]:
        calls.append(1)
        return doc | {"renamed": doc.pop("old")}

    def v2_to_v3(doc: dict[str, Any]) -> dict[str, Any]:
        calls.append(2)
        return doc | {"added": True}

    out = migrate({"version": 1, "old": "x"}, 1, {1: v1_to_v2, 2: v2_to_v3}, current=3)
    assert out == {"version": 3, "renamed": "x", "added": True}
    assert calls == [1, 2]


def test_a_version_before_the_first_is_refused() -> None:
    with pytest.raises(ProblemError) as err:
        parse_case(json.dumps(_doc() | {"version": 0}))
    assert err.value.problems[0].code == "unknown_version"


def test_every_problem_is_reported_not_only_the_first() -> None:
    doc = _doc()
    doc["patient"]["national_id"] = "05858512339"
    doc["sick_note"]["signed"] = "2026-02-30"
    doc["sick_note"]["periods"][0]["kind"] = "HALV"
    with pytest.raises(ProblemError) as err:
        parse_case(json.dumps(doc))
    assert [p.field for p in err.value.problems] == [
        "patient.national_id",
        "sick_note.signed",
        "sick_note.periods[0].kind",
    ]


@pytest.mark.parametrize(
    ("national_id", "ok"),
    [
        ("05858512338", True),  # synthetic (Tenor, month + 80), born 1985-05-05
        ("05858512339", False),  # same, last check digit wrong
        ("0585851233", False),  # 10 digits
        ("0585851233x", False),  # a letter
        ("45058512345", False),  # D-nummer shape, wrong check digits
        ("", True),  # empty is allowed when birth_date is given
    ],
)
def test_national_id_validation(national_id: str, ok: bool) -> None:
    doc = _doc()
    doc["patient"]["national_id"] = national_id
    if ok:
        assert parse_case(json.dumps(doc)).patient.national_id == national_id
    else:
        with pytest.raises(ProblemError) as err:
            parse_case(json.dumps(doc))
        assert err.value.problems[0].field == "patient.national_id"


def test_rule_level_values_are_not_load_errors() -> None:
    """A grade of 0 or 150, overlapping periods, an unknown code: well-formed, judged by rules later."""
    doc = _doc()
    doc["sick_note"]["periods"] = [
        {"kind": "GRADERT", "from": "2026-09-15", "to": "2026-09-28", "grade": 0},
        {"kind": "GRADERT", "from": "2026-09-20", "to": "2026-09-18", "grade": 150},
    ]
    doc["sick_note"]["main_diagnosis"] = {"system": "ICD-10", "code": "XYZ999"}
    case = parse_case(json.dumps(doc))
    assert [p.grade for p in case.sick_note.periods] == [0, 150]


def test_shifting_dates_keeps_birth_date_and_moves_everything_else() -> None:
    case = read_case_file(CONTRACT)
    moved = shift_case_dates(case, 7)
    assert moved.patient.birth_date == dt.date(1985, 5, 5)
    assert moved.case_start == dt.date(2026, 9, 8)
    assert moved.sick_note.signed == dt.date(2026, 9, 22)
    assert moved.sick_note.periods[0].to == dt.date(2026, 10, 5)
    assert moved.earlier_sick_notes[0].periods[0].from_ == dt.date(2026, 9, 8)
    assert json.loads(dump_case(moved)).keys() == _doc().keys()


_dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 12, 31))
_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)


@st.composite
def _cases(draw: st.DrawFn) -> dict[str, Any]:
    start = draw(_dates)
    kind = draw(st.sampled_from([k.value for k in PeriodKind]))
    period: dict[str, Any] = {
        "kind": kind,
        "from": start.isoformat(),
        "to": (start + dt.timedelta(days=draw(st.integers(0, 400)))).isoformat(),
    }
    if kind == "GRADERT":
        period["grade"] = draw(st.integers(-10, 200))
    return {
        "format": "gp-tool/case",
        "version": 1,
        "patient": {"name": draw(_text), "birth_date": draw(_dates).isoformat()},
        "sick_note": {
            "signed": start.isoformat(),
            "periods": [period],
            "message_to_employer": draw(_text),
            "answers": draw(st.dictionaries(st.sampled_from(["6.3.1", "6.3.2", "6.4.1"]), _text, max_size=3)),
        },
    }


@settings(max_examples=200, deadline=None)
@given(_cases())
def test_any_valid_document_round_trips_exactly(doc: dict[str, Any]) -> None:
    assert json.loads(dump_case(parse_case(json.dumps(doc)))) == doc
