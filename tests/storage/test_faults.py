"""Faults: a corrupt, foreign, newer, locked or read-only store gives a clear message, keeps the damaged
file, overwrites nothing, and still gives the app a store to start with (issue 7, "Must show")."""

from __future__ import annotations

import ctypes
import datetime as dt
import hashlib
import json
import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from gp_tool.i18n.catalog import translator
from gp_tool.storage.store import CaseStore, StoreError
from tests.storage.conftest import Clock, make_case

REPO = Path(__file__).resolve().parents[2]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def close(store: CaseStore) -> None:
    store.mark_clean_shutdown()
    store.close()


@pytest.fixture
def filled(db_path: Path, clock: Clock) -> Path:
    """A store with two cases, closed cleanly (WAL checkpointed into the main file)."""
    store = CaseStore.open(db_path, now=clock).store
    store.save(make_case(name="Kari Nordmann"))
    store.save(make_case(name="Per Hansen"))
    close(store)
    return db_path


def backups(db_path: Path) -> list[Path]:
    """The moved-aside databases (their -wal and -shm files move along and are not listed)."""
    return sorted(
        p for p in db_path.parent.iterdir() if ".damaged-" in p.name and not p.name.endswith(("-wal", "-shm"))
    )


# ---------------------------------------------------------------------- damaged files


def test_a_file_of_garbage_is_kept_aside_and_a_new_store_starts(db_path: Path, clock: Clock) -> None:
    db_path.parent.mkdir(parents=True)
    garbage = bytes(range(256)) * 64
    db_path.write_bytes(garbage)
    result = CaseStore.open(db_path, now=clock)
    assert [n.code for n in result.notices] == ["damaged"]
    notice = result.notices[0]
    assert notice.backup == db_path.with_name("cases.sqlite3.damaged-20261120-100000")
    assert notice.backup.read_bytes() == garbage  # kept, byte for byte
    store = result.store
    assert (store.persistent, store.read_only, store.path) == (True, False, db_path)
    saved = store.save(make_case())
    assert store.load(saved.case_id).version == 1
    assert notice.render() == (
        f"The case store {db_path} is damaged and could not be read. It has been kept as "
        "cases.sqlite3.damaged-20261120-100000. A new, empty case store has been started."
    )
    nb = notice.render(translator("nb").gettext)
    assert "cases.sqlite3.damaged-20261120-100000" in nb
    assert nb != notice.render()
    close(store)


def test_a_truncated_file_is_detected_and_kept(db_path: Path, clock: Clock) -> None:
    store = CaseStore.open(db_path, now=clock).store
    store.save_many([(make_case(name=f"Person {i}", message_to_nav="x" * 3000), None) for i in range(200)])
    close(store)
    data = db_path.read_bytes()
    truncated = data[: len(data) // 2]
    db_path.write_bytes(truncated)
    result = CaseStore.open(db_path, now=clock)
    assert [n.code for n in result.notices] == ["damaged"]
    assert backups(db_path) == [db_path.with_name("cases.sqlite3.damaged-20261120-100000")]
    assert backups(db_path)[0].read_bytes() == truncated
    assert result.store.recent() == []
    close(result.store)


def test_the_wal_of_a_damaged_store_moves_with_it(db_path: Path, clock: Clock) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"not a database" * 100)
    wal = db_path.with_name("cases.sqlite3-wal")
    wal.write_bytes(b"wal bytes")
    result = CaseStore.open(db_path, now=clock)
    assert [n.code for n in result.notices] == ["damaged"]
    assert db_path.with_name("cases.sqlite3.damaged-20261120-100000-wal").read_bytes() == b"wal bytes"
    close(result.store)


def test_a_second_damage_in_the_same_second_gets_its_own_backup_name(db_path: Path, clock: Clock) -> None:
    db_path.parent.mkdir(parents=True)
    names = []
    for content in (b"first garbage" * 200, b"second garbage" * 200):
        db_path.unlink(missing_ok=True)
        for side in db_path.parent.glob("cases.sqlite3-*"):
            side.unlink()
        db_path.write_bytes(content)
        result = CaseStore.open(db_path, now=clock)
        close(result.store)
        names.append(result.notices[0].backup)
    assert [p.name for p in names if p] == [
        "cases.sqlite3.damaged-20261120-100000",
        "cases.sqlite3.damaged-20261120-100000-2",
    ]
    assert names[0] is not None
    assert names[0].read_bytes() == b"first garbage" * 200


def test_a_database_that_is_not_ours_is_kept_aside(db_path: Path, clock: Clock) -> None:
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE music (title)")
    conn.commit()
    conn.close()
    before = digest(db_path)
    result = CaseStore.open(db_path, now=clock)
    assert [n.code for n in result.notices] == ["not_ours"]
    assert result.notices[0].backup is not None
    assert digest(result.notices[0].backup) == before
    assert result.store.persistent
    close(result.store)


