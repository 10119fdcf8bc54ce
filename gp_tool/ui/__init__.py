"""The desktop window (PySide6). Only this package and ``gp_tool.app`` import Qt.

``gp_tool.app`` calls :func:`run_gui` and :func:`self_test`; both import Qt lazily, so importing this
package stays cheap for the command line.
"""

from __future__ import annotations

import datetime
import sys
from dataclasses import dataclass
from pathlib import Path

__all__ = ["GuiOptions", "run_gui", "self_test"]


@dataclass(frozen=True)
class GuiOptions:
    language: str = "nb"  # nb | nn | en
    demo: str | None = None  # demo case name, or None
    case_file: Path | None = None  # a case file to open, or None
    exit_when_ready: bool = False  # quit with 0 once the window is shown and the event loop is idle
    today: datetime.date | None = None  # None → gp_tool.clock.SystemClock().today()
    ends_process: bool = False  # with exit_when_ready: the caller ends the process at once, skip teardown
    course: str | None = None  # --course: None off; "" course mode on the first course case; NAME or FILE
    course_case: tuple[str, object] | None = None  # (name, CourseCase) as the command line read it


def run_gui(options: GuiOptions, argv: list[str] | None = None) -> int:
    """Open the consultation window and run the event loop; the exit code (2: the case did not load)."""
    from gp_tool.ui.app_window import run  # noqa: PLC0415  (Qt is imported only when the GUI runs)

    return run(options, sys.argv if argv is None else argv)


def self_test(workdir: Path) -> int:
    """Headless smoke run of the window; prints one line per check; 0 when all pass, else 1."""
    try:
        from gp_tool.ui.self_test import run_self_test  # noqa: PLC0415

        return run_self_test(workdir)
    except Exception as exc:  # never raise: the installer smoke test reads the exit code
        print(f"FAIL self-test could not start: {type(exc).__name__}: {exc}")  # noqa: T201
        return 1
