"""Course mode (issue 9): fictional patients only, time travel, course cases, the model answer, prints."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog

from gp_tool.app import main
from gp_tool.domain.case import Case, Patient, Period, PeriodKind, SickNote
from gp_tool.domain.course import Version
from gp_tool.storage.courses import read_course_file
from gp_tool.storage.files import write_case_file
from gp_tool.ui import palette
from gp_tool.ui.i18n import set_language
from gp_tool.ui.main_window import MainWindow

from .conftest import TODAY

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "course_sample.json"
REAL_ID = "01018010018"  # a valid, ordinary fødselsnummer (not synthetic)
MARK = {"nb": "KURS – fiktiv pasient", "nn": "KURS – fiktiv pasient", "en": "COURSE – fictional patient"}


def pdf_pages(data: bytes) -> list[str]:
    """The text of each page, with whitespace and the fi ligature normalised."""
    reader = PdfReader(io.BytesIO(data))
    return [" ".join((page.extract_text() or "").replace("\ufb01", "fi").split()) for page in reader.pages]


def print_to(path: Path):
    def fake_exec(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return QDialog.DialogCode.Accepted

    return fake_exec


def real_case() -> Case:
    return Case(
        format="gp-tool/case",
        version=1,
        patient=Patient(name="Ekte Pasient", national_id=REAL_ID),
        sick_note=SickNote(
            signed=TODAY,
            periods=[
                Period(kind=PeriodKind.AKTIVITET_IKKE_MULIG, from_=TODAY, to=TODAY + dt.timedelta(days=6))
            ],
        ),
    )


@pytest.fixture
def course_window(window: MainWindow) -> MainWindow:
    """The window with the sample course case open (two consultations: day 3 and week 4)."""
    assert window.open_course_path(SAMPLE)
    window.run_analysis()
    return window


# ---------------------------------------------------------------------- course mode


def test_course_mode_is_presenter_sized_and_marked(window: MainWindow) -> None:
    assert window.set_course_mode(True)
    assert window.course_mode
    assert window.presenting
    assert palette.scale() == pytest.approx(1.5)
    assert window.windowTitle() == "Arbeidsfokus – Kari Nordmann [KURS]"
    assert window.header.demo_banner.text() == "⚠ KURS – fiktiv pasient. Ingenting sendes."
    assert window.watermark.isVisible()
    assert window.course_bar.isVisible()
    assert not window.teaching.isVisible()  # a demo case has no teaching notes
    assert window.set_course_mode(False)
    assert not window.presenting
    assert window.windowTitle() == "Arbeidsfokus – Kari Nordmann [DEMO]"


def test_course_mode_never_opens_a_real_patient(window: MainWindow, tmp_path: Path) -> None:
    window.set_course_mode(True)
    path = tmp_path / "real.json"
    write_case_file(path, real_case())
    before = window.document.case
    assert not window.open_path(path)
    assert window.document.case is before
    assert "navngir en ekte pasient" in window.statusBar().currentMessage()
    window.open_case()  # Ctrl+O: the case list would list real patients
    assert window.document.case is before
    assert window.statusBar().currentMessage().startswith("Kursmodus viser bare fiktive pasienter.")
    assert not window.open_stored_case("any")
    window.set_course_mode(False)
    assert window.open_path(path)  # outside course mode the same file opens
    assert window.document.case.patient.national_id == REAL_ID


def test_course_mode_on_a_real_patient_opens_a_course_case(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "real.json"
    write_case_file(path, real_case())
    assert window.open_path(path)
    assert window.set_course_mode(True)
    assert window.document.case.patient.national_id != REAL_ID
    assert window.course_session is not None
    assert window.presenting


# ---------------------------------------------------------------------- time travel


def test_time_travel_moves_today_and_everything_that_depends_on_it(qtbot, window: MainWindow) -> None:
    window.set_course_mode(True)
    assert window.header.week_text() == "Uke 8 · dag 53"
    assert not window.simulated_label.isVisible()
    qtbot.keyClick(
        window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert window.today == TODAY + dt.timedelta(days=7)
    assert window.header.week_text() == "Uke 9 · dag 60"
    assert window.simulated_label.isVisible()
    assert window.simulated_label.text() == "⚠ Simulert dato 27.11.2026"
    assert window.course_bar.date_edit.text() == "27.11.2026"
    qtbot.keyClick(
        window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.keyClick(
        window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert window.today == TODAY - dt.timedelta(days=7)
    assert window.header.week_text() == "Uke 7 · dag 46"
    window.real_date_action.trigger()
    assert window.today == TODAY
    assert not window.simulated_label.isVisible()


def test_the_date_is_typed_in_the_bar(qtbot, window: MainWindow) -> None:
    window.set_course_mode(True)
    qtbot.keyClick(
        window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    edit = window.course_bar.date_edit
    assert edit.hasFocus()
    qtbot.keyClicks(edit, "01.12.2026")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert window.today == dt.date(2026, 12, 1)
    assert window.header.week_text() == "Uke 10 · dag 64"


def test_week_keys_do_nothing_outside_course_mode(qtbot, window: MainWindow) -> None:
    qtbot.keyClick(
        window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert window.today == TODAY


# ---------------------------------------------------------------------- course cases


def test_a_course_case_opens_at_its_first_consultation(course_window: MainWindow) -> None:
    w = course_window
    assert w.today == dt.date(2026, 3, 4)
    assert w.header.week_text() == "Uke 1 · dag 3"
    assert w.teaching.isVisible()
    assert w.teaching.heading.text() == "Prøvekurs · konsultasjon 1 av 2: Dag 3, 4. mars 2026"
    assert w.teaching.situation.text() == "Vondt i ryggen."
    assert w.simulated_label.text() == "⚠ Simulert dato 04.03.2026"
    assert [b.text() for b in w.course_bar.stations.buttons()] == ["Dag 3", "Uke 4"]
    assert w.course_bar.current_station() == 0
    w.go_to_step(4)
    assert w.teaching.note.text() == "✎ Undervisningsnotat – Beslutning: Gradert før 100 %."
    w.go_to_step(0)
    assert not w.teaching.note.isVisible()  # no note for step 1


def test_f9_and_the_date_choose_the_consultation(qtbot, course_window: MainWindow) -> None:
    w = course_window
    qtbot.keyClick(w, Qt.Key.Key_F9)
    assert w.today == dt.date(2026, 3, 25)
    assert w.course_session.index == 1
    assert w.header.week_text() == "Uke 4 · dag 24"
    assert len(w.document.case.earlier_sick_notes) == 1  # the model answer of day 3
    assert w.document.case.earlier_sick_notes[0].periods[0].grade == 50
    w.set_today(dt.date(2026, 3, 24))  # the day before the second consultation: back at the first
    assert w.course_session.index == 0
    assert w.header.week_text() == "Uke 4 · dag 23"
    w.set_today(dt.date(2026, 4, 20))  # after the last: the last consultation, later
    assert w.course_session.index == 1
    assert w.header.week_text() == "Uke 8 · dag 50"
    qtbot.keyClick(w, Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)
    assert w.course_session.index == 0
    assert w.today == dt.date(2026, 3, 4)


def test_the_participants_work_is_kept_per_consultation(qtbot, course_window: MainWindow) -> None:
    w = course_window
    assert w.document.edit("sick_note.periods[0].kind", "GRADERT") == []
    assert w.document.edit("sick_note.periods[0].grade", 40) == []
    qtbot.keyClick(w, Qt.Key.Key_F9)
    assert w.document.case.sick_note.periods[0].grade == 50  # the second consultation, as met
    qtbot.keyClick(w, Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)
    assert w.document.case.sick_note.periods[0].kind is PeriodKind.GRADERT
    assert w.document.case.sick_note.periods[0].grade == 40  # the participant's work is back
    assert w.course_session.worked(0)
    assert not w.course_session.worked(1)


def test_the_model_answer_is_shown_and_the_own_answer_comes_back(course_window: MainWindow) -> None:
    w = course_window
    assert w.document.case.sick_note.periods[0].kind is PeriodKind.AKTIVITET_IKKE_MULIG
    w.set_showing_model(True)
    assert w.document.case.sick_note.periods[0].grade == 50
    assert w.teaching.model_banner.isVisible()
    assert w.model_action.isChecked()
    w.set_showing_model(False)
    assert w.document.case.sick_note.periods[0].kind is PeriodKind.AKTIVITET_IKKE_MULIG
    assert not w.teaching.model_banner.isVisible()


def test_the_comparison_step_by_step(qtbot, course_window: MainWindow, monkeypatch) -> None:
    w = course_window
    shown = []
    monkeypatch.setattr(MainWindow, "_exec_dialog", lambda self, dialog: shown.append(dialog))
    qtbot.keyClick(w, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    (dialog,) = shown
    decision = dialog.comparison.step("decision")
    rows = {r.topic: (r.yours, r.model, r.verdict.value) for r in decision.rows}
    assert rows["Type sykmelding"] == (
        "100 % sykmelding (aktivitet ikke mulig)",
        "Gradert sykmelding",
        "DIFFERENT",
    )
    assert rows["Sykmeldingsgrad (høyeste)"] == ("100\xa0%", "50\xa0%", "DIFFERENT")
    assert rows["Sykmeldingens lengde"] == ("14 dager", "14 dager", "SAME")
    assert dialog.summary.text() == "Dag 3: 4 av 7 valg som i fasiten."
    text = dialog.text()
    assert "5 Beslutning — 2 av 4 som fasiten" in text
    assert "Mer fravær enn fasiten: finnes et mindre fraværende alternativ?" in text
    # the participant moves towards the model: the comparison follows
    assert w.document.edit("sick_note.periods[0].kind", "GRADERT") == []
    assert w.document.edit("sick_note.periods[0].grade", 50) == []
    w.compare_with_model()
    assert shown[-1].summary.text() == "Dag 3: 6 av 7 valg som i fasiten."


def test_a_course_file_opened_as_a_case_file_opens_as_a_course(window: MainWindow) -> None:
    assert window.open_path(SAMPLE)
    assert window.course_session is not None
    assert window.course_mode


def test_a_bad_course_file_is_refused_with_its_field(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc["stations"][1]["date"] = "2026-03-01"
    doc["case"]["patient"]["national_id"] = REAL_ID
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    shown = []
    monkeypatch.setattr(
        MainWindow, "_show_problems", lambda self, title, text, problems: shown.append(problems)
    )
    before = window.document.case
    assert not window.open_course_path(path)
    assert window.document.case is before
    assert shown == [
        [
            "case.patient.national_id: et kurstilfelle kan bare bruke syntetiske (Tenor-) fødselsnumre, eller ingen"
        ]
    ]


# ---------------------------------------------------------------------- prints and PDFs


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_every_printed_page_carries_the_course_mark(
    course_window: MainWindow, monkeypatch, tmp_path: Path, lang: str
) -> None:
    set_language(lang)
    out = tmp_path / "printed.pdf"
    monkeypatch.setattr(QPrintDialog, "exec", print_to(out))
    course_window.set_showing_model(True)
    assert course_window.print_notes()
    pages = pdf_pages(out.read_bytes())
    assert len(pages) >= 2
    assert all(MARK[lang] in page for page in pages)


def test_a_real_patients_print_has_no_course_mark(window: MainWindow, monkeypatch, tmp_path: Path) -> None:
    path = tmp_path / "real.json"
    write_case_file(path, real_case())
    assert window.open_path(path)
    window.run_analysis()
    out = tmp_path / "printed.pdf"
    monkeypatch.setattr(QPrintDialog, "exec", print_to(out))
    assert window.print_notes()
    assert not any("KURS" in page for page in pdf_pages(out.read_bytes()))


def test_every_saved_pdf_carries_the_course_mark(course_window: MainWindow, tmp_path: Path) -> None:
    course_window.set_showing_model(True)
    notes = course_window.page(7)
    result = notes.view.save_pdfs(tmp_path)
    pdfs = [p for p in result.written if p.suffix == ".pdf"]
    assert {p.name for p in pdfs} == {"nav-note.pdf", "employer-note.pdf", "patient-sheet.pdf"}
    for pdf in pdfs:
        assert all(MARK["nb"] in page for page in pdf_pages(pdf.read_bytes())), pdf.name
    handout = course_window.save_handout(tmp_path / "handout.pdf")
    assert handout is not None
    pages = pdf_pages(handout.read_bytes())
    assert len(pages) == 1
    assert MARK["nb"] in pages[0]
    assert "Prøvekurs" in pages[0]


# ---------------------------------------------------------------------- the command line


def test_course_option_with_a_bad_name_exits_2(capsys) -> None:
    assert main(["--course", "finnes-ikke"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(
        "--course: ukjent kurstilfelle «finnes-ikke»; velg ett av: maksdato, muskel-skjelett"
    )
    assert err[-1] == "\n"


def test_course_cases_are_read_back_identically() -> None:
    course = read_course_file(SAMPLE)
    assert course.case_at(1, Version.MODEL).sick_note.periods[0].grade == 30


def test_the_patients_form_prints_and_saves_with_the_course_mark(
    qtbot, window: MainWindow, monkeypatch, tmp_path: Path
) -> None:
    assert window.open_course("muskel-skjelett")
    window.step_station(3)  # week 8: the 8-week view with the patient's form
    window.show_activity(focus=False)
    out = tmp_path / "form-printed.pdf"
    monkeypatch.setattr(QPrintDialog, "exec", print_to(out))
    view = window.activity_panel.view
    view.open_patient_form()
    dialog = view.form_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    assert dialog.print_form()
    pages = pdf_pages(out.read_bytes())
    assert pages
    assert all(MARK["nb"] in page for page in pages)
    saved = dialog.save_pdf(tmp_path / "form.pdf")
    assert saved is not None
    assert all(MARK["nb"] in page for page in pdf_pages(saved.read_bytes()))
    dialog.close()


def test_the_course_so_far_sums_every_consultation_worked(course_window: MainWindow, monkeypatch) -> None:
    from gp_tool.ui.course import ALL

    w = course_window
    shown = []
    monkeypatch.setattr(MainWindow, "_exec_dialog", lambda self, dialog: shown.append(dialog))
    assert w.document.edit("sick_note.periods[0].kind", "GRADERT") == []
    assert w.document.edit("sick_note.periods[0].grade", 50) == []  # day 3: 6 of 7 as the model
    w.step_station(1)  # week 4 as met: grade 50 where the model has 30
    dialog = w.compare_with_model()
    assert dialog is shown[-1]
    dialog.station.setCurrentIndex(dialog.station.findData(ALL))
    assert sorted(dialog.comparisons) == [0, 1]
    assert dialog.comparisons[0].score == 6.0
    assert dialog.comparisons[1].score == 5.0
    assert dialog.summary.text() == "Kurset så langt: 11 av 13 valg som i fasiten."
    heads = [dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount())]
    assert [(h.text(0), h.text(1), h.text(2), h.text(3)) for h in heads] == [
        ("1. Dag 3", "6", "7", "86\xa0%"),
        ("2. Uke 4", "5", "6", "83\xa0%"),
    ]
    assert heads[1].child(0).text(0) == "5 Beslutning"
    assert heads[1].child(0).text(3) == "75\xa0%"
