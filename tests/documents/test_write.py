"""write_notes: every file, owner-only and atomic; a blocked employer note writes nothing for the employer."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest

from gp_tool.documents import LeakKind, write_notes
from gp_tool.documents.write import CASE_EXPORT, EMPLOYER_NOTE, JOURNAL, NAV_NOTE, PATIENT_SHEET
from gp_tool.domain.problems import ProblemError
from gp_tool.storage.demo import load_demo
from tests.documents.helpers import TODAY, context, pdf_text, simple_case

ALL = {NAV_NOTE, EMPLOYER_NOTE, PATIENT_SHEET, JOURNAL, CASE_EXPORT}


def test_writes_all_five_files_owner_only(tmp_path: Path) -> None:
    case = load_demo("uke8-rygg", TODAY)
    out = tmp_path / "notes" / "today"  # created, with parents
    result = write_notes(case, context(case, "nn"), out)
    assert not result.blocked
    assert result.leaks == ()
    assert {p.name for p in result.written} == ALL
    assert {p.name for p in out.iterdir()} == ALL  # no temporary files left behind
    if sys.platform != "win32":
        for path in out.iterdir():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
        assert stat.S_IMODE(out.stat().st_mode) == 0o700
    assert pdf_text((out / EMPLOYER_NOTE).read_bytes()).startswith("Melding til arbeidsgjevar")
    assert pdf_text((out / NAV_NOTE).read_bytes()).startswith("Notat til NAV")
    assert json.loads((out / CASE_EXPORT).read_text(encoding="utf-8"))["pasient"]["navn"] == "Kari Nordmann"
    journal = (out / JOURNAL).read_text(encoding="utf-8")
    assert journal.startswith("Sjukmelding signert 20.11.2026: Gradert sjukmelding 60 %")
    assert journal.endswith("\n")


def test_same_input_writes_the_same_bytes(tmp_path: Path) -> None:
    case = load_demo("uke8-rygg", TODAY)
    write_notes(case, context(case), tmp_path / "a")
    write_notes(case, context(case), tmp_path / "b")
    for name in ALL:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_a_leak_blocks_the_employer_note_and_removes_a_stale_one(tmp_path: Path) -> None:
    clean = simple_case(message_to_employer="Kan gjøre lette oppgaver.")
    write_notes(clean, context(clean), tmp_path)
    assert (tmp_path / EMPLOYER_NOTE).exists()

    leaking = simple_case(message_to_employer="Har depresjon, bruker Cipralex.")
    result = write_notes(leaking, context(leaking, "nb"), tmp_path)
    assert result.blocked
    assert [(x.field, x.kind, x.words) for x in result.leaks] == [
        ("sick_note.message_to_employer", LeakKind.DIAGNOSIS_WORD, ("depresjon",)),
        ("sick_note.message_to_employer", LeakKind.MEDICATION, ("Cipralex",)),
    ]
    assert {p.name for p in result.written} == ALL - {EMPLOYER_NOTE}
    assert result.removed == (tmp_path / EMPLOYER_NOTE,)
    assert {p.name for p in tmp_path.iterdir()} == ALL - {EMPLOYER_NOTE}
    assert result.messages("nb") == (
        "Melding til arbeidsgiver: «depresjon» kan fortelle arbeidsgiveren noe om pasientens helse "
        "(et ord om sykdom eller behandling).",
        "Melding til arbeidsgiver: «Cipralex» kan fortelle arbeidsgiveren noe om pasientens helse (et legemiddel).",
    )
    journal = (tmp_path / JOURNAL).read_text(encoding="utf-8")
    assert journal.endswith(
        "Melding til arbeidsgiver er ikke laget: mulige helseopplysninger i Melding til arbeidsgiver.\n"
    )
    # the NAV note and the patient sheet are still written
    assert "Har depresjon, bruker Cipralex." in pdf_text((tmp_path / NAV_NOTE).read_bytes())
    assert "depresjon" not in pdf_text((tmp_path / PATIENT_SHEET).read_bytes())


def test_an_unwritable_folder_is_a_problem_naming_out(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    case = simple_case()
    with pytest.raises(ProblemError) as caught:
        write_notes(case, context(case), blocker / "sub")
    (problem,) = caught.value.problems
    assert problem.field == "--out"
    assert problem.code in {"os_error", "permission"}


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root ignores folder permissions")
def test_a_read_only_folder_is_refused_with_permission_denied(tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        case = simple_case()
        with pytest.raises(ProblemError) as caught:
            write_notes(case, context(case), tmp_path)
        assert caught.value.problems[0].code == "permission"
    finally:
        tmp_path.chmod(0o700)
