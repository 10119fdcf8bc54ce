"""Start-up benchmark: Arbeidsfokus vs a bare PySide6 window, measured side by side.

Runs, alternately, N cold starts of
  (a) ``python -c 'import PySide6.QtWidgets'`` (interpreter + Qt import),
  (b) a bare QApplication + QMainWindow with a few widgets, shown, quit when idle (tech.md §2 b),
  (c) ``python -m gp_tool --demo uke8-rygg --exit-when-ready`` (the real app with a case),
and reports the median wall time and median peak RSS of each, plus the ratios (c)/(b).
Offscreen Qt. Wall time includes process start; peak RSS comes from ``wait4`` (ru_maxrss).

Usage: python bench/bench_startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

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

COMMANDS = {
    "import PySide6.QtWidgets": [sys.executable, "-c", "import PySide6.QtWidgets"],
    "bare PySide6 window": [sys.executable, "-c", "import sys\n" + BARE_WINDOW],
    "gp-tool --demo --exit-when-ready": [
        sys.executable,
        "-m",
        "gp_tool",
        "--demo",
        "uke8-rygg",
        "--exit-when-ready",
    ],
}


def run_once(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(
            f"{cmd} failed with {proc.returncode}: {proc.stderr.read().decode()[:500] if proc.stderr else ''}"
        )
    return wall * 1000, usage.ru_maxrss / 1024  # ms, MB (Linux reports kB)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="qt.qpa.*=false")
    for cmd in COMMANDS.values():  # warm the page cache
        run_once(cmd, env)
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in COMMANDS}
    for _ in range(args.runs):
        for name, cmd in COMMANDS.items():  # interleaved, so machine noise hits all alike
            samples[name].append(run_once(cmd, env))
    med = {
        n: (statistics.median(s[0] for s in v), statistics.median(s[1] for s in v))
        for n, v in samples.items()
    }
    base = med["bare PySide6 window"]
    print(f"Start-up, offscreen, {args.runs} interleaved runs, medians (Python {sys.version.split()[0]})\n")
    print("| what | wall ms | peak RSS MB | wall ratio | RSS ratio |")
    print("|---|---:|---:|---:|---:|")
    for name, (wall, rss) in med.items():
        print(f"| {name} | {wall:.0f} | {rss:.0f} | {wall / base[0]:.2f}× | {rss / base[1]:.2f}× |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
