"""``gp-tool check`` with referral proposals and screening scores (contracts §3, issue 6 point 6)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gp_tool.app import main
from gp_tool.rules.referrals import suggestions
from gp_tool.rules.screening import latest_scores
from gp_tool.storage.demo import load_demo


def _demo_file(tmp_path: Path, name: str) -> tuple[Path, str]:
    case = load_demo(name)
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(case.to_json_dict()), encoding="utf-8")
    return path, case.sick_note.signed.isoformat()


def test_check_json_has_suggestions_and_screening(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, today = _demo_file(tmp_path, "uke8-rygg")
    assert main(["check", str(path), "--today", today, "--json", "--lang", "en"]) == 0
    data = json.loads(capsys.readouterr().out)
    # physiotherapy is done: the healthy life centre is not stacked on top (test_referrals)
    assert [s["id"] for s in data["suggestions"]] == [
        "helse_i_arbeid",
        "arbeidsrettet_rehabilitering",
        "bedriftshelsetjeneste",
    ]
    assert all(set(s) == {"id", "reason", "source"} for s in data["suggestions"])
    hia = data["suggestions"][0]
    assert hia == {
        "id": "helse_i_arbeid",
        "reason": "ÖMPSQ-SF score 59 (cut-off 50) with a musculoskeletal diagnosis (L03): a risk signal for a long absence; work-focused treatment in the specialist health service, refer as early as possible.",
        "source": "https://www.helsenorge.no/helse-og-arbeid/",
    }
    assert [(s["instrument"], s["score"], s["signal"]) for s in data["screening"]] == [
        ("OMPSQ_SF", 59, True),
        ("WAS", 6, False),
    ]
    case = load_demo("uke8-rygg")
    assert data["screening"] == [s.to_json("en") for s in latest_scores(case)]
    # the contract's keys are all still there
    assert {"nav_outcome", "findings", "questions_due"} <= set(data)


def test_check_json_suggestions_are_translated(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, today = _demo_file(tmp_path, "uke17-prolaps")
    main(["check", str(path), "--today", today, "--json", "--lang", "nn"])
    data = json.loads(capsys.readouterr().out)
    case = load_demo("uke17-prolaps")
    assert data["suggestions"] == [s.to_json("nn") for s in suggestions(case, case.sick_note.signed)]
    reasons = {s["id"]: s["reason"] for s in data["suggestions"]}
    assert reasons["nav_arbeidslivssenter"] == (
        "Veke 17 og dårleg prognose: arbeidsgjevaren kan be NAV Arbeidslivssenter om hjelp i saka (ikkje ei tilvising av pasienten)."
    )


def test_check_json_without_proposals_or_screening(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = {
        "format": "gp-tool/case",
        "version": 1,
        "patient": {"birth_date": "1985-05-05"},
        "sick_note": {
            "signed": "2026-09-01",
            "main_diagnosis": {"system": "ICPC-2", "code": "R74"},
            "periods": [{"kind": "AKTIVITET_IKKE_MULIG", "from": "2026-09-01", "to": "2026-09-05"}],
        },
    }
    path = tmp_path / "case.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["check", str(path), "--today", "2026-09-01", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["suggestions"], data["screening"]) == ([], [])


def test_check_text_lists_screening_and_proposals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, today = _demo_file(tmp_path, "dag3-skulder")
    main(["check", str(path), "--today", today, "--lang", "nb"])
    lines = capsys.readouterr().out.splitlines()
    start = lines.index("Screening (siste per skjema)")
    assert lines[start:] == [
        "Screening (siste per skjema)",
        "  ÖMPSQ-SF 47/100 · ikke signal · 20. november 2026",
        "",
        "Forslag til henvisning og støtte (2)",
        "  Fysioterapi · egenhenvisning · FORESLA_FYSIOTERAPI",
        "    Uke 1 med en muskel- og skjelettdiagnose (L92): fysioterapi har direkte tilgang, det trengs",
        "    ingen henvisning for refusjon.",
        "  Bedriftshelsetjeneste (BHT) · via arbeidsgiver · FORESLA_BEDRIFTSHELSETJENESTE",
        "    Jobben krever mer enn pasienten kan gi nå (Løfte og bære): bedriftshelsetjenesten kan vurdere",
        "    arbeidsplassen og tilretteleggingen, gjennom arbeidsgiver.",
    ]


def test_check_text_says_when_there_are_no_proposals(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = {
        "format": "gp-tool/case",
        "version": 1,
        "patient": {"birth_date": "1985-05-05"},
        "sick_note": {
            "signed": "2026-09-01",
            "main_diagnosis": {"system": "ICPC-2", "code": "R74"},
            "periods": [{"kind": "AKTIVITET_IKKE_MULIG", "from": "2026-09-01", "to": "2026-09-05"}],
        },
    }
    path = tmp_path / "case.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    main(["check", str(path), "--today", "2026-09-01", "--lang", "en"])
    assert capsys.readouterr().out.splitlines()[-2:] == [
        "Referral and support proposals (0)",
        "  No proposals for this case today.",
    ]
