"""Start-up of the window: the QApplication, colours, language, the first case, the event loop."""

from __future__ import annotations

import datetime as dt
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import gp_tool
from gp_tool.clock import SystemClock
from gp_tool.domain.case import Case
from gp_tool.domain.problems import ProblemError
from gp_tool.i18n.catalog import translator
from gp_tool.storage.demo import DEFAULT_DEMO, load_demo
from gp_tool.storage.files import read_case_file
from gp_tool.ui import palette
from gp_tool.ui.i18n import set_language
from gp_tool.ui.main_window import MainWindow

if TYPE_CHECKING:
    from pathlib import Path

    from gp_tool.ui import GuiOptions

__all__ = ["application", "load_start_case", "run"]


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (made once), in Fusion with our palette, following the system colour scheme."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication(argv if argv is not None else [sys.argv[0] if sys.argv else "arbeidsfokus"])
        app.setApplicationName("Arbeidsfokus")
        app.setApplicationDisplayName("Arbeidsfokus")
        app.setApplicationVersion(gp_tool.__version__)
        app.setOrganizationName("Arbeidsfokus")
        palette.follow_system(app)
    palette.apply(app)
    return app


def load_start_case(options: GuiOptions, today: dt.date) -> tuple[Case, str | None, Path | None]:
    """(case, demo name, path) for the options; raises ProblemError when it cannot be loaded."""
    if options.case_file is not None:
        return read_case_file(options.case_file), None, options.case_file
    name = options.demo or DEFAULT_DEMO
    return load_demo(name, today), name, None


def run(options: GuiOptions, argv: list[str]) -> int:
    today = options.today or SystemClock().today()
    try:
        case, demo, path = load_start_case(options, today)
    except ProblemError as exc:
        tr = translator(options.language)
        for problem in exc.problems:
            print(problem.render(tr.gettext), file=sys.stderr)  # noqa: T201
        return 2
    app = application(argv)
    set_language(options.language)
    window = MainWindow(case, today=today, demo=demo, path=path)
    window.resize(1280, 800)
    window.show()
    if options.exit_when_ready:
        window.confirm_close = False
        QTimer.singleShot(0, app.quit)
    code = app.exec()
    window.confirm_close = False
    window.close()
    window.deleteLater()
    return code
