"""``gp-tool self-test``: build the window offscreen, walk every step and language, render the notes.

Contracts §1: build the main window, load a demo case, visit every step, render both notes to a
temporary folder, exit. One line per check; exit code 0 when every check passed.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Final

from gp_tool.clock import SystemClock
from gp_tool.i18n.catalog import LANGUAGES

__all__ = ["run_self_test"]

NORWEGIAN_LETTERS: Final = "æøåÆØÅ"


def _say(ok: bool, text: str) -> bool:
    print(f"{'ok  ' if ok else 'FAIL'} {text}")  # noqa: T201
    return ok


def run_self_test(workdir: Path) -> int:
    """Run every check, print one line per check, and return 0 if all pass (1 otherwise)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QFontMetrics  # noqa: PLC0415  (after the platform is chosen)

    from gp_tool.storage.demo import DEFAULT_DEMO, load_demo  # noqa: PLC0415
    from gp_tool.storage.files import read_case_file  # noqa: PLC0415
    from gp_tool.ui.app_window import application  # noqa: PLC0415
    from gp_tool.ui.i18n import language, set_language  # noqa: PLC0415
    from gp_tool.ui.main_window import MainWindow  # noqa: PLC0415
    from gp_tool.ui.steps import STEPS  # noqa: PLC0415

    app = application()
    previous_language = language()
    today = SystemClock().today()
    window: MainWindow | None = None
    results: list[bool] = []

    def check(text: str, test: Callable[[], bool]) -> None:
        try:
            results.append(_say(test(), text))
        except Exception as exc:
            results.append(_say(False, f"{text}: {type(exc).__name__}: {exc}"))

    try:
        window = MainWindow(load_demo(DEFAULT_DEMO, today), today=today, demo=DEFAULT_DEMO)
        window.confirm_close = False
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        results.append(_say(window.isVisible(), "window built"))
    except Exception as exc:
        results.append(_say(False, f"window built: {type(exc).__name__}: {exc}"))
        return 1
    win = window

    check(
        f"demo case {DEFAULT_DEMO} loaded",
        lambda: bool(win.document.case.patient.name) and win.document.demo == DEFAULT_DEMO,
    )

    def visit_steps() -> bool:
        for index in range(len(STEPS)):
            win.go_to_step(index, focus=True)
            app.processEvents()
            page = win.page(index)
            if win.stack.currentWidget() is not page or not page.isVisible():
                return False
        return True

    check(f"every step visited ({len(STEPS)})", visit_steps)

    def rules_ran() -> bool:
        win.run_analysis()
        evaluation = win.analysis.evaluation
        return evaluation is not None and not evaluation.error and win.analysis.timeline is not None

    check("rules evaluated and timeline drawn", rules_ran)

    def switch_languages() -> bool:
        for lang in (*LANGUAGES, previous_language):
            set_language(lang)
            app.processEvents()
            if not win.language_actions[lang].isChecked():
                return False
        return True

    check("languages switched (" + ", ".join(LANGUAGES) + ")", switch_languages)

    def render_notes() -> bool:
        from gp_tool.documents import write_notes  # noqa: PLC0415
        from gp_tool.ui.page_notes import note_context  # noqa: PLC0415

        folder = workdir / "notes"
        folder.mkdir(exist_ok=True)
        ctx = note_context(win.document.case, today, language(), course=True)
        write_notes(win.document.case, ctx, folder)
        return all((folder / name).stat().st_size > 0 for name in ("nav-note.pdf", "employer-note.pdf"))

    check("both notes rendered (nav-note.pdf, employer-note.pdf)", render_notes)

    def save_and_read_back() -> bool:
        target = workdir / "self-test-case.json"
        return win.save_to(target) and read_case_file(target) == win.document.case and not win.document.dirty

    check("case saved and read back equal", save_and_read_back)

    def course_mode() -> bool:
        from gp_tool.storage.courses import course_names  # noqa: PLC0415

        names = course_names()
        if not names or not win.open_course(names[0]):
            return False
        session = win.course_session
        for index, station in enumerate(session.course.stations):
            win.set_today(station.date)
            app.processEvents()
            if session.index != index or win.analysis.evaluation is None:
                return False
        handout = win.save_handout(workdir / "handout.pdf")
        presenting = win.presenting
        win.set_course_mode(False)  # presenter sizes are application-wide: back to normal
        return presenting and not win.presenting and handout is not None and handout.stat().st_size > 0

    check("course case stepped through every consultation, handout printed", course_mode)

    def font_covers_letters() -> bool:
        metrics = QFontMetrics(app.font())
        return all(metrics.inFontUcs4(ord(letter)) for letter in NORWEGIAN_LETTERS)

    check(f"font {app.font().family()!r} covers {NORWEGIAN_LETTERS}", font_covers_letters)

    win.close()
    win.deleteLater()
    app.processEvents()
    return 0 if all(results) else 1
