"""The guidance and plan section of the Decision step: guidance, the deviation reason, the plan."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gp_tool.domain.assessment import DeviationReason, Prognosis
from gp_tool.domain.case import Diagnosis, DiagnosisSystem, PeriodKind
from gp_tool.rules.guidance import beyond_guidance, full_leave_days, guidance_for
from gp_tool.ui import plan_section
from gp_tool.ui.main_window import MainWindow
from gp_tool.ui.plan_section import PlanSection
from gp_tool.ui.steps import step_index

from .conftest import TODAY
from .keys import Keyboard

pytestmark = pytest.mark.gui


def section(window: MainWindow) -> PlanSection:
    window.go_to_step(step_index("decision"), focus=True)
    page = window.page(step_index("decision"))
    return page.plan_section  # type: ignore[attr-defined, no-any-return]


def full_leave_for_p03(window: MainWindow) -> None:
    """Acute stress reaction (P03: full leave beyond 14 days discouraged), 100 % for 41 days."""
    case = window.document.case
    period = case.sick_note.periods[0].model_copy(
        update={"kind": PeriodKind.AKTIVITET_IKKE_MULIG, "grade": None, "to": dt.date(2026, 12, 31)}
    )
    note = case.sick_note.model_copy(
        update={"main_diagnosis": Diagnosis(system=DiagnosisSystem.ICPC2, code="P03"), "periods": [period]}
    )
    window.document.replace(
        case.model_copy(update={"sick_note": note, "plan": None}), demo=window.document.demo
    )


def test_guidance_for_the_main_diagnosis_with_a_link(
    monkeypatch: pytest.MonkeyPatch, window: MainWindow
) -> None:
    plan = section(window)
    diagnosis = window.document.case.sick_note.main_diagnosis
    entry = guidance_for(diagnosis)
    assert entry is not None
    text = plan.guidance.text()
    assert entry.text("title", "nb") in text
    days = full_leave_days(window.document.case, TODAY)
    assert f"Full sykmelding i denne saken til slutten av den nye sykmeldingen: {days} dager." in text
    assert plan.open_button.isEnabled()
    assert plan.open_button.toolTip() == f"Åpner {entry.url} i nettleseren"
    opened: list[str] = []
    monkeypatch.setattr(
        plan_section.QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True
    )
    assert plan.open_guidance()
    assert opened == [entry.url]
    assert not plan.deviation_box.isVisibleTo(plan)  # graded: not beyond the guidance


def test_beyond_the_guidance_asks_for_the_reason(qtbot, window: MainWindow) -> None:
    full_leave_for_p03(window)
    assert beyond_guidance(window.document.case, TODAY)
    plan = section(window)
    days = full_leave_days(window.document.case, TODAY)
    assert plan.deviation_box.isVisibleTo(plan)
    assert plan.deviation_title.text() == (
        f"! Full sykmelding ({days} dager) varer lenger enn veilederen (14 dager). Hvorfor? (bare NAV)"
    )
    assert "Full sykmelding utover 14 dager: vurder på nytt." in plan.guidance.text()
    keys = Keyboard(qtbot, window)
    plan.deviation[DeviationReason.WORK_LOAD].setFocus()
    keys.press(Qt.Key.Key_Space)
    keys.press(Qt.Key.Key_Tab)
    keys.press(Qt.Key.Key_Tab)
    keys.press(Qt.Key.Key_Tab)
    keys.press(Qt.Key.Key_Tab)
    keys.press(Qt.Key.Key_Space)  # waiting for examination or treatment
    assert window.document.case.plan.guidance_deviation == [
        DeviationReason.WORK_LOAD,
        DeviationReason.WAITING_FOR_TREATMENT,
    ]
    plan.deviation_text.setFocus()
    keys.type("Venter på DPS")
    keys.press(Qt.Key.Key_Tab)
    assert window.document.case.plan.guidance_deviation_text == "Venter på DPS"


def test_plan_fields_by_keyboard(qtbot, window: MainWindow) -> None:
    window.document.replace(window.document.case.model_copy(update={"plan": None}), demo=window.document.demo)
    plan = section(window)
    keys = Keyboard(qtbot, window)
    plan.prognosis.setFocus()
    keys.press(Qt.Key.Key_Down)
    keys.press(Qt.Key.Key_Down)  # not assessed → good → uncertain
    keys.press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is plan.expected_return.edit
    keys.type("15.01.2027")
    keys.press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is plan.texts["treatment"]
    keys.type("Fysioterapi")
    keys.press(Qt.Key.Key_Tab)
    keys.type("Lette oppgaver")
    keys.press(Qt.Key.Key_Tab)
    keys.type("Arbeidsrettet rehabilitering")
    keys.press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is plan.reassess_on.edit
    keys.type("4.12")
    keys.press(Qt.Key.Key_Tab)
    stored = window.document.case.plan
    assert stored is not None
    assert stored.prognosis is Prognosis.UNCERTAIN
    assert stored.expected_return == dt.date(2027, 1, 15)
    assert (stored.treatment, stored.work_measures, stored.measures_from_nav) == (
        "Fysioterapi",
        "Lette oppgaver",
        "Arbeidsrettet rehabilitering",
    )
    assert stored.reassess_on == dt.date(2026, 12, 4)


def test_an_invalid_plan_date_is_named(qtbot, window: MainWindow) -> None:
    plan = section(window)
    plan.reassess_on.edit.setFocus()
    plan.reassess_on.edit.selectAll()
    keys = Keyboard(qtbot, window)
    keys.type("31.02.2027")
    keys.press(Qt.Key.Key_Tab)
    assert (
        plan.problem.text() == "✕ plan.reassess_on: ikke en gyldig dato: bruk DD.MM.ÅÅÅÅ og en dag som finnes"
    )


def test_a_finding_on_the_plan_opens_its_field(window: MainWindow) -> None:
    window.go_to_step(0)
    assert window.jump_to_field("plan.reassess_on")
    plan = window.page(step_index("decision")).plan_section  # type: ignore[attr-defined]
    assert window.current_step() == step_index("decision")
    assert QApplication.focusWidget() is plan.reassess_on.edit
