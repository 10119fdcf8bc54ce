"""Windows narrower than 1200 px (issue 5; ui-brief b.1): compact steps, findings folded to a rail.

At 1024×700 every control of every step is reachable in its scrolling page without a horizontal
scroll bar, and the findings are reached by keyboard (F6 opens the drawer). Screenshots of each step
at that size go to ``test-artifacts/narrow/``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from gp_tool.ui.main_window import STEP_LIST_WIDTH, MainWindow
from gp_tool.ui.narrow import COMPACT_STEPS_WIDTH, NARROW_WIDTH, RAIL_WIDTH, is_narrow
from gp_tool.ui.steps import STEPS

pytestmark = pytest.mark.gui

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "narrow"
CONTROLS = (QLineEdit, QTextEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QAbstractButton)


def make_narrow(qtbot, window: MainWindow, width: int = 1024, height: int = 700) -> None:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width and window.height() == height, timeout=2000)
    QApplication.processEvents()


def controls_of(page: QWidget) -> list[QWidget]:
    return [w for w in page.findChildren(QWidget) if isinstance(w, CONTROLS) and w.isVisibleTo(page)]


def test_the_threshold_is_1200_logical_pixels() -> None:
    assert NARROW_WIDTH == 1200
    assert is_narrow(1199)
    assert not is_narrow(1200)
    assert is_narrow(1500, scale=1.5)
    assert not is_narrow(1800, scale=1.5)


def test_at_1024_the_steps_are_compact_and_the_findings_a_rail(qtbot, window: MainWindow) -> None:
    assert not window.narrow
    assert window.steps.width() == STEP_LIST_WIDTH
    assert window.findings.isVisible()
    make_narrow(qtbot, window)
    assert window.narrow
    assert window.steps.width() == COMPACT_STEPS_WIDTH
    assert window.drawer.rail.isVisible()
    assert not window.findings.isVisible()
    assert window.findings_dock.width() <= RAIL_WIDTH + 8
    rail = window.drawer.rail
    assert rail.button.accessibleName() == "Funn"
    total = sum(rail.counts.values())
    assert rail.button.text() == str(total)
    assert rail.labels["BLOCK"].text() == str(rail.counts["BLOCK"])
    assert rail.labels["WARN"].toolTip() == f"Funn merket Advarsel: {rail.counts['WARN']}"
    # the step titles stay in the tooltip and the accessible text
    assert window.steps.item(4).toolTip().startswith("Steg 5: ")
    make_narrow(qtbot, window, 1280, 800)
    assert not window.narrow
    assert window.steps.width() == STEP_LIST_WIDTH
    assert window.findings.isVisible()


def test_at_1024x700_every_control_of_every_step_is_reachable(qtbot, window: MainWindow) -> None:
    make_narrow(qtbot, window)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for index, step in enumerate(STEPS):
        window.go_to_step(index, focus=True)
        QApplication.processEvents()
        page = window.page(index)
        assert page.isVisible(), step.key
        assert page.width() >= 560, step.key
        assert page.horizontalScrollBar().maximum() == 0, f"{step.key}: cut off at the right"
        viewport = page.viewport()
        controls = controls_of(page)
        assert controls, step.key
        bar = page.verticalScrollBar()
        for control in controls:  # scroll its top to the top (the scroll bar's range allowing)
            top = control.mapTo(page.widget(), QPoint(0, 0)).y()
            bar.setValue(min(bar.maximum(), max(0, top - 4)))
            QApplication.processEvents()
            seen = QRect(control.mapTo(viewport, QPoint(0, 0)), control.size())
            name = (step.key, control.objectName() or type(control).__name__, seen)
            if control.height() <= viewport.height():
                assert viewport.rect().contains(seen), name
            else:  # a preview taller than the page scrolls itself: its whole width and top are in view
                assert seen.left() >= 0, name
                assert seen.right() <= viewport.rect().right(), name
                assert seen.top() >= 0, name
        image = window.grab().toImage()
        assert image.width() == 1024
        assert image.height() == 700
        assert image.save(str(ARTIFACTS / f"{index + 1}-{step.key}.png"))


def test_f6_opens_the_folded_findings_and_leaving_folds_them(qtbot, window: MainWindow) -> None:
    make_narrow(qtbot, window)
    window.go_to_step(0, focus=True)
    tree = window.findings.tree
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        if tree.hasFocus():
            break
    assert tree.hasFocus()
    assert tree.isVisible()
    assert window.drawer.expanded
    assert window.findings_dock.width() >= 300
    assert window.page(0).isVisible()
    assert window.page(0).width() >= 400
    qtbot.keyClick(tree, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)  # back to the form
    assert not tree.hasFocus()
    assert not window.drawer.expanded
    assert window.drawer.rail.isVisible()
    window.drawer.rail.button.setFocus()
    qtbot.keyClick(window.drawer.rail.button, Qt.Key.Key_Space)  # the rail's button opens it too
    assert window.drawer.expanded
    assert tree.hasFocus()
