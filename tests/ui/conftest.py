"""Fixtures for the window tests: a fixed date, the demo case, and no real modal dialogs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from gp_tool.storage.demo import DEFAULT_DEMO, load_demo

TODAY = dt.date(2026, 11, 20)


@pytest.fixture(autouse=True)
def no_real_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog would block the headless run for ever: fail the test instead."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a real modal dialog was opened in a test; monkeypatch the window's method")

    monkeypatch.setattr(QMessageBox, "exec", refuse)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", refuse)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", refuse)


@pytest.fixture
def window(qtbot, qapp) -> Iterator[object]:
    """The main window with the demo case uke8-rygg for TODAY, shown, active, in nb."""
    from gp_tool.ui.app_window import application
    from gp_tool.ui.i18n import set_language
    from gp_tool.ui.main_window import MainWindow

    application()
    set_language("nb")
    win = MainWindow(load_demo(DEFAULT_DEMO, TODAY), today=TODAY, demo=DEFAULT_DEMO)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=2000)
    yield win
    win.confirm_close = False  # teardown closes it; never ask
    set_language("nb")
