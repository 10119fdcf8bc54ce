"""Start-up of the window: the QApplication, colours, language, the first case, the event loop.

High-DPI: Qt 6 scales by the screen's factor; the rounding policy is "pass through", so 125 % and
150 % Windows displays get exact sizes instead of rounded ones. Colours follow the system's light or
dark scheme (:mod:`gp_tool.ui.palette`). Work is autosaved as a draft in the user's data folder.

Start-up (issue 5): a demo case is shown from its JSON document (:class:`~gp_tool.ui.document.CaseSketch`)
and validated just after the first paint, so pydantic, the rules, the code lists and the case store
all load after the patient is on screen. A case file is validated before the window opens (a file
with problems must be refused with its messages and exit code 2, contracts §1).
``--exit-when-ready`` quits once the window has painted its case and the event loop is idle.
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

import gp_tool
from gp_tool.clock import SystemClock
from gp_tool.domain.problems import Problem, ProblemError
from gp_tool.i18n.catalog import translator
from gp_tool.i18n.markers import N_
from gp_tool.storage.demo import DEFAULT_DEMO, load_demo, load_demo_document
from gp_tool.storage.files import read_case_file
from gp_tool.ui import palette
from gp_tool.ui.document import CaseSketch
from gp_tool.ui.i18n import set_language
from gp_tool.ui.main_window import MainWindow

if TYPE_CHECKING:
    from pathlib import Path

    from gp_tool.domain.case import Case
    from gp_tool.ui import GuiOptions

__all__ = ["application", "load_start", "load_start_case", "run"]


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (made once), in Fusion with our palette, following the system colour scheme."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
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


def load_start(options: GuiOptions, today: dt.date) -> tuple[Case | CaseSketch, str | None, Path | None]:
    """As :func:`load_start_case`, but a demo comes as a sketch of its document (validated after the
    first paint by the window); raises ProblemError when it cannot be loaded."""
    if options.case_file is None:
        name = options.demo or DEFAULT_DEMO
        try:
            return CaseSketch.from_document(load_demo_document(name, today)), name, None
        except (KeyError, ValueError):
            pass  # unknown name or unreadable document: the model path names the problem
    return load_start_case(options, today)


def open_store(window: MainWindow, *, recover: bool) -> Any:
    """Open the case store and attach it to ``window`` (autosave, case list, crash recovery).

    Runs just after the window is shown, so start-up does not wait for SQLite. A store that cannot be
    used is replaced by the store module with a temporary one, and its notice is shown.
    """
    from gp_tool.storage.store import CaseStore  # noqa: PLC0415
    from gp_tool.ui.autosave import StoreDraftSink  # noqa: PLC0415
    from gp_tool.ui.drafts import FileDraftSink  # noqa: PLC0415
    from gp_tool.ui.i18n import active  # noqa: PLC0415

    result = CaseStore.open()
    window.attach_store(
        result.store, StoreDraftSink(result.store, demo_sink=FileDraftSink()), recover=recover
    )
    for notice in result.notices:
        window.statusBar().showMessage(notice.render(active().gettext), 20000)
    return result.store


def load_course_option(options: GuiOptions) -> tuple[str, Any] | None:
    """The course case to start on: the one ``--course NAME|FILE`` named (the command line read it),
    the first shipped one for a bare ``--course``, or None without the option (ProblemError: none)."""
    if options.course_case is not None:
        return options.course_case
    if options.course is None:
        return None
    from pathlib import Path  # noqa: PLC0415

    from gp_tool.storage.courses import course_names, load_course, read_course_file  # noqa: PLC0415

    names = course_names()
    if options.course == "":
        if not names:
            raise ProblemError([Problem("--course", "no_courses", N_("no course cases are installed"), {})])
        return names[0], load_course(names[0])
    if options.course in names:
        return options.course, load_course(options.course)
    return Path(options.course).stem, read_course_file(Path(options.course))


def run(options: GuiOptions, argv: list[str]) -> int:
    today = options.today or SystemClock().today()
    try:
        course = load_course_option(options)
        case, demo, path = load_start(options, today)
    except ProblemError as exc:
        tr = translator(options.language)
        for problem in exc.problems:
            print(problem.render(tr.gettext), file=sys.stderr)  # noqa: T201
        return 2
    app = application(argv)
    set_language(options.language)
    window = MainWindow(case, today=today, demo=demo, path=path)
    window.resize(1280, 800)
    if course is not None:  # --course: course mode on the course case (fictional patients only)
        window.start_course(*course)
    window.show()
    stores: list[Any] = []
    recover = options.demo is None and options.case_file is None and course is None
    window.first_painted.connect(lambda: stores.append(open_store(window, recover=recover)))
    if options.exit_when_ready:  # painted with its case, then the next idle turn of the loop
        window.confirm_close = False
        window.stop_after_paint = True  # the model, rules and store are not loaded: we only measure
        window.case_painted.connect(lambda: QTimer.singleShot(0, app.quit))
    code = app.exec()
    if options.exit_when_ready and options.ends_process:
        return code  # the process ends at once (gp_tool.app.entry): nothing was opened, nothing to close
    window.confirm_close = False
    window.close()
    window.deleteLater()
    # the event loop has ended, so deliver the deletion now (a closed window must not stay "active")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    for store in stores:
        store.mark_clean_shutdown()
        store.close()
    return code
