"""Presenter mode (fictional data only, large type, light, watermark) and the command palette (Ctrl+K)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gp_tool.domain.case import Case
from gp_tool.i18n.catalog import translator
from gp_tool.storage.demo import DEFAULT_DEMO, load_demo
from gp_tool.ui import palette
from gp_tool.ui.caseinfo import is_fictional
from gp_tool.ui.command_palette import matches
from gp_tool.ui.main_window import MainWindow
from gp_tool.ui.steps import step_index
from tests.ui.conftest import TODAY
from tests.ui.keys import CTRL, SHIFT, Keyboard

pytestmark = pytest.mark.gui

REAL_ID = "01018010018"  # a valid, ordinary fødselsnummer (not synthetic)


def real_case(national_id: str = REAL_ID) -> Case:
    doc = load_demo(DEFAULT_DEMO, TODAY).to_json_dict()
    doc["patient"]["national_id"] = national_id
    doc["patient"]["birth_date"] = "1980-01-01"
    return Case.model_validate_json(json.dumps(doc))


def test_what_counts_as_fictional() -> None:
    assert is_fictional(load_demo(DEFAULT_DEMO, TODAY), "uke8-rygg")
    assert is_fictional(real_case("05858512338"), None)  # Tenor: month + 80
    assert is_fictional(real_case(""), None)  # no national id at all
    assert not is_fictional(real_case(), None)


def test_presenter_mode_large_light_watermarked_and_back(qtbot, window: MainWindow) -> None:
    app = QApplication.instance()
    base = app.font().pointSizeF()
    palette.force_dark(app, True)  # even on a dark system, the projector gets the light scheme
    keys = Keyboard(qtbot, window)
    keys.press(Qt.Key.Key_F5)
    assert window.presenting
    assert window.presenter_action.isChecked()
    assert app.font().pointSizeF() == pytest.approx(base * 1.5)
    assert palette.current() is palette.LIGHT
    assert window.watermark.isVisible()
    assert window.watermark.text() == "KURS – fiktiv pasient"
    assert window.watermark.geometry() == window.centralWidget().rect()
    assert window.header.course_ribbon.isVisible()
    heading = window.page(0).title_label
    assert heading.font().pointSizeF() == pytest.approx(max(base * 1.5, 10) * 1.5)
    image = window.grab().toImage()
    assert not image.isNull()
    keys.press(Qt.Key.Key_F5)
    assert not window.presenting
    assert not window.watermark.isVisible()
    assert app.font().pointSizeF() == pytest.approx(base)
    assert palette.current() is palette.LIGHT or palette.current() is palette.DARK
    palette.force_dark(app, None)


def test_presenter_mode_refuses_a_real_patient_and_ends_when_one_is_opened(window: MainWindow) -> None:
    tr = translator("nb")
    window.document.replace(real_case())
    assert not window.set_presenting(True)
    assert not window.presenting
    assert not window.presenter_action.isChecked()
    assert window.statusBar().currentMessage() == tr.gettext(
        "Presenter mode shows fictional patients only: open a demo or course case first."
    )
    window.document.replace(load_demo(DEFAULT_DEMO, TODAY), demo=DEFAULT_DEMO)
    assert window.set_presenting(True)
    window.document.replace(real_case())
    assert not window.presenting
    assert not window.watermark.isVisible()
    assert window.statusBar().currentMessage() == tr.gettext(
        "Presenter mode ended: the case opened is not fictional."
    )


def test_zoom_keys(qtbot, window: MainWindow) -> None:
    app = QApplication.instance()
    base = app.font().pointSizeF()
    keys = Keyboard(qtbot, window)
    keys.press(Qt.Key.Key_Plus, CTRL)
    assert app.font().pointSizeF() == pytest.approx(base * 1.1)
    keys.press(Qt.Key.Key_0, CTRL)
    assert app.font().pointSizeF() == pytest.approx(base)


def test_matches_every_word_anywhere_word_starts_first() -> None:
    assert matches("steg 2", "Gå til steg 2: Hvor saken står") is not None
    assert matches("står saken", "Gå til steg 2: Hvor saken står") is not None
    assert matches("xyz", "Gå til steg 2") is None
    assert matches("sak", "Hvor saken står") < matches("ake", "Hvor saken står")


def test_command_palette_jumps_to_a_step_and_esc_returns_focus(qtbot, window: MainWindow) -> None:
    keys = Keyboard(qtbot, window)
    window.go_to_step(0, focus=True)
    before = QApplication.focusWidget()
    keys.press(Qt.Key.Key_K, CTRL)
    panel = window.palette_panel
    assert panel.isVisible()
    assert QApplication.focusWidget() is panel.field
    assert len(panel.visible_commands()) > 20
    keys.type("beslutning")
    assert panel.visible_commands()[0].startswith("Gå til steg 5: Beslutning")
    keys.press(Qt.Key.Key_Return)
    assert window.current_step() == step_index("decision")
    assert not panel.isVisible()
    keys.press(Qt.Key.Key_K, CTRL)
    keys.type("skriv ut")
    assert panel.visible_commands()[0].startswith("Skriv ut notatene\tCtrl+P")
    keys.press(Qt.Key.Key_Escape)
    assert not panel.isVisible()
    assert QApplication.focusWidget() is not panel.field
    assert before is not None


def test_demo_picker_lists_every_demo_and_opens_one(qtbot, window: MainWindow) -> None:
    keys = Keyboard(qtbot, window)
    keys.press(Qt.Key.Key_D, CTRL | SHIFT)
    panel = window.palette_panel
    assert len(panel.visible_commands()) == 6
    keys.type("uke7")
    keys.press(Qt.Key.Key_Return)
    assert window.document.demo == "uke7-depresjon"
    assert window.document.case.patient.name == "Ingrid Berg"


def test_keyboard_shortcuts_come_from_the_action_registry(window: MainWindow) -> None:
    rows = {text: keys for keys, text in window.keyboard_shortcuts()}
    assert rows["Neste steg"].startswith("Ctrl+Return")
    assert rows["Kommandopalett…"] == "Ctrl+K"
    assert rows["Skriv ut notatene"] == "Ctrl+P"
    assert rows["Presentasjonsmodus"] == "F5"
