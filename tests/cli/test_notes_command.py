"""``gp-tool notes`` (contracts §1): the five files, exit 3 and nothing for the employer on a leak."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from pypdf import PdfReader

from gp_tool.app import main

CONTRACT = Path(__file__).resolve().parent.parent / "data" / "contract_case.json"
FILES = ["case-export.json", "employer-note.pdf", "journal.txt", "nav-note.pdf", "patient-sheet.pdf"]


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


# The contract case with a (synthetic, Tenor) fødselsnummer: readiness asks for one (issue 16).
NATIONAL_ID = "05858510084"


def _case_with(tmp_path: Path, **sick_note: object) -> Path:
    doc = json.loads(CONTRACT.read_text(encoding="utf-8"))
    doc["patient"]["national_id"] = NATIONAL_ID
    doc["sick_note"].update(sick_note)
    path = tmp_path / "case.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def test_notes_writes_every_file_owner_only(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert (
        main(["notes", str(_case_with(tmp_path)), "--out", str(out), "--today", "2026-09-15", "--lang", "en"])
        == 0
    )
    assert sorted(p.name for p in out.iterdir()) == FILES
    for path in out.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    journal = (out / "journal.txt").read_text(encoding="utf-8")
    # The rules' chained case start and maksdato reach the notes (contract case: 2026-09-01, 2027-08-30).
    assert "from 01/09/2026, week 3, day 15, activity requirement 26/10/2026, maksdato 30/08/2027" in journal
    assert "L03" in _pdf_text(out / "nav-note.pdf")
    employer = _pdf_text(out / "employer-note.pdf")
    assert "Kan utføre lette oppgaver, unngå løft over 10 kg." in employer
    assert "L03" not in employer


def test_open_findings_are_printed_for_nav(tmp_path: Path) -> None:
    case = _case_with(
        tmp_path, periods=[{"kind": "GRADERT", "from": "2026-09-15", "to": "2026-09-28", "grade": 15}]
    )
    out = tmp_path / "out"
    assert main(["notes", str(case), "--out", str(out), "--today", "2026-09-15", "--lang", "en"]) == 0
    assert "GRADERT_UNDER_20_PROSENT" in _pdf_text(out / "nav-note.pdf")
    assert "GRADERT_UNDER_20_PROSENT" not in _pdf_text(out / "employer-note.pdf")


def test_a_leak_exits_3_and_writes_nothing_for_the_employer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = _case_with(tmp_path, message_to_employer="Har depresjon (P76), bruker sertralin.")
    out = tmp_path / "out"
    assert main(["notes", str(case), "--out", str(out), "--today", "2026-09-15", "--lang", "nn"]) == 3
    assert "employer-note.pdf" not in {p.name for p in out.iterdir()}
    err = capsys.readouterr().err
    for word in ("«P76»", "«depresjon»", "«sertralin»"):
        assert f"Melding til arbeidsgjevar: {word}" in err
    assert err.rstrip().endswith(
        "Ingenting vart skrive for arbeidsgjevaren. Byt ut desse orda med kva pasienten "
        "kan og ikkje kan gjere, og skriv notata på nytt."
    )


def test_out_that_is_a_file_is_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "file.txt"
    target.write_text("x", encoding="utf-8")
    assert main(["notes", str(CONTRACT), "--out", str(target), "--lang", "en"]) == 2
    assert capsys.readouterr().err.startswith("--out: ")
    assert target.read_text(encoding="utf-8") == "x"
