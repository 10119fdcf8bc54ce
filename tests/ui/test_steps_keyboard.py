"""Every step driven with the keyboard only: reach every control, edit, move on (issue 5, must show 1).

Each test starts from the window and uses key presses only (QTest key events to the focused widget):
Ctrl+digit and Ctrl+Enter between steps, Tab within a step, Alt+letter to labelled fields, arrows and
Space in lists and boxes.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from gp_tool.domain.case import MedisinskArsak, PeriodKind
from gp_tool.storage.demo import load_demo
from gp_tool.ui.main_window import MainWindow
from gp_tool.ui.steps import STEPS, step_index
from tests.ui.conftest import TODAY
from tests.ui.keys import CTRL, SHIFT, Keyboard

pytestmark = pytest.mark.gui

INPUTS = (QLineEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox, QAbstractButton, QAbstractItemView)
DIGITS = [getattr(Qt.Key, f"Key_{n}") for n in range(1, 9)]


def focusable_inputs(page: QWidget) -> list[QWidget]:
    """The page's enabled, visible inputs that take focus by Tab (radio buttons: by Alt or arrows)."""
    found = []
    for widget in page.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or isinstance(widget, QRadioButton):
            continue
        if widget.objectName().startswith("qt_") or widget.parent() is page:  # scroll bars of the page
            continue
        if not widget.isVisibleTo(page) or not widget.isEnabled():
            continue
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            found.append(widget)
    return found


def tab_chain(qtbot, window: MainWindow, steps: int = 80) -> list[QWidget]:
    seen: list[QWidget] = []
    for _ in range(steps):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if widget is not None:
            seen.append(widget)
    return seen


@pytest.mark.parametrize("demo", ["uke8-rygg", "uke7-depresjon", "dag3-skulder"])
def test_every_control_of_every_step_is_reached_by_tab_and_named(
    qtbot, window: MainWindow, demo: str
) -> None:
    window.open_demo(demo)
    keys = Keyboard(qtbot, window)
    for index in range(len(STEPS)):
        keys.press(DIGITS[index], CTRL)
        page = window.page(index)
        assert window.current_step() == index
        assert page.isAncestorOf(QApplication.focusWidget()), STEPS[index].key
        chain = tab_chain(qtbot, window)
        missing = [f"{type(w).__name__}:{w.objectName()}" for w in focusable_inputs(page) if w not in chain]
        assert missing == [], (STEPS[index].key, missing)
        unnamed = [
            f"{type(w).__name__}:{w.objectName()}"
            for w in focusable_inputs(page)
            if not (w.accessibleName() or (isinstance(w, QAbstractButton) and w.text()))
        ]
        assert unnamed == [], (STEPS[index].key, unnamed)


def test_ctrl_enter_walks_forward_and_ctrl_shift_enter_back(qtbot, window: MainWindow) -> None:
    keys = Keyboard(qtbot, window)
    window.steps.setFocus()
    for expected in range(1, len(STEPS)):
        keys.press(Qt.Key.Key_Return, CTRL)
        assert window.current_step() == expected
        assert window.page(expected).isAncestorOf(QApplication.focusWidget())
    keys.press(Qt.Key.Key_Return, CTRL)
    assert window.current_step() == len(STEPS) - 1  # no step after the last
    for expected in range(len(STEPS) - 2, -1, -1):
        keys.press(Qt.Key.Key_Return, CTRL | SHIFT)
        assert window.current_step() == expected
    keys.press(Qt.Key.Key_Return, CTRL | SHIFT)
    assert window.current_step() == 0


def test_step_one_by_keyboard_edits_work_and_the_patients_view(qtbot, window: MainWindow) -> None:
    keys = Keyboard(qtbot, window)
    keys.press(Qt.Key.Key_1, CTRL)
    page = window.page(0)
    keys.alt(page.labels["work.position_percent"].text())
    keys.press(Qt.Key.Key_A, CTRL)
    keys.type("80")
    keys.alt(page.labels["work.demands"].text())
    assert QApplication.focusWidget() is page.texts["work.demands"]
    keys.press(Qt.Key.Key_End, CTRL)
    keys.press(Qt.Key.Key_Return)
    keys.type("Dokumentasjon ved PC")
    keys.alt(page.labels["work.patient_view.own_assessment"].text())
    keys.press(Qt.Key.Key_End, CTRL)
    keys.type(" Kan ta kveldsvakter.")
    keys.press(Qt.Key.Key_Tab)
    work = window.document.case.work
    assert work.position_percent == 80
    assert work.demands[-1] == "Dokumentasjon ved PC"
    assert len(work.demands) == 4
    assert work.patient_view.own_assessment.endswith("øke gradvis. Kan ta kveldsvakter.")


