"""Bad input never gives a traceback: exit 2 and a translated message naming the field (contracts §1)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from gp_tool.app import main
from gp_tool.i18n.catalog import translator

CONTRACT = Path(__file__).parent.parent / "data" / "contract_case.json"


def _doc() -> dict[str, Any]:
    return json.loads(CONTRACT.read_text(encoding="utf-8"))


def _with(change: Callable[[dict[str, Any]], None]) -> str:
    doc = _doc()
    change(doc)
    return json.dumps(doc, ensure_ascii=False)


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = doc
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        node[last] = value

    return change


def _drop(path: str) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = doc
        for part in parents:
            node = node[part]
        del node[last]

    return change


# (id, file content (str, bytes, or None for "no such file"), field named, message id that must appear)
BAD_FILES: list[tuple[str, str | bytes | None, str, str]] = [
    ("missing file", None, "file", "{path} does not exist"),
    ("empty file", "", "file", "the file is empty"),
    ("whitespace only", "  \n\t", "file", "the file is empty"),
    ("invalid JSON", '{"format": "gp-tool/case",', "file", "not valid JSON (line {line}, column {column})"),
    ("JSON array, not object", "[1, 2]", "file", "a case file must be a JSON object"),
    (
        "not UTF-8",
        b'{"format": "gp-tool/case", "x": "\xff\xfe"}',
        "file",
        "{path} is not UTF-8 text (byte {offset})",
    ),
    (
        "wrong format",
        _with(_set("format", "fhir/bundle")),
        "format",
        "expected “{expected}”, found “{found}”",
    ),
    ("format missing", _with(_drop("format")), "format", "missing: this is not an Arbeidsfokus case file"),
    (
        "newer version",
        _with(_set("version", 2)),
        "version",
        "the file has format version {found}, written by a newer Arbeidsfokus; "
        "this version reads up to {supported}. Update the program to open it",
    ),
    ("version as text", _with(_set("version", "1")), "version", "must be a whole number"),
    (
        "grade as text (wrong type)",
        _with(_set("sick_note.periods.0.grade", "50")),
        "sick_note.periods[0].grade",
        "must be a whole number",
    ),
    (
        "impossible date",
        _with(_set("sick_note.signed", "2026-02-30")),
        "sick_note.signed",
        "not a valid date (use YYYY-MM-DD, a day that exists)",
    ),
    (
        "date in another format",
        _with(_set("case_start", "01.09.2026")),
        "case_start",
        "not a valid date (use YYYY-MM-DD, a day that exists)",
    ),
    (
        "unknown period kind",
        _with(_set("sick_note.periods.0.kind", "DELVIS")),
        "sick_note.periods[0].kind",
        "unknown value “{value}”; allowed: {expected}",
    ),
    (
        "fødselsnummer check digit",
        _with(_set("patient.national_id", "05858512339")),
        "patient.national_id",
        "not a valid fødselsnummer or D-nummer: the check digits are wrong",
    ),
    (
        "fødselsnummer length",
        _with(_set("patient.national_id", "0585851233")),
        "patient.national_id",
        "not a valid fødselsnummer or D-nummer: it must have 11 digits",
    ),
    (
        "unknown field",
        _with(_set("sick_note.diagnosis_text", "x")),
        "sick_note.diagnosis_text",
        "unknown field",
    ),
    (
        "required field missing",
        _with(_drop("sick_note.periods")),
        "sick_note.periods",
        "required field is missing",
    ),
    (
        "no birth date and no id",
        _with(_drop("patient.birth_date")),
        "patient",
        "birth_date is required when national_id is empty",
    ),
    (
        "10 MB text field",
        _with(_set("sick_note.message_to_employer", "x" * 10_000_000)),
        "sick_note.message_to_employer",
        "text is too long: {length} characters, at most {max_length}",
    ),
    (
        "unknown other absence reason",
        _with(_set("sick_note.other_absence_reason", "11")),
        "sick_note.other_absence_reason",
        "unknown value “{value}”; allowed: {expected}",
    ),
    (
        "unknown diagnosis system",
        _with(_set("sick_note.main_diagnosis", {"system": "SNOMED", "code": "1"})),
        "sick_note.main_diagnosis.system",
        "unknown value “{value}”; allowed: {expected}",
    ),
    (
        "position over 100 %",
        _with(_set("work.position_percent", 150)),
        "work.position_percent",
        "must be at most {le}",
    ),
    (
        "boolean as number",
        _with(_set("sick_note.periods.0.travel_grant", 1)),
        "sick_note.periods[0].travel_grant",
        "must be true or false",
    ),
]


def _prefix(msgid: str) -> str:
    """The translated message up to its first placeholder (the part that does not depend on input)."""
    return msgid.split("{", 1)[0]


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
@pytest.mark.parametrize(("name", "content", "field", "msgid"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_case_file_gives_exit_2_and_names_the_field(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    lang: str,
    name: str,
    content: str | bytes | None,
    field: str,
    msgid: str,
) -> None:
    path = tmp_path / "case.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    rc = main(["check", str(path), "--lang", lang, "--today", "2026-09-15"])
    out, err = capsys.readouterr()
    assert rc == 2, name
    assert out == ""
    assert "Traceback" not in err
    assert err.startswith(f"{field}: "), err[:200]
    translated = translator(lang).gettext(msgid)
    if lang != "en":
        assert translated != msgid, f"{lang} lacks a translation of {msgid!r}"
    head = _prefix(translated).format()
    assert head in err, (head, err[:300])
    assert len(err) < 2_000  # a 10 MB input is never echoed back


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["check", "x.json", "--today", "2026-02-30"], "--today"),
        (["timeline", "--case-start", "26.10.2026"], "--case-start"),
        (["timeline"], "--case-start"),
        (["check"], "CASE.json"),
        (["notes", "x.json"], "--out"),
        (["rules", "--format", "pdf"], "--format"),
        (["--demo", "no-such-demo"], "--demo"),
        (["--lang", "sv"], "--lang"),
        (["frobnicate"], "COMMAND"),
    ],
)
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_bad_command_line_gives_exit_2_naming_the_option(
    capsys: pytest.CaptureFixture[str], argv: list[str], needle: str, lang: str
) -> None:
    argv = [*argv, "--lang", lang] if "--lang" not in argv else argv
    rc = main(argv)
    _, err = capsys.readouterr()
    assert rc == 2
    assert needle in err
    assert "Traceback" not in err


def test_usage_errors_are_translated(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--lang", "nn"]) == 2
    _, err = capsys.readouterr()
    expected = translator("nn").gettext("the following arguments are required: %s") % "CASE.json"
    assert expected in err
    assert "the following arguments are required" not in err


def test_notes_out_must_be_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    assert main(["notes", str(CONTRACT), "--out", str(afile), "--lang", "en"]) == 2
    assert capsys.readouterr().err.startswith("--out: ")


def test_a_directory_is_not_a_case_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path), "--lang", "en"]) == 2
    assert capsys.readouterr().err.startswith("file: ")


def test_entry_point_process_exit_code_and_stderr(tmp_path: Path) -> None:
    """The real console process: exit 2, no traceback, message in the chosen language."""
    bad = tmp_path / "bad.json"
    bad.write_text(_with(_set("sick_note.signed", "2026-13-01")), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "gp_tool", "check", str(bad), "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr == "sick_note.signed: not a valid date (use YYYY-MM-DD, a day that exists)\n"
    assert proc.stdout == ""
