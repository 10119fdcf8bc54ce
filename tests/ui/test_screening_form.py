"""Screening in step 3 by keyboard: a PHQ-9 is typed, scored live with its band and signal, stored."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gp_tool.domain.assessment import EnteredBy, Instrument, ScreeningResult
from gp_tool.ui.i18n import set_language
from gp_tool.ui.main_window import MainWindow
from gp_tool.ui.page_function import FunctionPage
from gp_tool.ui.screening_form import item_anchors, newest_index
from gp_tool.ui.steps import step_index

from .conftest import TODAY
from .keys import CTRL, Keyboard

pytestmark = pytest.mark.gui

PHQ9 = [1, 2, 3, 1, 2, 0, 1, 2, 0]  # 12: moderate, at/over the cut-off of 10


def phq9_results(window: MainWindow) -> list[ScreeningResult]:
    return [r for r in window.document.case.screening or [] if r.instrument is Instrument.PHQ9]


def function_page(window: MainWindow, *, blank: bool = True) -> FunctionPage:
    if blank:  # the demo case without its function assessment and screening forms
        case = window.document.case.model_copy(update={"function": None, "screening": []})
        window.document.replace(case, demo=window.document.demo)
    window.go_to_step(step_index("function"), focus=True)
    page = window.page(step_index("function"))
    assert isinstance(page, FunctionPage)
    return page


def open_phq9(qtbot, window: MainWindow) -> tuple[FunctionPage, Keyboard]:
    page = function_page(window)
    keys = Keyboard(qtbot, window)
    form = page.forms[Instrument.OMPSQ_SF]
    form.answers[0].setFocus()
    keys.press(Qt.Key.Key_Tab, CTRL)  # → WAS
    keys.press(Qt.Key.Key_Tab, CTRL)  # → PHQ-9
    assert page.tabs.currentWidget() is page.forms[Instrument.PHQ9]
    page.forms[Instrument.PHQ9].answers[0].setFocus()
    return page, keys


def test_phq9_typed_by_keys_is_scored_and_stored(qtbot, window: MainWindow) -> None:
    page, keys = open_phq9(qtbot, window)
    form = page.forms[Instrument.PHQ9]
    assert page.tabs.tabText(page.tabs.currentIndex()) == "PHQ-9 · ikke fylt ut"
    keys.count = 0
    for answer in PHQ9:
        keys.type(str(answer))
        keys.press(Qt.Key.Key_Tab)
    assert keys.count == 18
    assert form.score_label.text() == "Skår 12 av 27 · Moderat (10–14)\n⚑ Signal: ja (grenseverdi 10)"
    assert form.score_label.property("role") == "banner-warning"
    assert page.tabs.tabText(page.tabs.currentIndex()) == "PHQ-9 · 12 av 27 ⚑"
    assert form.formula.text().startswith("Slik skåres det: ")
    results = phq9_results(window)
    assert len(results) == 1
    result = results[0]
    assert (result.instrument, result.date, result.answers) == (Instrument.PHQ9, TODAY, PHQ9)
    assert result.entered_by is EnteredBy.GP
    assert result.gp_agrees is None
    # the GP's opinion follows the last item: one step down is «Ja, jeg er enig»; Tab to the comment
    assert QApplication.focusWidget() is form.agree
    keys.press(Qt.Key.Key_Down)
    keys.press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.comment
    keys.type("Stemmer med samtalen")
    keys.press(Qt.Key.Key_Tab)
    (result,) = phq9_results(window)
    assert result.gp_agrees is True
    assert result.comment == "Stemmer med samtalen"


def test_score_before_and_at_the_cut_off(qtbot, window: MainWindow) -> None:
    page, keys = open_phq9(qtbot, window)
    form = page.forms[Instrument.PHQ9]
    for answer in [1, 1, 1, 1, 1, 1, 1, 1, 1]:  # 9: mild, below the cut-off
        keys.type(str(answer))
        keys.press(Qt.Key.Key_Tab)
    assert form.score_label.text() == "Skår 9 av 27 · Mild (5–9)\nSignal: nei (grenseverdi 10)"
    assert form.score_label.property("role") == "banner-success"
    form.answers[8].setFocus()
    keys.press(Qt.Key.Key_Up)  # item 9: 1 → 2, total 10: at the cut-off
    keys.press(Qt.Key.Key_Tab)
    assert form.score_label.text() == "Skår 10 av 27 · Moderat (10–14)\n⚑ Signal: ja (grenseverdi 10)"
    assert phq9_results(window)[0].answers[8] == 2


def test_blank_items_are_not_scored_past_the_limit(qtbot, window: MainWindow) -> None:
    page, keys = open_phq9(qtbot, window)
    form = page.forms[Instrument.PHQ9]
    keys.type("3")
    keys.press(Qt.Key.Key_Tab)
    assert form.score_label.text() == "Ikke skåret ennå: 1 av 9 spørsmål besvart, 8 tomme."
    assert page.tabs.tabText(page.tabs.currentIndex()) == "PHQ-9 · ufullstendig"
    assert phq9_results(window)[0].answers == [3, *[None] * 8]


def test_new_form_keeps_the_earlier_one_as_history(qtbot, window: MainWindow) -> None:
    page, keys = open_phq9(qtbot, window)
    form = page.forms[Instrument.PHQ9]
    for answer in PHQ9:
        keys.type(str(answer))
        keys.press(Qt.Key.Key_Tab)
    keys.alt("N&ytt skjema (i dag)")
    assert QApplication.focusWidget() is form.answers[0]
    assert form.history.text() == "Tidligere skjemaer:\n20.11.2026: 12 av 27 · Moderat"
    keys.type("0")
    keys.press(Qt.Key.Key_Tab)
    assert [r.answers[0] for r in phq9_results(window)] == [1, 0]
    assert form.index == len(window.document.case.screening) - 1


def test_a_case_with_results_shows_the_newest(window: MainWindow) -> None:
    older = ScreeningResult(instrument=Instrument.GAD7, date=dt.date(2026, 10, 1), answers=[3] * 7)
    newer = ScreeningResult(instrument=Instrument.GAD7, date=dt.date(2026, 11, 1), answers=[1] * 7)
    case = window.document.case.model_copy(update={"screening": [newer, older]})
    window.document.replace(case)
    page = function_page(window, blank=False)
    form = page.forms[Instrument.GAD7]
    assert form.index == 0
    assert [box.value() for box in form.answers] == [1] * 7
    assert form.score_label.text() == "Skår 7 av 21 · Mild (5–9)\nSignal: nei (grenseverdi 10)"
    assert form.history.text() == "Tidligere skjemaer:\n01.10.2026: 21 av 21 · Alvorlig"
    assert window.jump_to_field("screening[1].answers[2]")
    assert page.tabs.currentWidget() is form
    assert form.index == 1
    assert QApplication.focusWidget() is form.answers[2]
    assert form.answers[2].value() == 3


def test_newest_index() -> None:
    a = ScreeningResult(instrument=Instrument.WAS, date=dt.date(2026, 1, 2), answers=[5])
    b = ScreeningResult(instrument=Instrument.WAS, date=dt.date(2026, 1, 1), answers=[6])
    c = ScreeningResult(instrument=Instrument.WAS, date=dt.date(2026, 1, 2), answers=[7])
    assert newest_index([a, b], Instrument.WAS) == 0
    assert newest_index([a, b, c], Instrument.WAS) == 2  # the later entry on the same day
    assert newest_index([a], Instrument.PHQ9) is None


def test_item_texts_source_and_licence_follow_the_language(qtbot, window: MainWindow) -> None:
    from gp_tool.rules.screening import instrument_info

    page = function_page(window, blank=False)
    form = page.forms[Instrument.OMPSQ_SF]
    info = instrument_info(Instrument.OMPSQ_SF)
    assert form.item_labels[1].text() == "2. " + info.items[1].text_in("nb")
    assert form.about.text().startswith("Kilde: ")
    assert "\nLisens: " in form.about.text()
    assert form.answers[0].minimum() == 0  # item 1 is a category 1–10: 0 shows as blank
    assert form.answers[0].specialValueText() == "–"
    set_language("nn")
    assert form.item_labels[1].text() == "2. " + info.items[1].text_in("nn")
    assert form.about.text().startswith("Kjelde: ")
    set_language("en")
    assert form.item_labels[1].text() == "2. " + info.items[1].text_in("en")
    assert form.anchor_labels[1].text() == item_anchors(info.items[1], "en")
    assert page.tabs.tabText(3) == "GAD-7 · not filled in"
    assert page.tabs.tabText(0) == "ÖMPSQ-SF · 59 of 100 ⚑"  # the demo case's form
