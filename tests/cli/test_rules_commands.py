"""gp-tool check, timeline and rules (contracts §1, §3): output, languages and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gp_tool.app import main
from gp_tool.rules import RULES, RULES_VERSION

CONTRACT = Path(__file__).parent.parent / "data" / "contract_case.json"


def _write(tmp_path: Path, sick_note: dict[str, object], **extra: object) -> Path:
    doc = {
        "format": "gp-tool/case",
        "version": 1,
        "patient": {"name": "Kari Nordmann", "birth_date": "1985-05-05"},
        "sick_note": {
            "signed": "2026-09-01",
            "main_diagnosis": {"system": "ICPC-2", "code": "L03"},
            **sick_note,
        },
        **extra,
    }
    path = tmp_path / "case.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# ---------------------------------------------------------------------------- check


def test_check_clean_case_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "check", str(CONTRACT), "--today", "2026-09-15", "--lang", "en")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"Sick note signed 15 September 2026; checked 15 September 2026 (rules version {RULES_VERSION}).",
        "First day of absence: 1 September 2026 (today is week 3, day 15).",
        "NAV's receiving rules: OK (accepted).",
        "",
        "No findings.",
        "",
        "No questions from NAV are due on this sick note.",
        "",
        "Referral and support proposals (2)",
        "  Physiotherapy · self-referral · FORESLA_FYSIOTERAPI",
        "    Week 3 with a musculoskeletal diagnosis (L03): physiotherapy has direct access, no referral is",
        "    needed for reimbursement.",
        "  Occupational health service (BHT) · via the employer · FORESLA_BEDRIFTSHELSETJENESTE",
        "    The new sick note is graded: the occupational health service can help with adjustments at work,",
        "    through the employer.",
    ]


def test_check_with_a_block_finding_exits_1_and_groups_by_severity(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(
        tmp_path,
        {"periods": [{"kind": "GRADERT", "from": "2026-09-01", "to": "2026-09-07", "grade": 0},
                     {"kind": "BEHANDLINGSDAGER", "from": "2026-09-08", "to": "2026-09-14", "treatment_days": 1}]},
    )  # fmt: skip
    code, out, _ = _run(capsys, "check", str(path), "--today", "2026-09-01", "--lang", "nb")
    assert code == 1
    assert out.splitlines()[2:13] == [
        "NAVs mottaksregler: INVALID (avvist: det må skrives en ny sykmelding). Avgjort av GRADERT_SYKMELDING_0_PROSENT.",
        "",
        "Stopp (1)",
        "  GRADERT_SYKMELDING_0_PROSENT · ingen lovhenvisning (NAV: INGEN) · NAV: INVALID",
        "    Periode 1 er gradert til 0 %: en gradert sykmelding kan ikke være 0 %.",
        "",
        "Advarsel (1)",
        "  SYKMELDING_MED_BEHANDLINGSDAGER · ingen lovhenvisning (NAV: INGEN) · NAV: MANUAL_PROCESSING",
        "    Periode 2 har behandlingsdager: NAV sender alltid slike sykmeldinger til manuell behandling.",
        "",
        "NAV har ingen utdypende spørsmål til denne sykmeldingen.",
    ]


def test_check_warning_only_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(
        tmp_path, {"periods": [{"kind": "GRADERT", "from": "2026-09-01", "to": "2026-09-07", "grade": 15}]}
    )
    code, out, _ = _run(capsys, "check", str(path), "--today", "2026-09-01", "--json")
    data = json.loads(out)
    assert (code, data["nav_outcome"], [f["rule"] for f in data["findings"]]) == (
        0,
        "OK",
        ["GRADERT_UNDER_20_PROSENT"],
    )


def test_check_json_contract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(
        tmp_path,
        {"periods": [{"kind": "AKTIVITET_IKKE_MULIG", "from": "2026-10-20", "to": "2026-10-25"}], "signed": "2026-10-20"},
        earlier_sick_notes=[
            {"signed": "2026-09-01", "main_diagnosis": {"system": "ICPC-2", "code": "L03"},
             "periods": [{"kind": "AKTIVITET_IKKE_MULIG", "from": "2026-09-01", "to": "2026-10-19"}]}
        ],
    )  # fmt: skip
    code, out, _ = _run(capsys, "check", str(path), "--today", "2026-10-20", "--json", "--lang", "nn")
    data = json.loads(out)
    assert code == 1
    assert data["nav_outcome"] == "OK"
    assert data["questions_due"] == ["6.3.1", "6.3.2", "6.3.3"]
    (finding,) = data["findings"]
    assert set(finding) >= {"rule", "severity", "nav_outcome", "legal_ref", "message", "inputs"}
    assert (finding["rule"], finding["severity"], finding["nav_outcome"]) == (
        "UTDYPENDE_OPPLYSNINGER_MANGLER",
        "BLOCK",
        None,
    )
    assert (
        finding["message"]
        == "Spørsmåla til NAV for veke 7 må svarast på i denne sjukmeldinga; manglar: 6.3.1, 6.3.2."
    )


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "file: the file is empty"),
        ('{"format": "gp-tool/case", "version": 1, "patient": {"birth_date": "1985-05-05"}, "sick_note": '
         '{"signed": "2026-09-01", "periods": [{"kind": "GRADERT", "from": "2026-09-31", "to": "2026-10-01"}]}}',
         "sick_note.periods[0].from: not a valid date (use YYYY-MM-DD, a day that exists)"),
    ],
)  # fmt: skip
def test_check_bad_input_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, expected: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    code, out, err = _run(capsys, "check", str(path), "--lang", "en")
    assert (code, out, err.strip()) == (2, "", expected)


def test_check_bad_today_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "check", str(CONTRACT), "--today", "2026-02-30", "--lang", "en")
    assert code == 2
    assert "not a valid date" in err


# ---------------------------------------------------------------------------- timeline


def test_timeline_from_a_case_start_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(
        capsys,
        "timeline",
        "--case-start",
        "2026-09-01",
        "--birth-date",
        "1985-05-05",
        "--json",
        "--today",
        "2026-10-20",
    )
    data = json.loads(out)
    assert code == 0
    assert data["case_start"] == "2026-09-01"
    assert data["max_date"]["date"] == "2027-08-30"
    assert data["max_date"]["basis"] == "ORDINAER"
    by_id = {m["id"]: m for m in data["milestones"]}
    assert {
        k: by_id[k]["date"]
        for k in (
            "ARBEIDSGIVERPERIODE_SLUTT",
            "NAV_BETALER_FRA",
            "OPPFOLGINGSPLAN",
            "DIALOGMOTE_1",
            "AKTIVITETSKRAV",
            "DIALOGMOTE_2",
            "MAKSDATO",
        )
    } == {
        "ARBEIDSGIVERPERIODE_SLUTT": "2026-09-16",
        "NAV_BETALER_FRA": "2026-09-17",
        "OPPFOLGINGSPLAN": "2026-09-28",
        "DIALOGMOTE_1": "2026-10-19",
        "AKTIVITETSKRAV": "2026-10-26",
        "DIALOGMOTE_2": "2027-03-01",
        "MAKSDATO": "2027-08-30",
    }
    assert by_id["AKTIVITETSKRAV"]["legal_ref"] == "ftrl § 8-8 (2)"
    assert by_id["AKTIVITETSKRAV"]["status"] == "DUE_NOW"
    assert set(by_id["AKTIVITETSKRAV"]) >= {"id", "date", "legal_ref", "label"}


def test_timeline_from_a_case_file_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "timeline", "--case", str(CONTRACT), "--today", "2026-09-15", "--lang", "nb")
    lines = out.splitlines()
    assert code == 0
    assert (
        lines[0]
        == "Tidslinje etter loven fra første fraværsdag, 1. september 2026 (oppgitt); i dag er 15. september 2026."
    )
    header = lines[2].split()
    assert header[:3] == ["Dato", "Status", "Milepæl"]
    assert lines[3].startswith("16.09.2026")
    assert "aktuelt nå" in lines[3]
    assert "ftrl § 8-19 (1)" in lines[3]
    assert lines[-1] == (
        "Maksdato 30. august 2027: 248 dager brukt opp (ordinær rett). Ukedager betalt i de kjente periodene: 8; "
        "igjen etter 28. september 2026: 240."
    )


def test_timeline_birth_date_with_a_case_file_is_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(
        capsys, "timeline", "--case", str(CONTRACT), "--birth-date", "1980-01-01", "--lang", "en"
    )
    assert (code, out) == (2, "")
    assert (
        err == "--birth-date: only with --case-start; with --case the birth date comes from the case file\n"
    )


def test_timeline_needs_a_source(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "timeline", "--lang", "en")
    assert code == 2
    assert "--case-start" in err


# ---------------------------------------------------------------------------- rules


def test_rules_json_lists_every_rule_in_the_language(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "rules", "--format", "json", "--lang", "en")
    data = json.loads(out)
    assert code == 0
    assert [r["id"] for r in data["rules"]] == [s.id for s in RULES]
    grade_0 = next(r for r in data["rules"] if r["id"] == "GRADERT_SYKMELDING_0_PROSENT")
    assert grade_0 == grade_0 | {
        "severity": "BLOCK",
        "nav_outcome": "INVALID",
        "tree": "PERIODER",
        "nav_juridisk": "INGEN",
    }
    assert data["rules_version"] == RULES_VERSION


def test_rules_markdown_in_nynorsk(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "rules", "--lang", "nn")
    assert code == 0
    assert out.startswith("# Regelkatalog\n")
    assert "### `AKTIVITETSKRAV_UTEN_BEGRUNNELSE`" in out
    assert "**Stopp** (`BLOCK`) · ftrl § 8-8 (2)" in out
