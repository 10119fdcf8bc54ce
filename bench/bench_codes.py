"""Benchmark of gp_tool.codes: first load of each list and type-ahead search latency.

Run as ``python bench/bench_codes.py``. Prints a markdown table; asserts nothing, because timings depend
on the machine. Targets from the task: search over ICPC-2 + ICPC-2B well under 10 ms median, over
ICD-10 under 20 ms, first load of each list under 150 ms.

The baseline, measured in the same run, is the naive search a first version would write: a linear scan
of ``query in text.lower()`` over the raw texts (no ranking, no synonyms, no AND), so the ratio shows
what the index buys over the cheapest possible scan.
"""

from __future__ import annotations

import gzip
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from gp_tool.codes import CodeLists, CodeSystem  # noqa: E402
from gp_tool.codes.lists import resource_dir  # noqa: E402

QUERIES = [
    "r", "ry", "ryg", "rygg", "ryggs", "L0", "L03", "depr", "depresjon", "angst", "M54", "M54.5",
    "skulder", "nakke", "nakkesmerter", "hodepine", "slapp", "trett", "utbrent", "utmattelse",
    "søvn", "kne", "korsrygg", "isjias", "lumbago", "stress", "sorg", "migrene", "hoste", "rygg smerte",
]  # fmt: skip
ROUNDS = 15
LOAD_ROUNDS = 7


def _stats(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def _time(fn: Callable[[], object], rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples


def _raw_texts(*names: str) -> list[str]:
    texts: list[str] = []
    for name in names:
        payload = json.loads(gzip.decompress((resource_dir() / name).read_bytes()))
        full = payload.get("texts_full") or [None] * len(payload["texts"])
        texts += [f or t for t, f in zip(payload["texts"], full, strict=True)]
    return texts


def _search_samples(lists: CodeLists, systems: tuple[CodeSystem, ...]) -> list[float]:
    samples: list[float] = []
    for query in QUERIES:
        samples += _time(lambda q=query: lists.search(q, systems=systems), ROUNDS)
    return samples


def _baseline_samples(texts: list[str]) -> list[float]:
    def scan(query: str) -> list[int]:
        q = query.lower()
        return [i for i, t in enumerate(texts) if q in t.lower()]

    samples: list[float] = []
    for query in QUERIES:
        samples += _time(lambda q=query: scan(q), ROUNDS)
    return samples


def _import_time() -> list[float]:
    code = "import time; t = time.perf_counter(); import gp_tool.codes; print(time.perf_counter() - t)"
    out = []
    for _ in range(5):
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
        )
        out.append(float(result.stdout))
    return out


def main() -> None:
    rows: list[tuple[str, list[float], str]] = []
    rows.append(
        ("`import gp_tool.codes` (fresh process, incl. pydantic via gp_tool.domain)", _import_time(), "")
    )
    for system in CodeSystem:
        samples = []
        for _ in range(LOAD_ROUNDS):
            fresh = CodeLists()
            samples += _time(lambda f=fresh, s=system: f.load(s), 1)
        rows.append((f"first load {system} (fresh CodeLists)", samples, ""))

    lists = CodeLists()
    lists.load()
    icpc = (CodeSystem.ICPC2, CodeSystem.ICPC2B)
    icd = (CodeSystem.ICD10,)
    base_icpc = _baseline_samples(_raw_texts("icpc2.json.gz", "icpc2b.json.gz"))
    base_icd = _baseline_samples(_raw_texts("icd10.json.gz"))
    search_icpc = _search_samples(lists, icpc)
    search_icd = _search_samples(lists, icd)
    ratio_icpc = statistics.median(base_icpc) / statistics.median(search_icpc)
    ratio_icd = statistics.median(base_icd) / statistics.median(search_icd)
    rows.append(
        (f"search ICPC-2 + ICPC-2B ({len(QUERIES)} queries)", search_icpc, f"{ratio_icpc:.1f}x faster")
    )
    rows.append(("baseline: naive `in` scan, ICPC-2 + ICPC-2B texts", base_icpc, "1x"))
    rows.append((f"search ICD-10 ({len(QUERIES)} queries)", search_icd, f"{ratio_icd:.1f}x faster"))
    rows.append(("baseline: naive `in` scan, ICD-10 texts", base_icd, "1x"))

    print(f"Python {sys.version.split()[0]}, {ROUNDS} rounds per query, {LOAD_ROUNDS} loads per list\n")
    print("| measurement | median ms | p95 ms | vs baseline (median) |")
    print("| --- | ---: | ---: | --- |")
    for name, samples, note in rows:
        median, p95 = _stats(samples)
        print(f"| {name} | {median:.2f} | {p95:.2f} | {note} |")
    sizes = {p.name: p.stat().st_size for p in Path(str(resource_dir())).iterdir() if p.is_file()}
    print(f"\nresources/codes: {sum(sizes.values()):,} bytes in {len(sizes)} files")


if __name__ == "__main__":
    main()