def test_damage_that_cannot_be_moved_aside_leaves_the_file_alone(
    db_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"garbage" * 1000)
    before = digest(db_path)

    def refuse(self: Path, target: Path) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "rename", refuse)
    result = CaseStore.open(db_path, now=clock)
    assert [n.code for n in result.notices] == ["damaged_not_moved"]
    assert "Permission denied" in result.notices[0].render()
    assert digest(db_path) == before
    assert not result.store.persistent
    result.store.save(make_case())  # the app still works, for this session
    close(result.store)


# ---------------------------------------------------------------------- newer schema


def test_a_store_from_a_newer_program_is_refused_and_left_untouched(filled: Path, clock: Clock) -> None:
    conn = sqlite3.connect(filled)
    conn.execute("PRAGMA user_version = 7")
    conn.commit()
    conn.close()
    before = {p.name: digest(p) for p in filled.parent.iterdir()}
    result = CaseStore.open(filled, now=clock)
    assert [n.code for n in result.notices] == ["newer_schema"]
    assert result.notices[0].render() == (
        f"The case store {filled} was written by a newer version of Arbeidsfokus (store version 7; this "
        "version reads up to 1). It has not been changed; update the program to use it. Cases you work on "
        "now are kept only until you close the program; save them as case files to keep them."
    )
    store = result.store
    assert (store.persistent, store.recent()) == (False, [])
    store.save(make_case())
    close(store)
    assert {p.name: digest(p) for p in filled.parent.iterdir()} == before


# ---------------------------------------------------------------------- locked


@pytest.fixture
def exclusive_lock(filled: Path) -> Iterator[sqlite3.Connection]:
    """Another program holding an exclusive lock on the store."""
    conn = sqlite3.connect(filled, isolation_level=None)
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    conn.execute("BEGIN EXCLUSIVE")
    yield conn
    conn.execute("ROLLBACK")
    conn.close()


def test_a_locked_store_gives_a_temporary_store_and_a_message(
    filled: Path, clock: Clock, exclusive_lock: sqlite3.Connection
) -> None:
    before = digest(filled)
    result = CaseStore.open(filled, now=clock, busy_timeout_ms=50)
    assert [n.code for n in result.notices] == ["locked"]
    assert (
        result.notices[0]
        .render()
        .startswith(f"The case store {filled} is locked by another program or another Arbeidsfokus window.")
    )
    assert not result.store.persistent
    close(result.store)
    assert digest(filled) == before
    assert not backups(filled)


