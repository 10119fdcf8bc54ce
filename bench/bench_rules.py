"""Benchmark of gp_tool.rules: evaluating a 52-week case with 26 earlier sick notes.

Run as ``python bench/bench_rules.py``. Prints a markdown table; asserts nothing, because timings depend
on the machine. Target from the Rules issue: ``evaluate`` on this case under 5 ms (median, warm).

The case: absence from 2026-09-01, 26 earlier notes of 13 days each (100 % until week 8, then
graded, the week 7/17/39 answers given on time), and a new graded note to day 364 (week 52) signed three days
after its first day, so that every tree runs, the back-dating tree included, and the timeline,
maksdato and questions are computed over a whole year. The baseline, measured in the same run, is
validating the same case file with pydantic (``Case.model_validate_json``): the cheapest thing any
command does with a case, so the ratio shows what the rules cost on top of reading the file.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from gp_tool.domain.case import Case  # noqa: E402
from gp_tool.rules import build_timeline, evaluate  # noqa: E402

ROUNDS = 300
START = dt.date(2026, 9, 1)
TARGET_MS = 5.0


def _note(start: dt.date, days: int, kind: str, answers: dict[str, str] | None = None) -> dict[str, object]:
    end = start + dt.timedelta(days=days - 1)
    period: dict[str, object] = {"kind": kind, "from": start.isoformat(), "to": end.isoformat()}
    if kind == "GRADERT":
        period["grade"] = 50
    return {
        "signed": start.isoformat(),
        "main_diagnosis": {"system": "ICPC-2", "code": "L03"},
        "periods": [period],
        "answers": answers or {},
    }


def case_document() -> str:
    earlier = []
    for i in range(26):  # 26 notes of 13 days: days 1-338
        start = START + dt.timedelta(days=13 * i)
        answers: dict[str, str] = {}
        if i == 4:  # days 53-65 (weeks 8-10)
            answers = {"6.3.1": "Lumbago, bedring.", "6.3.2": "Smerter ved løft."}
        if i == 9:  # days 118-130 (weeks 17-19)
            answers = dict.fromkeys(("6.4.1", "6.4.2", "6.4.3", "6.4.4"), "Svar")
        if i == 21:  # days 274-286 (weeks 40-41)
            answers = dict.fromkeys(("6.5.1", "6.5.2", "6.5.3", "6.5.4"), "Svar")
        earlier.append(_note(start, 13, "AKTIVITET_IKKE_MULIG" if i < 5 else "GRADERT", answers))
    new_start = START + dt.timedelta(days=13 * 26)
    new = _note(new_start, 26, "GRADERT")  # days 339-364: the case reaches 52 weeks
    new["signed"] = (new_start + dt.timedelta(days=3)).isoformat()
    doc = {
        "format": "gp-tool/case",
        "version": 1,
        "patient": {"name": "Kari Nordmann", "birth_date": "1985-05-05"},
        "earlier_sick_notes": earlier,
        "sick_note": new,
    }
    return json.dumps(doc)


def _time(fn: Callable[[], object], rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples


def _stats(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def main() -> None:
    text = case_document()
    case = Case.model_validate_json(text)
    today = dt.date.fromisoformat(case.sick_note.signed.isoformat())
    first = _time(lambda: evaluate(case, today), 1)  # loads the ICPC-2 list and the parameter data
    result = evaluate(case, today)
    evaluation = _time(lambda: evaluate(case, today), ROUNDS)
    timeline = _time(lambda: build_timeline(case, today), ROUNDS)
    to_json = _time(lambda: result.to_json("nb"), ROUNDS)
    baseline = _time(lambda: Case.model_validate_json(text), ROUNDS)

    median, _ = _stats(evaluation)
    base_median, _ = _stats(baseline)
    print(
        f"Python {sys.version.split()[0]}; case: {len(case.earlier_sick_notes)} earlier notes, "
        f"{(case.sick_note.periods[-1].to - START).days + 1} days; {ROUNDS} rounds; "
        f"findings {[f.rule for f in result.findings]}, NAV {result.nav_outcome.value}\n"
    )
    print("| measurement | median ms | p95 ms | vs baseline (median) |")
    print("| --- | ---: | ---: | --- |")
    rows = [
        ("`evaluate(case, today)` (warm)", evaluation, f"{median / base_median:.1f}x"),
        ("`evaluate` first call in the process (loads code list and parameters)", first, ""),
        ("`build_timeline(case, today)`", timeline, ""),
        ("`Evaluation.to_json('nb')` (translation and formatting)", to_json, ""),
        ("baseline: `Case.model_validate_json` of the same file", baseline, "1x"),
    ]
    for name, samples, note in rows:
        med, p95 = _stats(samples)
        print(f"| {name} | {med:.2f} | {p95:.2f} | {note} |")
    verdict = "meets" if median < TARGET_MS else "MISSES"
    print(f"\nevaluate median {median:.2f} ms {verdict} the {TARGET_MS:.0f} ms target.")


if __name__ == "__main__":
    main()
