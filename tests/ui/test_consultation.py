"""A standard 8-week consultation, from the open case to printed notes, with the keyboard only.

The GP opens the week-8 demo (uke8-rygg: low back pain, 100 % so far), reviews the work, looks at
where the case stands, chooses graded sick leave at 50 % for two weeks, checks NAV's questions (not
due for a graded note), the messages, and prints. Every key press is counted; the target is 40 or
fewer. The print dialog is accepted with a PDF file as the printer (tech.md §6).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication

from gp_tool.domain.case import PeriodKind
from gp_tool.ui.main_window import MainWindow
from gp_tool.ui.steps import step_index
from tests.ui.conftest import TODAY
from tests.ui.keys import CTRL, Keyboard

pytestmark = pytest.mark.gui

KEY_BUDGET = 40


@pytest.fixture
def pdf_printer(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Path]:
    """Accept every print dialog, printing to a PDF file in tmp_path; returns the files printed."""
    printed: list[Path] = []

    def accept(dialog: QPrintDialog) -> int:
        target = tmp_path / f"printed-{len(printed) + 1}.pdf"
        printer: QPrinter = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        printed.append(target)
        return 1  # QDialog.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    return printed


def test_eight_week_consultation_with_the_keyboard(
    qtbot, window: MainWindow, pdf_printer: list[Path], record_property
) -> None:
    keys = Keyboard(qtbot, window)
    window.steps.setFocus()
    assert window.current_step() == 0

    # 1 → 2: review the work on step 1, then where the case stands
    keys.press(Qt.Key.Key_Return, CTRL, "Ctrl+Enter")
    assert window.current_step() == step_index("timeline")
    timeline = window.page(step_index("timeline"))
    assert timeline.badges()["AKTIVITETSKRAV"] == "DUE_NOW"

    # → the decision
    keys.press(Qt.Key.Key_5, CTRL, "Ctrl+5")
    decision = window.page(step_index("decision"))
    assert window.current_step() == step_index("decision")
    assert QApplication.focusWidget() is decision.radios[PeriodKind.GRADERT]

    keys.alt(decision.radios[PeriodKind.GRADERT].text())
    keys.alt(decision.labels["grade"].text())
    assert QApplication.focusWidget() is decision.grade
    keys.type("50")
    keys.alt(decision.labels["to"].text())
    assert QApplication.focusWidget() is decision.to_field.edit
    keys.type("2u")
    keys.press(Qt.Key.Key_Return, note="Enter")

    period = window.document.case.sick_note.periods[0]
    assert period.kind is PeriodKind.GRADERT
    assert period.grade == 50
    assert period.from_ == TODAY + dt.timedelta(days=1)
    assert period.to == period.from_ + dt.timedelta(days=13)
    assert decision.grade_echo.text() == "50\xa0% sykmeldt · 50\xa0% i arbeid"

    # NAV's questions: not due for a graded note; messages; notes
    keys.press(Qt.Key.Key_Return, CTRL, "Ctrl+Enter")
    assert window.current_step() == step_index("nav_questions")
    assert window.page(step_index("nav_questions")).shown == ()
    keys.press(Qt.Key.Key_Return, CTRL, "Ctrl+Enter")
    assert window.current_step() == step_index("messages")
    keys.press(Qt.Key.Key_Return, CTRL, "Ctrl+Enter")
    assert window.current_step() == step_index("notes")

    keys.press(Qt.Key.Key_P, CTRL, "Ctrl+P")
    assert len(pdf_printer) == 1
    pdf = pdf_printer[0]
    assert pdf.is_file()
    assert pdf.stat().st_size > 1000
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    assert "Kari Nordmann" in text or "Sykehjemmet AS" in text

    record_property("key_presses", keys.count)
    print(f"\n8-week consultation: {keys.count} key presses: {', '.join(keys.log)}")
    assert keys.count <= KEY_BUDGET