def test_the_store_opens_normally_once_the_lock_is_gone(filled: Path, clock: Clock) -> None:
    holder = sqlite3.connect(filled, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    while_locked = CaseStore.open(filled, busy_timeout_ms=50)
    assert [n.code for n in while_locked.notices] == ["locked"]
    close(while_locked.store)
    holder.execute("ROLLBACK")
    holder.close()
    result = CaseStore.open(filled, now=clock)
    assert result.notices == ()
    assert {s.display_name for s in result.store.recent()} == {"Kari Nordmann", "Per Hansen"}
    close(result.store)


def test_a_lock_taken_while_working_fails_the_save_clearly_and_the_next_save_succeeds(
    filled: Path, clock: Clock
) -> None:
    store = CaseStore.open(filled, now=clock, busy_timeout_ms=50).store
    other = sqlite3.connect(filled, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another writer holds the write lock
    with pytest.raises(StoreError) as err:
        store.save(make_case(name="Ola Nordmann"))
    assert err.value.code == "locked"
    assert err.value.render() == (
        "The case store is locked by another program or another Arbeidsfokus window. "
        "Nothing was stored; try again in a moment."
    )
    other.execute("ROLLBACK")
    other.close()
    saved = store.save(make_case(name="Ola Nordmann"))
    assert store.load(saved.case_id).case.patient.name == "Ola Nordmann"
    close(store)


# ---------------------------------------------------------------------- read-only


def query_only_for_writers(uri: str) -> sqlite3.Connection:
    """What SQLite does with a file it may not write, for root too: every write fails SQLITE_READONLY."""
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=0)
    if "mode=rw" in uri:
        conn.execute("PRAGMA query_only = ON")
    return conn


def test_a_read_only_store_can_be_read_but_refuses_changes(filled: Path, clock: Clock) -> None:
    before = digest(filled)
    result = CaseStore.open(filled, now=clock, connect=query_only_for_writers)
    assert [n.code for n in result.notices] == ["read_only"]
    assert result.notices[0].render() == (
        f"The case store {filled} can only be read (no permission to write there). You can open your "
        "cases, but changes are not stored; save them as case files to keep them."
    )
    store = result.store
    assert (store.read_only, store.persistent) == (True, True)
    cases = store.recent()
    assert {s.display_name for s in cases} == {"Kari Nordmann", "Per Hansen"}
    assert store.load(cases[0].case_id).case.patient.name == cases[0].display_name
    for action in (
        lambda: store.save(make_case()),
        lambda: store.archive(cases[0].case_id),
        lambda: store.delete(cases[0].case_id),
    ):
        with pytest.raises(StoreError) as err:
            action()
        assert err.value.code == "read_only"
        assert err.value.render() == "The case store can only be read. Nothing was stored."
    store.close()
    assert digest(filled) == before


def test_a_new_store_that_cannot_be_written_gives_a_temporary_store(db_path: Path, clock: Clock) -> None:
    result = CaseStore.open(db_path, now=clock, connect=query_only_for_writers)
    assert [n.code for n in result.notices] == ["cannot_write"]
    assert not result.store.persistent
    close(result.store)


def test_a_folder_that_cannot_be_created_gives_a_temporary_store(tmp_path: Path, clock: Clock) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("I am a file, not a folder")
    result = CaseStore.open(blocker / "profile" / "cases.sqlite3", now=clock)
    assert [n.code for n in result.notices] == ["cannot_write"]
    assert not result.store.persistent
    assert blocker.read_text() == "I am a file, not a folder"
    close(result.store)


# Real permissions. Root ignores them, so as root the probe runs in a child process whose bounding set
# lacks CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH: for it, a 0555 folder is read-only like for any user.

_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 1, 2


def _drop_dac_override() -> None:  # runs in the child between fork and exec
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def _unprivileged() -> Callable[[], None] | None:
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return None
    if not sys.platform.startswith("linux"):
        pytest.skip("as root, permissions can only be enforced on Linux (capabilities)")
    probe = subprocess.run(
        [sys.executable, "-c", "pass"], preexec_fn=_drop_dac_override, capture_output=True, check=False
    )  # raises SubprocessError when the capability cannot be dropped
    assert probe.returncode == 0
    return _drop_dac_override


def probe(path: Path) -> dict[str, object]:
    try:
        preexec = _unprivileged()
    except subprocess.SubprocessError:
        pytest.skip("running as root without CAP_SETPCAP: permissions cannot be enforced here")
    done = subprocess.run(
        [sys.executable, "-m", "tests.storage.open_probe", str(path)],
        cwd=REPO,
        preexec_fn=preexec,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report: dict[str, object] = json.loads(done.stdout)
    return report


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_real_read_only_folder_and_file_give_a_read_only_store(filled: Path) -> None:
    folder = filled.parent
    for lock in folder.glob("*.lock"):
        lock.unlink()
    filled.chmod(0o444)
    folder.chmod(0o555)
    try:
        before = {p.name: digest(p) for p in folder.iterdir()}
        report = probe(filled)
        after = {p.name: digest(p) for p in folder.iterdir()}
    finally:
        folder.chmod(0o700)
        filled.chmod(0o600)
    assert report["notices"] == ["read_only"]
    assert report["read_only"] is True
    assert sorted(report["names"]) == ["Kari Nordmann", "Per Hansen"]  # type: ignore[type-var]
    assert report["save"] == "read_only"
    assert after == before


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_real_read_only_folder_without_a_store_gives_a_temporary_store(tmp_path: Path) -> None:
    folder = tmp_path / "locked-profile"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        report = probe(folder / "cases.sqlite3")
        listing = list(folder.iterdir())
    finally:
        folder.chmod(0o700)
    assert report["notices"] == ["cannot_write"]
    assert report["persistent"] is False
    assert report["save"] == "ok"  # into the temporary store
    assert listing == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_real_read_only_file_in_a_writable_folder_gives_a_read_only_store(filled: Path) -> None:
    filled.chmod(0o444)
    try:
        before = digest(filled)
        report = probe(filled)
        after = digest(filled)
    finally:
        filled.chmod(0o600)
    assert report["notices"] == ["read_only"]
    assert report["save"] == "read_only"
    assert after == before


def test_backup_names_carry_the_local_time(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"x" * 5000)
    moment = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    result = CaseStore.open(db_path, now=lambda: moment)
    backup = result.notices[0].backup
    assert backup is not None
    assert re.fullmatch(r"cases\.sqlite3\.damaged-\d{8}-\d{6}", backup.name)
    assert backup.name == f"cases.sqlite3.damaged-{moment.astimezone():%Y%m%d-%H%M%S}"
    close(result.store)
