"""The findings panel (always visible, why, jump to field) and the drawn timeline with its badges."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from gp_tool.i18n.catalog import translator
from gp_tool.storage.demo import load_demo
from gp_tool.ui.main_window import COUNT_ROLE, GREYED_ROLE, SEVERITY_ROLE, MainWindow
from gp_tool.ui.steps import step_index, step_of_field
from tests.ui.conftest import TODAY
from tests.ui.keys import Keyboard

pytestmark = pytest.mark.gui


def open_demo(window: MainWindow, name: str) -> None:
    window.document.replace(load_demo(name, TODAY), demo=name)
    window.run_analysis()


def test_step_of_field_maps_case_paths_to_steps() -> None:
    assert step_of_field("work.position_percent") == 0
    assert step_of_field("case_start") == 1
    assert step_of_field("sick_note.periods[0].grade") == step_index("decision")
    assert step_of_field("sick_note.answers.6.3.1") == step_index("nav_questions")
    assert step_of_field("sick_note.message_to_employer") == step_index("messages")
    assert step_of_field("something.unknown") == step_index("decision")


def test_findings_panel_lists_worst_first_and_expands_to_why(window: MainWindow) -> None:
    open_demo(window, "uke7-depresjon")
    panel = window.findings
    findings = panel.findings()
    assert findings, "the week-7 demo has unanswered questions"
    severities = [f.severity for f in findings]
    assert severities == sorted(severities, key=lambda s: {"BLOCK": 0, "WARN": 1, "INFO": 2}[s])
    block = next(f for f in findings if f.severity == "BLOCK" and f.fields[0].startswith("sick_note.answers"))
    row = panel.tree.topLevelItem(findings.index(block))
    tr = translator("nb")
    assert row.text(0).startswith(tr.gettext("Stop") + ": " + block.message)
    step_title = tr.gettext("NAV's questions")
    assert f"→ {step_title} · {block.fields[0]}" in row.text(0)
    details = [row.child(k).text(0) for k in range(row.childCount())]
    assert details[0] == tr.format("Rule: {rule}", rule=block.rule)
    assert details[1] == tr.format("Legal reference: {ref}", ref=block.legal_full)
    assert any(d.startswith(tr.gettext("Rules version: {version}").split("{")[0]) for d in details)
    assert any(d.startswith("Inndata ") for d in details)
    assert panel.counts.text().startswith(tr.gettext("Stop") + " ")
    # the step list shows the worst severity and the count where the findings point
    item = window.steps.item(step_index("nav_questions"))
    assert item.data(SEVERITY_ROLE) == "BLOCK"
    assert item.data(COUNT_ROLE) >= 1
    assert not item.data(GREYED_ROLE)


def test_enter_on_a_finding_opens_its_step_and_focuses_the_field(qtbot, window: MainWindow) -> None:
    open_demo(window, "uke7-depresjon")
    panel = window.findings
    block = next(f for f in panel.findings() if f.fields and f.fields[0].startswith("sick_note.answers"))
    tree = panel.tree
    tree.setFocus()
    tree.setCurrentItem(tree.topLevelItem(panel.findings().index(block)))
    keys = Keyboard(qtbot, window)
    keys.press(Qt.Key.Key_Return)
    assert window.current_step() == step_index("nav_questions")
    focused = QApplication.focusWidget()
    assert focused.objectName() == block.fields[0]
    assert focused.property("flash") == "BLOCK"  # outlined in the severity colour for two seconds
    # Ctrl+C in the panel copies the finding with its rule id and inputs
    tree.setFocus()
    keys.press(Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(f"{block.rule} (BLOCK)")


def test_answering_clears_the_finding_after_the_rules_run_again(qtbot, window: MainWindow) -> None:
    open_demo(window, "uke7-depresjon")
    window.document.edit("sick_note.answers.6.3.1", "Nedstemt, søvnvansker, i behandling.")
    window.document.edit("sick_note.answers.6.3.2", "Konsentrasjonssvikt gjør arbeid umulig nå.")
    qtbot.waitUntil(lambda: not window._analysis_timer.isActive(), timeout=3000)
    remaining = [
        f for f in window.findings.findings() if f.fields and f.fields[0].startswith("sick_note.answers.6.3.")
    ]
    assert remaining == []
    assert window.steps.item(step_index("nav_questions")).data(SEVERITY_ROLE) in {"", None, "INFO", "WARN"}


def test_f8_visits_the_next_findings_field(qtbot, window: MainWindow) -> None:
    open_demo(window, "uke7-depresjon")
    keys = Keyboard(qtbot, window)
    window.findings.tree.setCurrentItem(
        window.findings.tree.topLevelItem(window.findings.tree.topLevelItemCount() - 1)
    )
    keys.press(Qt.Key.Key_F8)
    first = window.findings.findings()[0]
    assert window.current_step() == step_of_field(first.fields[0])


def test_a_failing_rule_engine_is_reported_not_fatal(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gp_tool.rules

    def broken(case: object, today: object) -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr(gp_tool.rules, "evaluate", broken)
    open_demo(window, "uke7-depresjon")
    tr = translator("nb")
    assert window.findings.empty.text() == tr.gettext("The rules could not be run: {error}").format(
        error="RuntimeError: boom"
    )
    assert window.readiness_text() == ""


@pytest.mark.parametrize(
    ("demo", "expected"),
    [
        ("dag3-skulder", {"ARBEIDSGIVERPERIODE_SLUTT": "AHEAD", "OPPFOLGINGSPLAN": "AHEAD"}),
        ("uke4-angst", {"OPPFOLGINGSPLAN": "DUE_NOW", "DIALOGMOTE_1": "AHEAD"}),
        # the demo records the follow-up plan as received (the 8-week view): done, not merely passed
        (
            "uke7-depresjon",
            {"OPPFOLGINGSPLAN": "DONE", "DIALOGMOTE_1": "DUE_NOW", "AKTIVITETSKRAV": "AHEAD"},
        ),
        ("uke8-rygg", {"OPPFOLGINGSPLAN": "DONE", "DIALOGMOTE_1": "DONE", "AKTIVITETSKRAV": "DUE_NOW"}),
        ("uke17-prolaps", {"AKTIVITETSKRAV": "PASSED", "DIALOGMOTE_2": "AHEAD"}),
        ("uke39-tilpasning", {"DIALOGMOTE_2": "PASSED", "MAKSDATO": "AHEAD"}),
    ],
)
def test_timeline_badges_due_now_and_overdue(window: MainWindow, demo: str, expected: dict[str, str]) -> None:
    open_demo(window, demo)
    page = window.page(step_index("timeline"))
    badges = page.badges()
    assert {k: badges[k] for k in expected} == expected
    assert "MAKSDATO" in badges
    tr = translator("nb")
    statuses = {page.milestones.topLevelItem(r).text(1) for r in range(page.milestones.topLevelItemCount())}
    assert statuses <= {tr.gettext(t) for t in ("Done", "Due now", "Overdue", "Passed", "Coming")}


def test_a_follow_up_deadline_is_overdue_until_the_case_records_it_done(window: MainWindow) -> None:
    open_demo(window, "uke8-rygg")
    page = window.page(step_index("timeline"))
    window.document.edit("activity_requirement.dialogue_meeting_held", False)
    window.run_analysis()
    assert page.badges()["DIALOGMOTE_1"] == "OVERDUE"  # passed since the last visit, not held
    window.document.edit("activity_requirement.dialogue_meeting_held", None)
    window.run_analysis()
    assert page.badges()["DIALOGMOTE_1"] == "OVERDUE"  # not known is not done
    window.document.edit("activity_requirement.dialogue_meeting_held", True)
    window.run_analysis()
    assert page.badges()["DIALOGMOTE_1"] == "DONE"
    tr = translator("nb")
    row = next(
        page.milestones.topLevelItem(r)
        for r in range(page.milestones.topLevelItemCount())
        if tr.gettext("Dialogue meeting 1 held (at the latest)") in page.milestones.topLevelItem(r).text(3)
    )
    assert row.text(1) == tr.gettext("Done")


def test_timeline_drawing_and_header_chip(window: MainWindow) -> None:
    window.go_to_step(step_index("timeline"))
    page = window.page(step_index("timeline"))
    chart = page.chart
    start, end = chart.span()
    assert start == window.analysis.timeline.case_start
    assert end == window.analysis.timeline.max_date
    image = chart.grab().toImage()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 5)}
    assert len(colours) > 20  # bars, markers, grid and text, not an empty box
    tr = translator("nb")
    label = tr.gettext("8-week point: activity requirement")
    assert window.header.milestone_text() == "⚠ " + tr.format("{milestone}: now", milestone=label)
    window.header.milestone_chip.setFocus()
    window.go_to_step(0)
    window.header.milestone_chip.activated.emit()
    assert window.current_step() == step_index("timeline")
