"""A writer for the SIGKILL test: saves edits as fast as it can and acknowledges each one.

Usage: python -m tests.storage.sigkill_writer DB FIRST COUNT

Edit ``n`` (from FIRST on) sets the new note's message to NAV to ``edit n`` in one of two cases, in
turn. After :meth:`CaseStore.save` returns, the writer prints ``ACK n CASE_ID VERSION`` and flushes:
from that moment the edit counts as saved, and the test checks it survives a SIGKILL at any point.
"""

from __future__ import annotations

import sys
from pathlib import Path

from gp_tool.storage.store import CaseStore
from tests.storage.conftest import make_case


def main(db: str, first: int, count: int) -> int:
    result = CaseStore.open(Path(db), keep_versions=None)
    assert result.notices == (), [n.render() for n in result.notices]
    store = result.store
    names = ("Kari Nordmann", "Per Hansen")
    ids: dict[str, str] = {s.display_name: s.case_id for s in store.recent()}
    print("READY", flush=True)
    for n in range(first, first + count):
        name = names[n % 2]
        saved = store.save(make_case(name=name, message_to_nav=f"edit {n}"), case_id=ids.get(name))
        ids[name] = saved.case_id
        print(f"ACK {n} {saved.case_id} {saved.version}", flush=True)
    store.mark_clean_shutdown()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
