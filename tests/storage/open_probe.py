"""Open a case store and report what happened as one JSON line (run by test_faults.py in a subprocess).

Usage: python -m tests.storage.open_probe PATH

Used where the test must run without the privileges of the test process (root ignores file permissions,
so the test drops CAP_DAC_OVERRIDE for this process).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from gp_tool.storage.store import CaseStore, StoreError
from tests.storage.conftest import make_case


def main(path: str) -> int:
    result = CaseStore.open(Path(path), busy_timeout_ms=200)
    store = result.store
    report: dict[str, object] = {
        "notices": [n.code for n in result.notices],
        "texts": [n.render() for n in result.notices],
        "read_only": store.read_only,
        "persistent": store.persistent,
        "names": [s.display_name for s in store.recent()],
    }
    try:
        store.save(make_case(name="Written By Probe"))
        report["save"] = "ok"
    except StoreError as exc:
        report["save"] = exc.code
    store.mark_clean_shutdown()
    store.close()
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