def test_timeline_milestones_are_browsed_with_arrows(qtbot, window: MainWindow) -> None:
    keys = Keyboard(qtbot, window)
    keys.press(Qt.Key.Key_2, CTRL)
    tree = window.page(1).milestones
    assert QApplication.focusWidget() is tree
    first = tree.currentItem().data(0, Qt.ItemDataRole.UserRole)
    assert first in {
        "DIALOGMOTE_1",
        "UTDYPENDE_OPPLYSNINGER_UKE_7",
        "AKTIVITETSKRAV",
    }  # the first due or overdue
    keys.press(Qt.Key.Key_Down)
    assert tree.currentItem().data(0, Qt.ItemDataRole.UserRole) != first


def test_decision_full_sick_leave_with_a_medical_reason_by_keyboard(qtbot, window: MainWindow) -> None:
    keys = Keyboard(qtbot, window)
    keys.press(Qt.Key.Key_5, CTRL)
    page = window.page(step_index("decision"))
    keys.alt(page.radios[PeriodKind.AKTIVITET_IKKE_MULIG].text())
    period = window.document.case.sick_note.periods[0]
    assert period.kind is PeriodKind.AKTIVITET_IKKE_MULIG
    assert period.grade is None  # the graded fields went with the graded option
    assert page.full_group.isVisible()
    box = page.medical[MedisinskArsak.TILSTAND_HINDRER_AKTIVITET]
    while QApplication.focusWidget() is not box:
        keys.press(Qt.Key.Key_Tab)
        assert keys.count < 40
    keys.press(Qt.Key.Key_Space)
    assert window.document.case.sick_note.periods[0].medical_reasons == [
        MedisinskArsak.TILSTAND_HINDRER_AKTIVITET
    ]
    keys.alt(page.radios[PeriodKind.GRADERT].text())
    period = window.document.case.sick_note.periods[0]
    assert (period.kind, period.grade, period.medical_reasons) == (PeriodKind.GRADERT, 50, None)


def test_nav_questions_answered_by_keyboard(qtbot, window: MainWindow) -> None:
    window.open_demo("uke7-depresjon")
    window.run_analysis()
    keys = Keyboard(qtbot, window)
    keys.press(Qt.Key.Key_6, CTRL)
    page = window.page(step_index("nav_questions"))
    assert page.shown == ("6.3.1", "6.3.2", "6.3.3")
    assert QApplication.focusWidget() is page.answers["6.3.1"]
    keys.type("Nedstemt")
    keys.press(Qt.Key.Key_Tab)
    keys.type("Orker ikke")
    keys.press(Qt.Key.Key_Tab)
    assert window.document.case.sick_note.answers == {"6.3.1": "Nedstemt", "6.3.2": "Orker ikke"}


def test_messages_and_copy_to_record_by_keyboard(qtbot, window: MainWindow) -> None:
    keys = Keyboard(qtbot, window)
    keys.press(Qt.Key.Key_7, CTRL)
    page = window.page(step_index("messages"))
    assert QApplication.focusWidget() is page.employer
    keys.press(Qt.Key.Key_End, CTRL)
    keys.type(" Faste oppgaver.")
    keys.alt(page.nav_label.text())
    keys.type("Ønsker dialogmøte.")
    keys.press(Qt.Key.Key_Tab)
    note = window.document.case.sick_note
    assert note.message_to_employer.endswith("hjelpemiddel. Faste oppgaver.")
    assert note.message_to_nav == "Ønsker dialogmøte."
    keys.press(Qt.Key.Key_C, CTRL | SHIFT)
    copied = QGuiApplication.clipboard().text()
    assert "Ønsker dialogmøte." in copied


def test_findings_panel_is_reached_with_f6_and_enter_jumps_to_the_field(qtbot, window: MainWindow) -> None:
    window.document.replace(load_demo("uke7-depresjon", TODAY), demo="uke7-depresjon")
    window.run_analysis()
    keys = Keyboard(qtbot, window)
    keys.press(Qt.Key.Key_1, CTRL)
    for _ in range(4):
        if QApplication.focusWidget() is window.findings.tree:
            break
        keys.press(Qt.Key.Key_F6)
    assert QApplication.focusWidget() is window.findings.tree
    keys.press(Qt.Key.Key_Return)
    assert window.current_step() == step_index("nav_questions")
    assert QApplication.focusWidget().objectName() == "sick_note.answers.6.3.1"
