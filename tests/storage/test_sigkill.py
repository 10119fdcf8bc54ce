"""Kill a writer with SIGKILL in the middle of its edits, many times: every edit it acknowledged as saved
is in the store afterwards, the database passes ``PRAGMA integrity_check``, and the next start reports
the unclean shutdown with the case saved last (issue 7, "Must show")."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gp_tool.storage.store import CaseStore

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX; Windows has no equivalent signal"),
]

REPO = Path(__file__).resolve().parents[2]
ROUNDS = 30


def test_every_acknowledged_edit_survives_sigkill(tmp_path: Path) -> None:
    db = tmp_path / "profile" / "cases.sqlite3"
    rng = random.Random(20261120)  # fixed seed: a failure can be replayed
    acked: list[tuple[int, str, int]] = []
    next_edit = 1
    for round_no in range(ROUNDS):
        writer = subprocess.Popen(
            [sys.executable, "-m", "tests.storage.sigkill_writer", str(db), str(next_edit), "100000"],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "READY", writer.stderr.read() if writer.stderr else ""
        wanted = rng.randint(1, 40)
        lines: list[str] = []
        while len(lines) < wanted:
            line = writer.stdout.readline()
            assert line, f"writer ended early: {writer.stderr.read() if writer.stderr else ''}"
            lines.append(line)
        time.sleep(rng.uniform(0, 0.004))  # land anywhere in the next save, commit included
        os.kill(writer.pid, signal.SIGKILL)
        rest, _ = writer.communicate(timeout=30)
        assert writer.returncode == -signal.SIGKILL
        lines += rest.splitlines()
        this_round = [line.split() for line in lines if line.strip()]
        for word, n, case_id, version in this_round:
            assert word == "ACK"
            acked.append((int(n), case_id, int(version)))
        next_edit = acked[-1][0] + 1

        result = CaseStore.open(db, keep_versions=None)
        assert result.notices == (), f"round {round_no}: {[n.render() for n in result.notices]}"
        store = result.store
        try:
            assert store.integrity_check() == "ok"
            for n, case_id, version in acked:
                stored = store.load_version(case_id, version)
                assert stored.case.sick_note.message_to_nav == f"edit {n}", f"round {round_no}, edit {n}"
            last_n, last_case, last_version = acked[-1]
            current = store.load(last_case)
            # edits alternate between the two cases, so the save after the last ACK (which may have
            # committed before the kill, but never half) belongs to the other case
            assert current.version == last_version
            info = store.unclean_shutdown()
            assert info is not None
            assert info.case_id is not None
            assert info.version is not None
            if info.case_id == last_case:
                assert info.version == current.version
            else:  # one more save, of the other case, committed between the ACK and the kill
                other = store.load(info.case_id)
                assert other.version == info.version
                assert other.case.sick_note.message_to_nav == f"edit {last_n + 1}"
        finally:
            store.mark_clean_shutdown()
            store.close()
    assert len(acked) >= ROUNDS
