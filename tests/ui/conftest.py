"""Fixtures for the window tests: a fixed date, the demo case, and no real modal dialogs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrintDialog
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
    monkeypatch.setattr(QPrintDialog, "exec", refuse)


@pytest.fixture(autouse=True)
def private_data_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Drafts and stores go to a fresh folder, never the user's real data folder."""
    folder = tmp_path_factory.mktemp("xdg-data")
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    return folder


@pytest.fixture
def window(qtbot, qapp) -> Iterator[object]:
    """The main window with the demo case uke8-rygg for TODAY, shown, active, in nb."""
    from gp_tool.ui.app_window import application
    from gp_tool.ui.i18n import set_language
    from gp_tool.ui.main_window import MainWindow

    application()
    set_language("nb")
    win = MainWindow(load_demo(DEFAULT_DEMO, TODAY), today=TODAY, demo=DEFAULT_DEMO)
    qtbot.addWidget(win, before_close_func=lambda w: setattr(w, "confirm_close", False))
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=2000)
    qtbot.waitUntil(lambda: win.analysis.evaluation is not None, timeout=5000)  # rules run after 1st paint
    yield win
    win.confirm_close = False  # teardown closes it; never ask
    set_language("nb")
    if win.presenting:  # presenter and course mode scale the whole application: reset for the next test
        win.set_presenting(False)
