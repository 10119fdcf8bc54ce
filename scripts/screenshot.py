"""Render the consultation window offscreen to PNG files for the README and reviews.

    python scripts/screenshot.py                     # every step in nb, nn and en → docs/screenshots/
    python scripts/screenshot.py --lang nb --step 5  # one picture
    python scripts/screenshot.py --demo uke7-depresjon --dark --presenter --size 1920x1080

Files are named ``<demo>-<lang>-<step>-<key>[-dark][-presenter].png``. The demo case is loaded for a
fixed date, so the pictures do not change from day to day. Drafts go to a temporary folder, never to
the user's own data.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="gp-tool-screenshot-")

from PySide6.QtWidgets import QApplication

from gp_tool.storage.demo import DEFAULT_DEMO, demo_names, load_demo
from gp_tool.ui import palette
from gp_tool.ui.app_window import application
from gp_tool.ui.i18n import set_language
from gp_tool.ui.main_window import MainWindow
from gp_tool.ui.steps import STEPS

FIXED_TODAY = dt.date(2026, 11, 20)
ROOT = Path(__file__).resolve().parent.parent


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", choices=("nb", "nn", "en"), action="append")
    parser.add_argument("--step", type=int, choices=range(1, len(STEPS) + 1), action="append")
    parser.add_argument("--demo", default=DEFAULT_DEMO, choices=demo_names())
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--presenter", action="store_true")
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--course", help="a course case: course mode at its consultation --station")
    parser.add_argument("--station", type=int, default=1, help="consultation number (1 = first)")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.split("x"))
    languages = args.lang or ["nb", "nn", "en"]
    steps = args.step or list(range(1, len(STEPS) + 1))

    app = application()
    palette.force_dark(app, args.dark)
    window = MainWindow(load_demo(args.demo, FIXED_TODAY), today=FIXED_TODAY, demo=args.demo)
    window.confirm_close = False
    window.resize(width, height)
    window.show()
    window.run_analysis()
    if args.presenter:
        window.set_presenting(True)
    name = args.demo
    if args.course:
        window.open_course(args.course)
        window.set_today(window.course_session.course.stations[args.station - 1].date)
        window.run_analysis()
        name = f"course-{args.course}-{args.station}"
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = ("-dark" if args.dark else "") + ("-presenter" if args.presenter else "")
    for lang in languages:
        set_language(lang)
        for number in steps:
            window.go_to_step(number - 1, focus=True)
            settle()
            target = args.out / f"{name}-{lang}-{number}-{STEPS[number - 1].key}{suffix}.png"
            if not window.grab().save(str(target)):
                print(f"could not write {target}", file=sys.stderr)
                return 1
            print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
