"""Start-up benchmark: Arbeidsfokus vs a bare PySide6 window, measured side by side.

Runs, alternately, N cold starts of
  (a) ``python -c 'import PySide6.QtWidgets'`` (interpreter + Qt import),
  (b) a bare QApplication + QMainWindow with a few widgets, shown, quit when idle (tech.md §2 b),
  (b') the same bare window ending at once (``os._exit``) as ``gp-tool --exit-when-ready`` does, so
      that neither side pays interpreter shutdown: the like-for-like figure for start-up alone,
  (c) ``python -m gp_tool --demo uke8-rygg --exit-when-ready`` (the real app: it quits when the window
      has painted its first frame with the case: patient, week and day in the header, step 1 filled),
  (d) the same start-up in one process until the case model is validated and the rules' findings are on
      screen (``MainWindow.analysed``): everything a GP needs before the first edit,
and reports the median wall time, CPU time and peak RSS of each, plus the ratios to (b) and to (b'). Offscreen Qt.
Wall time includes process start; CPU time (user + system) and peak RSS come from ``wait4``. On a busy
machine the wall times of all lines grow and their ratio with them; CPU time shows the work itself.

Byte code and the message catalogues (``.mo``) are compiled first, as an installed app has them: the
environment may set PYTHONDONTWRITEBYTECODE, and then every edited module would be compiled again on
every start; a ``.po`` newer than its ``.mo`` is compiled in memory on every start (gp_tool.i18n.catalog).
The case store and drafts go to a temporary data folder.

``--breakdown`` also prints where the time and memory of one in-process start go.

Usage: python bench/bench_startup.py [--runs 15] [--breakdown]
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE_WINDOW = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (QApplication, QComboBox, QLabel, QLineEdit, QMainWindow, QPushButton,
                               QTableWidget, QVBoxLayout, QWidget)
app = QApplication([])
w = QMainWindow(); c = QWidget(); lay = QVBoxLayout(c)
for widget in (QLabel("Pasient"), QLineEdit(), QComboBox(), QTableWidget(3, 2), QPushButton("OK")):
    lay.addWidget(widget)
w.setCentralWidget(c); w.show()
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
"""

BARE_WINDOW_AT_ONCE = BARE_WINDOW.replace(
    "sys.exit(app.exec())", "code = app.exec(); sys.stdout.flush(); import os; os._exit(code)"
)
"""The bare window ending the way ``gp-tool --exit-when-ready`` does (``gp_tool.app.entry``): at once,
without interpreter shutdown; the like-for-like baseline for start-up alone."""

UNTIL_FINDINGS = """
import datetime as dt
from gp_tool.ui import GuiOptions
from gp_tool.ui.app_window import application, load_start
from gp_tool.ui.i18n import set_language
from gp_tool.ui.main_window import MainWindow
today = dt.date.today()
case, demo, path = load_start(GuiOptions(demo="uke8-rygg"), today)
app = application()
set_language("nb")
window = MainWindow(case, today=today, demo=demo)
window.resize(1280, 800)
window.analysed.connect(app.quit)
window.show()
sys.exit(app.exec())
"""

BREAKDOWN = """
import datetime as dt, resource, time
t0 = time.perf_counter()
def mark(what):
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{(time.perf_counter() - t0) * 1000:7.1f} ms {rss:6.1f} MB  {what}")
import PySide6.QtWidgets; mark("PySide6.QtWidgets")
import gp_tool.app; mark("gp_tool.app (command line, i18n)")
import gp_tool.ui.app_window; mark("gp_tool.ui (window modules)")
from gp_tool.ui import GuiOptions
from gp_tool.ui.app_window import application, load_start
case, demo, path = load_start(GuiOptions(demo="uke8-rygg"), dt.date.today()); mark("demo document read (a sketch)")
app = application(); mark("QApplication, palette")
from gp_tool.ui.i18n import set_language; set_language("nb"); mark("language")
from gp_tool.ui.main_window import MainWindow
window = MainWindow(case, today=dt.date.today(), demo=demo); mark("MainWindow built")
window.resize(1280, 800); window.show()
window.case_painted.connect(app.quit); app.exec(); mark("first frame painted with the case")
import sys; assert "pydantic" not in sys.modules, "pydantic before the first paint"
window.document.validate(); mark("case model validated (pydantic)")
window.run_analysis(); mark("rules, timeline, findings")
"""

COMMANDS = {
    "import PySide6.QtWidgets": [sys.executable, "-c", "import PySide6.QtWidgets"],
    "bare PySide6 window": [sys.executable, "-c", "import sys\n" + BARE_WINDOW],
    "bare PySide6 window, ending at once": [sys.executable, "-c", "import sys\n" + BARE_WINDOW_AT_ONCE],
    "gp-tool --demo --exit-when-ready": [
        sys.executable,
        "-m",
        "gp_tool",
        "--demo",
        "uke8-rygg",
        "--exit-when-ready",
    ],
    "… until the findings are shown": [sys.executable, "-c", "import sys\n" + UNTIL_FINDINGS],
}


def run_once(cmd: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(
            f"{cmd} failed with {proc.returncode}: {proc.stderr.read().decode()[:500] if proc.stderr else ''}"
        )
    cpu = usage.ru_utime + usage.ru_stime
    return wall * 1000, usage.ru_maxrss / 1024, cpu * 1000  # ms, MB (Linux reports kB), ms


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--breakdown", action="store_true")
    args = parser.parse_args()
    compileall.compile_dir(ROOT / "gp_tool", quiet=1)
    subprocess.run([sys.executable, "scripts/i18n.py", "compile"], cwd=ROOT, check=True, capture_output=True)
    data = tempfile.mkdtemp(prefix="gp-tool-bench-")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="qt.qpa.*=false", XDG_DATA_HOME=data)
    for cmd in COMMANDS.values():  # warm the page cache
        run_once(cmd, env)
    samples: dict[str, list[tuple[float, float, float]]] = {name: [] for name in COMMANDS}
    for _ in range(args.runs):
        for name, cmd in COMMANDS.items():  # interleaved, so machine noise hits all alike
            samples[name].append(run_once(cmd, env))
    med = {n: tuple(statistics.median(s[i] for s in v) for i in range(3)) for n, v in samples.items()}
    base = med["bare PySide6 window"]
    at_once = med["bare PySide6 window, ending at once"]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"Start-up, offscreen, {args.runs} interleaved runs, medians (Python {sys.version.split()[0]}, "
        f"{os.cpu_count()} CPUs, load {load:.1f})\n"
    )
    print(
        "| what | wall ms | CPU ms | peak RSS MB | wall ratio | CPU ratio | RSS ratio "
        "| wall ratio vs bare ending at once |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, (wall, rss, cpu) in med.items():
        print(
            f"| {name} | {wall:.0f} | {cpu:.0f} | {rss:.0f} | {wall / base[0]:.2f}× | {cpu / base[2]:.2f}× "
            f"| {rss / base[1]:.2f}× | {wall / at_once[0]:.2f}× |"
        )
    if args.breakdown:
        print("\nOne start in one process (cumulative time and peak RSS):\n")
        result = subprocess.run(
            [sys.executable, "-c", BREAKDOWN], env=env, capture_output=True, text=True, check=True, cwd=ROOT
        )
        print(result.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
