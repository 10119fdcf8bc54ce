"""Benchmark of the case store with 10,000 stored cases: opening the list and searching (issue 7).

Run as ``python bench/bench_store.py [--cases N]``. Builds a store of N fictional cases (random
Norwegian names, valid fødselsnumre for most, case starts over the past year, 1–4 sick notes each) in
a temporary folder, then times, as medians over repeated runs:

* opening the store (``CaseStore.open``: header check, read-only ``quick_check``, WAL set-up, session);
* the first page of the case list (``find`` + ``count``, as the list widget asks);
* search as you type over a set of queries (name prefixes, national-id prefixes, birth year, no match);
* "due this week";
* the same through the Qt widget (offscreen): building ``CaseListWidget`` with its first page, and one
  keystroke's refresh;
* the self-audit over all cases (no target; for information).

The baseline, measured in the same run on the same file, is a bare ``sqlite3`` connection running the
simplest query that could list or search (``ORDER BY updated_at DESC LIMIT 200``; ``LIKE '% word%'``).
Targets from the issue: opening the list and a search each under 200 ms. Prints a markdown table and
asserts nothing: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from stdnum.no import fodselsnummer  # noqa: E402

from gp_tool.domain.case import Case  # noqa: E402
from gp_tool.storage.audit import audit_store  # noqa: E402
from gp_tool.storage.store import CaseQuery, CaseStore  # noqa: E402

FIRST = ["Kari", "Ola", "Per", "Anne", "Ingrid", "Lars", "Nora", "Emil", "Sofie", "Jonas", "Åse", "Øystein",
         "Marit", "Knut", "Hilde", "Bjørn", "Liv", "Arne", "Siri", "Tor", "Eva", "Jan", "Randi", "Geir"]  # fmt: skip
LAST = ["Nordmann", "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
        "Jensen", "Karlsen", "Berg", "Haugen", "Hagen", "Bakken", "Sørensen", "Ødegård", "Ås", "Dahl", "Lie",
        "Moen", "Strand", "Solberg", "Eriksen", "Halvorsen", "Vik", "Myhre", "Lund"]  # fmt: skip
QUERIES = ["k", "ka", "kar", "kari", "kari n", "nord", "nordm", "hansen", "ødeg", "berg", "0", "05", "0505",
           "050585", "1985", "12.03.1971", "xyz", "sør"]  # fmt: skip
TODAY = dt.date(2026, 11, 20)
ROUNDS = 15


def fnr(rng: random.Random, born: dt.date) -> str:
    while True:
        base = f"{born:%d%m%y}{rng.randint(0, 499):03d}"
        d1 = fodselsnummer.calc_check_digit1(base)
        if len(d1) != 1:
            continue
        d2 = fodselsnummer.calc_check_digit2(base + d1)
        if len(d2) == 1:
            return base + d1 + d2


def make_cases(n: int, seed: int = 7) -> list[Case]:
    rng = random.Random(seed)
    kinds = ["AKTIVITET_IKKE_MULIG", "GRADERT"]
    cases = []
    for _ in range(n):
        born = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 49))
        start = TODAY - dt.timedelta(days=rng.randint(0, 365))
        notes = []
        day = start
        for _ in range(rng.randint(1, 4)):
            kind = rng.choice(kinds)
            end = day + dt.timedelta(days=rng.randint(6, 27))
            period = {"kind": kind, "from": day.isoformat(), "to": end.isoformat()}
            if kind == "GRADERT":
                period["grade"] = rng.choice([20, 40, 50, 60, 80])
            notes.append({"signed": day.isoformat(), "main_diagnosis": {"system": "ICPC-2", "code": "L03"},
                          "periods": [period], "message_to_nav": "Vurdert funksjon. " * rng.randint(1, 20)})  # fmt: skip
            day = end + dt.timedelta(days=1)
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        patient = {"name": name, "national_id": fnr(rng, born) if rng.random() < 0.7 else "",
                   "birth_date": born.isoformat()}  # fmt: skip
        doc = {"format": "gp-tool/case", "version": 1, "patient": patient, "case_start": start.isoformat(),
               "work": {"employer": "Bedriften AS", "occupation": "Fagarbeider", "position_percent": 100},
               "earlier_sick_notes": notes[:-1], "sick_note": notes[-1]}  # fmt: skip
        cases.append(Case.model_validate_json(json.dumps(doc)))
    return cases


def ticking_clock() -> Callable[[], dt.datetime]:
    moment = [dt.datetime(2025, 11, 20, 8, 0, tzinfo=dt.UTC)]

    def now() -> dt.datetime:
        moment[0] += dt.timedelta(seconds=3)
        return moment[0]

    return now


def timed(fn: Callable[[], object], rounds: int = ROUNDS) -> list[float]:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def med(samples: list[float]) -> float:
    return statistics.median(samples)


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gp-tool-bench-") as folder:
        path = Path(folder) / "profile" / "cases.sqlite3"
        t0 = time.perf_counter()
        cases = make_cases(args.cases)
        store = CaseStore.open(path, now=ticking_clock()).store
        for i in range(0, len(cases), 500):
            store.save_many([(case, None) for case in cases[i : i + 500]])
        store.mark_clean_shutdown()
        store.close()
        build_s = time.perf_counter() - t0
        size_mb = sum(p.stat().st_size for p in path.parent.iterdir()) / 1e6

        rows: list[tuple[str, list[float], list[float] | None]] = []

        def open_close() -> None:
            result = CaseStore.open(path)
            result.store.mark_clean_shutdown()
            result.store.close()

        rows.append(("open the store (CaseStore.open, incl. quick_check)", timed(open_close, 7), None))

        store = CaseStore.open(path).store
        bare = sqlite3.connect(path)

        def first_page() -> None:
            query = CaseQuery(limit=200, today=TODAY)
            if len(store.find(query)) >= 200:
                store.count(query)

        def bare_page() -> None:
            bare.execute(
                "SELECT id, display_name FROM cases WHERE archived = 0 ORDER BY updated_at DESC LIMIT 200"
            ).fetchall()

        rows.append(("first page of the list (find + count)", timed(first_page), timed(bare_page)))

        search: list[float] = []
        bare_search: list[float] = []
        for q in QUERIES:

            def one(q: str = q) -> None:
                query = CaseQuery(text=q, limit=200, today=TODAY)
                if len(store.find(query)) >= 200:
                    store.count(query)

            def bare_one(q: str = q) -> None:
                bare.execute(
                    "SELECT id, display_name FROM cases WHERE name_key LIKE ? ORDER BY updated_at DESC LIMIT 200",
                    (f"% {q.lower()}%",),
                ).fetchall()

            search += timed(one)
            bare_search += timed(bare_one)
        rows.append((f"search, {len(QUERIES)} queries (find + count)", search, bare_search))

        def due() -> None:
            store.find(CaseQuery.due_this_week(TODAY))

        rows.append(("due this week", timed(due), None))

        from PySide6.QtCore import qInstallMessageHandler
        from PySide6.QtWidgets import QApplication

        from gp_tool.ui.case_list import CaseListWidget

        qInstallMessageHandler(lambda *_args: None)  # the offscreen plugin's size-hint notices
        from gp_tool.ui.i18n import set_language

        app = QApplication.instance() or QApplication([])
        set_language("nb")

        def widget_open() -> None:
            widget = CaseListWidget(store, today=TODAY)
            widget.resize(1100, 700)
            widget.show()
            app.processEvents()
            widget.close()
            widget.deleteLater()

        rows.append(("list widget: build, first page, show (offscreen)", timed(widget_open, 7), None))
        widget = CaseListWidget(store, today=TODAY)
        widget.resize(1100, 700)
        widget.show()
        app.processEvents()
        keystrokes: list[float] = []
        for q in QUERIES:

            def type_query(q: str = q) -> None:
                widget.search.setText(q)
                app.processEvents()

            keystrokes += timed(lambda: (widget.search.clear(), type_query()), 5)
        rows.append(("list widget: one keystroke (query + model + paint)", keystrokes, None))
        rows.append(("self-audit over every case (information)", timed(lambda: audit_store(store), 3), None))
        widget.close()
        store.mark_clean_shutdown()
        store.close()
        bare.close()

    print(
        f"# Case store benchmark: {args.cases:,} cases ({size_mb:.1f} MB on disk, built in {build_s:.1f} s)\n"
    )
    print("| what | median ms | p95 ms | bare sqlite3 median ms | ratio | target |")
    print("|---|---:|---:|---:|---:|---|")
    for name, samples, baseline in rows:
        base = f"{med(baseline):.2f}" if baseline else "–"
        ratio = f"{med(samples) / med(baseline):.1f}×" if baseline and med(baseline) > 0 else "–"
        target = "" if "information" in name else ("✓ < 200 ms" if p95(samples) < 200 else "✗ ≥ 200 ms")
        print(f"| {name} | {med(samples):.2f} | {p95(samples):.2f} | {base} | {ratio} | {target} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
