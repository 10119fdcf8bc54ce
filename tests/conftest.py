"""Shared test set-up: Qt offscreen before any QApplication exists; fixed dates; temp profiles."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")


import sqlite3
from collections.abc import Callable, Iterator
from typing import Any

import pytest


@pytest.fixture(autouse=True)
def private_config_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings (the practice's local services) go to a fresh folder, never the user's real one."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("xdg-config")))


class SqliteTracker:
    """Every connection made through ``sqlite3.connect`` while installed, kept until checked.

    Holding each connection means none is closed by the garbage collector behind the test's back: a
    connection left open is found on every Python (3.13 reports it only as a ResourceWarning, and only when
    it happens to be collected), and the test that opened it fails.
    """

    def __init__(self) -> None:
        self.opened: list[tuple[sqlite3.Connection, str]] = []
        self._real: Callable[..., sqlite3.Connection] = sqlite3.connect

    def connect(self, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = self._real(*args, **kwargs)
        self.opened.append((conn, str(args[0] if args else kwargs.get("database", "?"))))
        return conn

    def leaked(self) -> list[str]:
        """The databases of connections still open (and closes them, so one leak is reported once)."""
        names = []
        for conn, name in self.opened:
            try:
                conn.total_changes  # noqa: B018 (raises on a closed connection)
            except sqlite3.ProgrammingError:
                continue
            conn.close()
            names.append(name)
        self.opened.clear()
        return names


@pytest.fixture(autouse=True)
def sqlite_connections_closed(monkeypatch: pytest.MonkeyPatch) -> Iterator[SqliteTracker]:
    """Fails a test that leaves an SQLite connection open (the case store's included)."""
    tracker = SqliteTracker()
    monkeypatch.setattr(sqlite3, "connect", tracker.connect)
    yield tracker
    leaked = tracker.leaked()
    if leaked:
        pytest.fail(f"SQLite connection(s) left open by the test: {', '.join(leaked)}", pytrace=False)
