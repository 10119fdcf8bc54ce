"""Render the consultation window offscreen to a PNG (default docs/screenshot.png).

    python scripts/screenshot.py [--out PATH] [--lang nb|nn|en] [--step 1-8] [--dark] [--size 1280x800]

The demo case is loaded for a fixed date so the picture does not change from day to day.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from PySide6.QtWidgets import QApplication

from gp_tool.storage.demo import DEFAULT_DEMO, load_demo
from gp_tool.ui import palette
from gp_tool.ui.app_window import application
from gp_tool.ui.i18n import set_language
from gp_tool.ui.main_window import MainWindow

FIXED_TODAY = dt.date(2026, 11, 20)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parent.parent / "docs" / "screenshot.png"
    )
    parser.add_argument("--lang", default="nb", choices=("nb", "nn", "en"))
    parser.add_argument("--step", type=int, default=1, choices=range(1, 9))
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--size", default="1280x800")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.split("x"))

    app = application()
    palette.apply(app, dark=args.dark)
    set_language(args.lang)
    window = MainWindow(load_demo(DEFAULT_DEMO, FIXED_TODAY), today=FIXED_TODAY, demo=DEFAULT_DEMO)
    window.confirm_close = False
    window.resize(width, height)
    window.show()
    window.go_to_step(args.step - 1)
    for _ in range(3):
        QApplication.processEvents()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(args.out)):
        print(f"could not write {args.out}", file=sys.stderr)
        return 1
    print(args.out)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
