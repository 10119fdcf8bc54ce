"""The Notes view (offscreen): side-by-side preview, firewall marks, print, preview, save, copy."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog

from gp_tool.documents import NoteContext, TimelineMark, build_nav_note, journal_record
from gp_tool.documents.outline import TimelineBlock, nav_outline
from gp_tool.documents.write import EMPLOYER_NOTE, NAV_NOTE
from gp_tool.domain.case import Case
from gp_tool.storage.demo import load_demo
from gp_tool.ui.i18n import set_language
from gp_tool.ui.notes_view import NotesView, timeline_image

pytestmark = pytest.mark.gui

TODAY = dt.date(2026, 11, 20)


def demo() -> Case:
    return load_demo("uke8-rygg", TODAY)


def leaking() -> Case:
    case = demo()
    note = case.sick_note.model_copy(update={"message_to_employer": "Lette oppgaver. Har hatt depresjon."})
    return case.model_copy(update={"sick_note": note})


def context(case: Case, lang: str = "nb") -> NoteContext:
    start = case.case_start
    assert start is not None
    marks = (TimelineMark("AKTIVITETSKRAV", "Aktivitetskravet", start + dt.timedelta(days=55)),)
    return NoteContext(today=TODAY, lang=lang, case_start=start, max_date=None, marks=marks)


@pytest.fixture
def view(qtbot, qapp) -> NotesView:
    set_language("nb")
    widget = NotesView()
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def test_side_by_side_shows_what_nav_and_the_employer_see(view: NotesView) -> None:
    case = demo()
    view.set_case(case, TODAY, "nb", context(case))
    nav = view.nav_preview.toPlainText()
    employer = view.employer_preview.toPlainText()
    assert view.nav_title.text() == "Det NAV ser"
    assert view.employer_title.text() == "Det arbeidsgiveren ser"
    assert "Notat til NAV" in nav
    assert "L03 Korsrygg symptomer/plager" in nav
    assert "05858512338" in nav
    assert "Melding til arbeidsgiver" in employer
    assert "Kari Nordmann" in employer
    assert "Kan gjøre lette stell og dokumentasjon." in employer
    assert "L03" not in employer.split("Vises ikke for arbeidsgiveren")[0]
    assert "Korsrygg" not in employer
    assert "05858512338" not in employer
    # NAV-only content is shown as grey bars in the employer column
    assert "Diagnose – vises ikke for arbeidsgiver" in employer
    assert not view.banner.isVisible()
    assert not view.leak_panel.isVisible()
    # the timeline picture is registered in the preview document
    image = view.nav_preview.document().resource(
        QTextDocument.ResourceType.ImageResource, QUrl("timeline:nav:0")
    )
    assert isinstance(image, QImage)
    assert not image.isNull()


def test_leaks_are_marked_named_and_offered_neutral_wording(view: NotesView, qtbot) -> None:
    case = leaking()
    view.set_case(case, TODAY, "nb", context(case))
    assert view.banner.isVisible()
    assert view.banner.text() == (
        "Meldingen til arbeidsgiveren er stoppet: mulige helseopplysninger i Melding til arbeidsgiver."
    )
    assert view.leak_panel.isVisible()
    assert view.leak_list.count() == 1
    assert view.leak_list.item(0).text() == (
        "Melding til arbeidsgiver: «depresjon» kan fortelle arbeidsgiveren noe om pasientens helse "
        "(et ord om sykdom eller behandling)."
    )
    html = view.employer_preview.toHtml()
    assert "depresjon" in html
    assert "#fff2f7" in html  # the marked words and the box under the paragraph
    assert "Sendes ikke til arbeidsgiver: Melding til arbeidsgiver" in view.employer_preview.toPlainText()
    assert view.wording_list.item(0).text() == (
        "Kan gjøre oppgaver med tydelige prioriteringer og en forutsigbar plan for dagen."
    )
    assert (
        view.copy_wording()
        == "Kan gjøre oppgaver med tydelige prioriteringer og en forutsigbar plan for dagen."
    )
    assert QGuiApplication.clipboard().text() == view.wording_list.item(0).text()
    with qtbot.waitSignal(view.leak_activated, timeout=1000) as signal:
        view.go_to_field_button.click()
    assert signal.args == ["sick_note.message_to_employer"]


def test_copy_to_patient_record_has_the_shortcut_and_fills_the_clipboard(view: NotesView, qtbot) -> None:
    case = demo()
    ctx = context(case)
    view.set_case(case, TODAY, "nb", ctx)
    assert view.copy_journal_action.shortcut() == QKeySequence("Ctrl+Shift+C")
    assert view.save_pdfs_action.shortcut() == QKeySequence("Ctrl+Shift+S")
    QGuiApplication.clipboard().setText("")
    with qtbot.waitSignal(view.journal_copied, timeout=1000):
        view.copy_journal_action.trigger()
    assert QGuiApplication.clipboard().text() == journal_record(case, ctx)
    assert (
        QGuiApplication.clipboard()
        .text()
        .startswith("Sykmelding signert 20.11.2026: Gradert sykmelding 60 %")
    )
    assert view.status.text() == "Journalteksten er kopiert. Lim den inn i journalen."
    assert view.journal_view.toPlainText() == journal_record(case, ctx)


def test_copy_shortcut_works_from_the_keyboard(view: NotesView, qtbot) -> None:
    case = demo()
    view.set_case(case, TODAY, "nb", context(case))
    view.nav_preview.setFocus()
    QGuiApplication.clipboard().setText("")
    qtbot.keyClick(
        view.nav_preview,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert QGuiApplication.clipboard().text().startswith("Sykmelding signert")


def _print_to(path: Path):
    def fake_exec(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return QDialog.DialogCode.Accepted

    return fake_exec


def test_print_both_notes_through_the_print_dialog(view: NotesView, monkeypatch, tmp_path: Path) -> None:
    case = demo()
    view.set_case(case, TODAY, "nb", context(case))
    out = tmp_path / "printed.pdf"
    monkeypatch.setattr(QPrintDialog, "exec", _print_to(out))
    assert view.print_notes("both")
    text = pdf_text(out)
    assert "Notat til NAV" in text
    assert "Melding til arbeidsgiver" in text
    assert "L03 Korsrygg symptomer/plager" in text
    assert text.count("Kari Nordmann") >= 2
    assert len(PdfReader(io.BytesIO(out.read_bytes())).pages) >= 2  # the employer note starts a new page
    assert view.status.text() == "Skrevet ut."


def test_a_blocked_employer_note_is_never_printed(view: NotesView, monkeypatch, tmp_path: Path) -> None:
    case = leaking()
    view.set_case(case, TODAY, "nb", context(case))
    out = tmp_path / "printed.pdf"
    monkeypatch.setattr(QPrintDialog, "exec", _print_to(out))
    assert not view.print_notes("employer")
    assert not out.exists()
    assert (
        view.status.text()
        == "Ikke skrevet ut: meldingen til arbeidsgiveren inneholder mulige helseopplysninger."
    )
    assert view.print_notes("both")
    text = pdf_text(out)
    assert "Notat til NAV" in text
    assert "Melding til arbeidsgiver Sykmelding signert" not in text
    assert (
        view.status.text()
        == "Notatet til NAV er skrevet ut. Meldingen til arbeidsgiveren ble ikke skrevet ut."
    )


def test_cancelled_print_prints_nothing(view: NotesView, monkeypatch) -> None:
    case = demo()
    view.set_case(case, TODAY, "nb", context(case))
    monkeypatch.setattr(QPrintDialog, "exec", lambda _dialog: QDialog.DialogCode.Rejected)
    assert not view.print_notes("nav")


def test_print_preview_draws_the_same_document(view: NotesView, monkeypatch, tmp_path: Path) -> None:
    case = demo()
    view.set_case(case, TODAY, "en", context(case, "en"))
    out = tmp_path / "preview.pdf"

    def fake_exec(dialog: QPrintPreviewDialog) -> int:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        dialog.paintRequested.emit(printer)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    assert view.preview_notes("patient")
    text = pdf_text(out)
    assert "About your sick note" in text
    assert "nav.no" in text


def test_save_pdfs_writes_the_notes_into_the_chosen_folder(
    view: NotesView, monkeypatch, tmp_path: Path
) -> None:
    case = demo()
    view.set_case(case, TODAY, "nn", context(case, "nn"))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(tmp_path))
    result = view.save_pdfs()
    assert result is not None
    assert not result.blocked
    assert (tmp_path / NAV_NOTE).exists()
    assert (tmp_path / EMPLOYER_NOTE).exists()
    assert view.status.text().startswith(f"Lagret i {tmp_path}: nav-note.pdf")  # chrome: the window language


def test_save_pdfs_of_a_blocked_case_leaves_out_the_employer(view: NotesView, tmp_path: Path) -> None:
    case = leaking()
    view.set_case(case, TODAY, "nb", context(case))
    result = view.save_pdfs(tmp_path)
    assert result is not None
    assert result.blocked
    assert not (tmp_path / EMPLOYER_NOTE).exists()
    assert view.status.text().startswith(f"Lagret i {tmp_path} uten meldingen til arbeidsgiveren: ")


def test_cancelled_folder_choice_saves_nothing(view: NotesView, monkeypatch) -> None:
    case = demo()
    view.set_case(case, TODAY, "nb", context(case))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: "")
    assert view.save_pdfs() is None


def test_the_view_follows_the_language(view: NotesView, qtbot) -> None:
    case = demo()
    view.set_case(case, TODAY, "nb", context(case))
    try:
        set_language("nn")
        qtbot.waitUntil(lambda: view.employer_title.text() == "Det arbeidsgjevaren ser", timeout=2000)
        assert view.tabs.tabText(1) == "Pasientark"
        assert "Notat til NAV" in view.nav_preview.toPlainText()
        assert "Sjukmelding signert" in view.nav_preview.toPlainText()
        set_language("en")
        qtbot.waitUntil(lambda: view.employer_title.text() == "What the employer sees", timeout=2000)
        assert "Note to NAV" in view.nav_preview.toPlainText()
    finally:
        set_language("nb")


def test_without_a_context_the_view_renders_from_the_case_alone(view: NotesView) -> None:
    case = demo()
    view.set_case(case, TODAY, "nb")
    assert view.ctx is not None
    assert view.ctx.marks == ()
    assert "Notat til NAV" in view.nav_preview.toPlainText()
    assert view.print_document("nav") is not None


def test_timeline_image_is_painted(qapp) -> None:
    case = demo()
    outline = nav_outline(build_nav_note(case, context(case)), context(case))
    model = next(b.model for b in outline.blocks if isinstance(b, TimelineBlock))
    image = timeline_image(model, 400, 96, "nb")
    assert (image.width(), image.height()) == (800, 192)
    assert image.devicePixelRatio() == 2.0
    # the current period's bar is painted in a dark blue: some pixel row has it
    colours = {image.pixelColor(x, image.height() - 70).name() for x in range(0, 800, 4)}
    assert len(colours) > 2
