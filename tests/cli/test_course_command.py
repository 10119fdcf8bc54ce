"""``gp-tool course list|show|export|handout`` and the gui's ``--course`` (issue 9; contracts §1, added).

Run through ``gp_tool.app.main`` like the other command tests; one run goes through ``python -m``.
A "shipped" course folder holding only the sample is used where output is asserted exactly, so the
tests hold while the real course cases are being written; the real ones are checked too.
"""

from __future__ import annotations

import json
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from gp_tool import cli
from gp_tool.app import main
from gp_tool.domain.course import Version
from gp_tool.rules import evaluate
from gp_tool.rules.referrals import suggestions
from gp_tool.storage import courses
from gp_tool.storage.files import read_case_file

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "course_sample.json"
REAL_ID = "01018010018"  # a valid, ordinary fødselsnummer (not synthetic)


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The shipped course cases are the sample alone, as ``01-sample``."""
    folder = tmp_path / "course"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "01-sample.json")
    monkeypatch.setattr(courses, "_folder", lambda: folder)
    courses.load_course.cache_clear()
    yield folder
    courses.load_course.cache_clear()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


# ------------------------------------------------------------------------------------------ list


def test_list_names_each_course_case_with_its_consultations(
    shipped: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "course", "list", "--lang", "en") == (
        0,
        "01-sample  Sample course\n    Musculoskeletal complaints · Day 3, Week 4\n",
        "",
    )
    code, out, _err = run(capsys, "course", "list", "--json", "--lang", "nn")
    assert code == 0
    assert json.loads(out) == {
        "courses": [
            {
                "name": "01-sample",
                "topic": "MUSCULOSKELETAL",
                "topic_name": "Muskel- og skjelettplager",
                "title": "Prøvekurs",
                "stations": [
                    {"id": "dag3", "date": "2026-03-04", "label": "Dag 3"},
                    {"id": "uke4", "date": "2026-03-25", "label": "Veke 4"},
                ],
            }
        ]
    }


def test_list_without_course_cases(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(courses, "_folder", lambda: tmp_path)
    assert run(capsys, "course", "list", "--lang", "nb") == (0, "Ingen kurstilfeller er installert.\n", "")
    assert run(capsys, "course", "list", "--json") == (0, '{\n  "courses": []\n}\n', "")


def test_list_reports_a_broken_shipped_file(shipped: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (shipped / "02-broken.json").write_text('{"format": "gp-tool/course"', encoding="utf-8")
    code, out, err = run(capsys, "course", "list", "--lang", "en")
    assert code == 2
    assert out.startswith("01-sample  Sample course\n")
    assert err == "02-broken: file: not valid JSON (line 1, column 28)\n"


def test_list_shows_the_real_shipped_course_cases(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "course", "list", "--json")
    assert code == 0
    listed = json.loads(out)["courses"]
    assert [c["name"] for c in listed] == courses.course_names()
    for entry in listed:
        assert len(entry["stations"]) == len(courses.load_course(entry["name"]).stations)


# ------------------------------------------------------------------------------------------ show


def test_show_is_the_trainers_preparation_sheet(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "course", "show", str(SAMPLE), "--lang", "en")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:5] == [
        "Sample course (course_sample) · Musculoskeletal complaints",
        "Two consultations.",
        "Learning goals:",
        "  • Graded first.",
        "First day of absence: 2 March 2026; maksdato 26 February 2027 (rules version 2026.12.0).",
    ]
    assert lines[6:14] == [
        "Day 3 · 4 March 2026 · dag3",
        "  Situation: Back pain.",
        "  As met: Full sick leave (no activity possible) 04/03/2026–17/03/2026",
        "      NAV: OK",
        "  Model answer: Graded sick leave 50% 04/03/2026–17/03/2026",
        "      NAV: OK",
        "  Maksdato with the model answer: 26 February 2027 (359 days from today)",
        "  The model answer changes: sick_note.periods, sick_note.message_to_employer",
    ]
    assert "  Note to the employer (model answer): passes the privacy check" in lines
    assert lines.index("  Teaching notes:") + 1 == lines.index("    Decision: Graded before 100 %.")
    assert "Week 4 · 25 March 2026 · uke4" in lines
    assert "  The model answer changes: sick_note.periods" in lines


def test_show_json_holds_every_consultation(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "course", "show", str(SAMPLE), "--json", "--lang", "en")
    assert code == 0
    data = json.loads(out)
    assert (data["name"], data["topic"], data["case_start"], data["max_date"]) == (
        "course_sample",
        "MUSCULOSKELETAL",
        "2026-03-02",
        "2027-02-26",
    )
    first, second = data["stations"]
    assert first["start"] == {
        "periods": [{"kind": "AKTIVITET_IKKE_MULIG", "from": "2026-03-04", "to": "2026-03-17"}],
        "nav_outcome": "OK",
        "findings": [],
        "answered": [],
    }
    assert first["model"]["periods"] == [
        {"kind": "GRADERT", "from": "2026-03-04", "to": "2026-03-17", "grade": 50}
    ]
    assert first["notes"] == {"decision": "Graded before 100 %."}
    assert first["employer_note_leaks"] == []
    assert (first["max_date"], first["days_left"]) == ("2027-02-26", 359)
    assert (second["label"], second["differences"], second["discussion"]) == (
        "Week 4",
        ["sick_note.periods"],
        [],
    )
    course = courses.read_course_file(SAMPLE)
    for i, station in enumerate(data["stations"]):
        day = course.stations[i].date
        max_date = evaluate(course.case_at(i, Version.MODEL), day).timeline.max_date.date
        assert (station["max_date"], station["days_left"]) == (max_date.isoformat(), (max_date - day).days)
        expected = suggestions(course.case_at(i, Version.MODEL), course.stations[i].date)
        assert [(p["id"], p["rule"]) for p in station["proposals"]] == [
            (s.option_id, s.rule) for s in expected
        ]


def test_show_names_findings_questions_and_leaks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    start_note = doc["stations"][0]["start"]["sick_note"]
    start_note["periods"][0] = {"kind": "GRADERT", "from": "2026-03-04", "to": "2026-03-17", "grade": 0}
    doc["stations"][0]["model"]["sick_note"]["message_to_employer"] = "Har prolaps i ryggen."
    path = tmp_path / "leaky.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code, out, _err = run(capsys, "course", "show", str(path), "--json", "--lang", "en")
    assert code == 0
    first = json.loads(out)["stations"][0]
    assert {"rule": "GRADERT_SYKMELDING_0_PROSENT", "severity": "BLOCK"} in first["start"]["findings"]
    assert first["start"]["nav_outcome"] == "INVALID"
    assert len(first["employer_note_leaks"]) >= 1
    code, out, _err = run(capsys, "course", "show", str(path), "--lang", "en")
    assert "  Note to the employer (model answer): possible health information" in out.splitlines()
    assert "BLOCK: GRADERT_SYKMELDING_0_PROSENT" in out


@pytest.mark.parametrize("name", courses.course_names())
def test_show_every_shipped_course_case(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "course", "show", name, "--json")
    assert (code, err) == (0, "")
    assert [s["id"] for s in json.loads(out)["stations"]] == [
        s.id for s in courses.load_course(name).stations
    ]


# ------------------------------------------------------------------------------------------ export


@pytest.mark.parametrize(("extra", "version"), [((), Version.START), (("--model",), Version.MODEL)])
def test_export_writes_a_contract_case_file_that_check_and_notes_read(
    extra: tuple[str, ...], version: Version, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "uke4.json"
    code, text, err = run(
        capsys,
        "course",
        "export",
        str(SAMPLE),
        "--station",
        "uke4",
        *extra,
        "--out",
        str(out),
        "--lang",
        "en",
    )
    assert (code, err) == (0, "")
    what = "model answer" if extra else "as participants meet it"
    assert text == f"{out}: Week 4, 25 March 2026 ({what}); today for check and notes: --today 2026-03-25\n"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert read_case_file(out) == courses.read_course_file(SAMPLE).case_at(1, version)
    assert run(capsys, "check", str(out), "--today", "2026-03-25")[0] == 0
    # a course case's fictional patient has no fødselsnummer: notes need --course (issue 16 readiness)
    notes = ("notes", str(out), "--out", str(tmp_path / "notes"), "--today", "2026-03-25")
    assert run(capsys, *notes)[0] == 1
    assert run(capsys, *notes, "--course")[0] == 0


def test_export_by_name_of_a_shipped_course_case(
    shipped: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "dag3.json"
    assert run(capsys, "course", "export", "01-sample", "--station", "dag3", "--out", str(out))[0] == 0
    assert read_case_file(out).sick_note.periods[0].kind.value == "AKTIVITET_IKKE_MULIG"


# ------------------------------------------------------------------------------------------ handout


def test_handout_writes_the_one_page_pdf(
    shipped: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "handout.pdf"
    code, text, err = run(capsys, "course", "handout", "01-sample", "--out", str(out), "--lang", "nn")
    assert (code, text, err) == (0, f"{out}: kursarket for Prøvekurs\n", "")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    pages = PdfReader(out).pages
    assert len(pages) == 1
    page = pages[0].extract_text()
    assert page.count("KURS – fiktiv pasient") == 3
    assert "Prøvekurs · 01-sample · Regelversjon" in page


# ------------------------------------------------------------------------------------------ bad input


def _course_file(tmp_path: Path, change: str) -> Path:
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    if change == "real id":
        doc["case"]["patient"]["national_id"] = REAL_ID
    elif change == "bad date":
        doc["stations"][1]["date"] = "2026-02-30"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("action", ["show", "handout", "export"])
def test_unknown_course_case(
    action: str, shipped: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    extra = {
        "show": [],
        "handout": ["--out", str(tmp_path / "h.pdf")],
        "export": ["--station", "dag3", "--out", str(tmp_path / "c.json")],
    }
    code, out, err = run(capsys, "course", action, "rygg", *extra[action], "--lang", "nb")
    assert (code, out) == (2, "")
    assert err == "course: ukjent kurstilfelle «rygg»; velg ett av: 01-sample\n"
    assert list(tmp_path.glob("*.pdf")) == []
    assert list(tmp_path.glob("*.json")) == []


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "file: {path} does not exist"),
        ("", "file: the file is empty"),
        ("[1]", "file: a course case file must be a JSON object"),
        ('{"format": "gp-tool/case"}', "format: expected “gp-tool/course”, found “gp-tool/case”"),
        (
            "real id",
            "case.patient.national_id: a course case may only use synthetic (Tenor) national ids, or none",
        ),
        ("bad date", "stations[1].date: not a valid date (use YYYY-MM-DD, a day that exists)"),
    ],
)
def test_bad_course_files(
    content: str | None, expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if content in ("real id", "bad date"):
        path = _course_file(tmp_path, content)
    else:
        path = tmp_path / "bad.json"
        if content is not None:
            path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "course", "show", str(path), "--lang", "en")
    assert (code, out) == (2, "")
    assert err == expected.format(path=path) + "\n"


def test_unknown_station(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "c.json"
    code, text, err = run(
        capsys, "course", "export", str(SAMPLE), "--station", "uke9", "--out", str(out), "--lang", "en"
    )
    assert (code, text, err) == (2, "", "--station: unknown consultation “uke9”; choose one of: dag3, uke4\n")
    assert not out.exists()


def test_out_is_a_folder_or_cannot_be_written(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _out, err = run(capsys, "course", "handout", str(SAMPLE), "--out", str(tmp_path), "--lang", "en")
    assert (code, err) == (2, f"--out: {tmp_path} is a folder, not a file\n")
    missing = tmp_path / "no-such-folder" / "h.pdf"
    code, _out, err = run(capsys, "course", "handout", str(SAMPLE), "--out", str(missing), "--lang", "en")
    assert code == 2
    assert err.startswith(f"--out: {missing} cannot be written (")
    missing = tmp_path / "no-such-folder" / "c.json"
    code, _out, err = run(
        capsys, "course", "export", str(SAMPLE), "--station", "dag3", "--out", str(missing), "--lang", "en"
    )
    assert code == 2
    assert err.startswith(f"--out: {missing} cannot be written (")


@pytest.mark.parametrize(
    "argv",
    [
        ["course"],
        ["course", "show"],
        ["course", "rename", "x"],
        ["course", "export", str(SAMPLE), "--out", "x.json"],  # --station is required
        ["course", "handout", str(SAMPLE)],  # --out is required
    ],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.startswith(("bruk: gp-tool course", "usage: gp-tool course"))


# ------------------------------------------------------------------------------------------ gui --course


def test_gui_course_option_in_both_places(shipped: Path) -> None:
    for argv in (["--course"], ["gui", "--course"]):
        parsed = cli.parse(argv)
        assert isinstance(parsed, cli.Invocation)
        assert (parsed.command, parsed.args.course, parsed.course) == ("gui", "", None)
    for argv in (["--course", "01-sample"], ["gui", "--course", "01-sample", "--lang", "en"]):
        parsed = cli.parse(argv)
        assert isinstance(parsed, cli.Invocation)
        assert (parsed.args.course, parsed.course_name) == ("01-sample", "01-sample")
        assert parsed.course is not None
        assert parsed.course.title.en == "Sample course"
    parsed = cli.parse(["--course", str(SAMPLE)])
    assert isinstance(parsed, cli.Invocation)
    assert parsed.course_name == "course_sample"
    parsed = cli.parse(["--demo", "uke8-rygg"])
    assert isinstance(parsed, cli.Invocation)
    assert parsed.args.course is None
    assert parsed.course is None


def test_gui_course_bad_input(shipped: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.parse(["--course", "rygg", "--lang", "en"]) == 2
    assert capsys.readouterr().err == "--course: unknown course case “rygg”; choose one of: 01-sample\n"
    case = tmp_path / "case.json"
    assert run(capsys, "course", "export", "01-sample", "--station", "dag3", "--out", str(case))[0] == 0
    assert cli.parse(["gui", "--course", "--case", str(case), "--lang", "en"]) == 2
    assert (
        capsys.readouterr().err
        == "--case: course mode opens only course cases (fictional patients); leave out --case\n"
    )


def test_course_through_python_dash_m(tmp_path: Path) -> None:
    out = tmp_path / "h.pdf"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "gp_tool",
            "course",
            "handout",
            str(SAMPLE),
            "--out",
            str(out),
            "--lang",
            "en",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert out.read_bytes().startswith(b"%PDF")


def test_notes_course_marks_every_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = tmp_path / "uke4.json"
    assert (
        run(capsys, "course", "export", str(SAMPLE), "--station", "uke4", "--model", "--out", str(case))[0]
        == 0
    )
    for flag, marked in (("--course", True), (None, False)):
        out = tmp_path / f"notes-{marked}"
        argv = ["notes", str(case), "--out", str(out), "--today", "2026-03-25", "--lang", "nn"]
        # without --course the fictional patient has no fødselsnummer: only a draft is written (issue 16)
        assert run(capsys, *argv, *([flag] if flag else ["--draft"]))[0] == 0
        for pdf in sorted(out.glob("*.pdf")):
            for page in PdfReader(pdf).pages:
                assert ("KURS – fiktiv pasient" in page.extract_text()) is marked, pdf.name
        journal = (out / "journal.txt").read_text(encoding="utf-8")
        assert journal.startswith("KURS – fiktiv pasient\n") is marked
        assert json.loads((out / "case-export.json").read_text(encoding="utf-8")).get("course") is (
            True if marked else None
        )
    assert cli.parse(["notes", str(case), "--out", str(tmp_path / "x")]).args.course is False  # type: ignore[union-attr]
