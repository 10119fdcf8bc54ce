"""The case store: every case the GP works on, kept in one SQLite file with a history of versions.

This module is the only one that touches the database (issue 7). The design, and why:

**File and durability.** ``cases.sqlite3`` in ``platformdirs.user_data_dir("gp-tool", appauthor=False)``
(a path can be given for tests and ``--temp-profile``). WAL journal with ``synchronous=FULL``: a
:meth:`CaseStore.save` returns only after its transaction is committed and the WAL is fsynced, so a
change acknowledged as saved survives a killed process and a power loss (tested by killing a writer
with SIGKILL, ``tests/storage/test_sigkill.py``). ``secure_delete`` is on and the WAL is checkpointed
and truncated after a deletion, so a deleted case does not linger in free pages or in the WAL.

**Permissions.** The folder is owner-only (0700) and the database, ``-wal`` and ``-shm`` files are
0600 (SQLite gives its side files the mode of the database). Existing permissions are only ever
narrowed, never widened: a folder the user made read-only stays read-only. On Windows the user
profile's ACL is relied on.

**Documents and versions.** A case is stored as its case-file text (contracts §2, ``dump_case``),
read back with ``parse_case`` (which migrates older case-file versions). Every save that changes the
document appends a version; the newest is the current case. Retention: the newest
:data:`KEEP_VERSIONS` versions of a case are kept, and of older ones the last version of each day
(so every consultation's final state stays for good while second-by-second autosaves are thinned).
``keep_versions=None`` keeps every version. A save identical to the current version adds nothing.

**Search and deadlines.** Name (as lower-case words), national id, birth date and year, case start and
the case's deadlines are columns: table ``due`` holds every milestone of the case's legal timeline
(``gp_tool.rules.timeline.build_timeline``, or dates the caller passes), indexed by date, so the list,
the search as you type and "due this week" are single indexed SQL queries.

**Privacy option.** With ``anonymise`` on, the stored document itself is anonymised (initials and
birth year only; see :mod:`gp_tool.storage.anonymise` for exactly what is lost), so are the columns,
and the earlier versions of that case that still held the name are deleted at once.

**Schema.** ``PRAGMA user_version`` numbers the schema; :data:`MIGRATIONS` upgrade it in order, each in
one transaction. A store written by a newer program is refused with a clear message and left
untouched. ``PRAGMA application_id`` marks the file as ours.

**Faults.** :meth:`CaseStore.open` never raises for a bad database: a damaged file (garbage, truncated,
failing ``quick_check``) or a database that is not ours is moved aside to
``cases.sqlite3.damaged-YYYYMMDD-HHMMSS`` (with its ``-wal``/``-shm``; never overwritten or deleted)
and a new store is started; a read-only file or folder gives a read-only store; a locked store or a
newer schema gives a temporary in-memory store. Each comes with a :class:`StoreNotice` to show.
Errors later on raise :class:`StoreError` with a stable code and a translatable message.

**Crash recovery.** Each running program records a session row and holds an OS lock on a small
``cases.sqlite3.session-ID.lock`` file. The next start finds sessions that were never closed and
whose lock is free (their process died) and reports the case last saved in them:
:meth:`CaseStore.unclean_shutdown`. A second window that is still running is not taken for a crash.

**Logging.** Only case ids (random), version numbers, counts and error codes are logged; never a
name, national id, birth date, search text or document.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import re
import shutil
import sqlite3
import stat
import sys
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import platformdirs

from gp_tool.domain.case import Case
from gp_tool.domain.casefile import dump_case, parse_case
from gp_tool.domain.national_id import InvalidNationalIdError, birth_date_of
from gp_tool.i18n.markers import N_
from gp_tool.rules.absence import case_start
from gp_tool.rules.timeline import build_timeline
from gp_tool.storage.anonymise import anonymise_case, birth_year
from gp_tool.storage.files import read_case_file, write_case_file

__all__ = [
    "APPLICATION_ID",
    "DB_NAME",
    "DUE_MILESTONES",
    "KEEP_VERSIONS",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "CaseQuery",
    "CaseStore",
    "CaseSummary",
    "Connector",
    "DueDate",
    "KeyBinding",
    "OpenResult",
    "RecoveryInfo",
    "SavedVersion",
    "StoreError",
    "StoreNotice",
    "StoredCase",
    "VersionInfo",
    "default_due_dates",
    "default_path",
    "week_of",
]

log = logging.getLogger(__name__)

DB_NAME: Final = "cases.sqlite3"
APPLICATION_ID: Final = 0x47505443  # "GPTC": this file is an Arbeidsfokus case store
SCHEMA_VERSION: Final = 1
KEEP_VERSIONS: Final = 50
"""Newest versions kept per case; older ones are thinned to the last one of each day."""
DEFAULT_BUSY_TIMEOUT_MS: Final = 3000
"""How long an operation waits for another connection's lock before reporting "locked"."""

Connector = Callable[[str], sqlite3.Connection]
"""Opens a SQLite URI (``file:…?mode=rw``). Injectable so tests can simulate what root cannot."""

# ----------------------------------------------------------------------------- schema

MIGRATIONS: Final[Mapping[int, tuple[str, ...]]] = {
    1: (
        f"PRAGMA application_id = {APPLICATION_ID}",
        """CREATE TABLE cases (
            id TEXT PRIMARY KEY NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            current_version INTEGER NOT NULL,
            archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
            anonymised INTEGER NOT NULL DEFAULT 0 CHECK (anonymised IN (0, 1)),
            display_name TEXT NOT NULL,
            name_key TEXT NOT NULL,
            national_id TEXT NOT NULL,
            birth_date TEXT,
            birth_year INTEGER,
            case_start TEXT
        )""",
        "CREATE INDEX cases_recent ON cases (archived, updated_at DESC)",
        "CREATE INDEX cases_national_id ON cases (national_id)",
        """CREATE TABLE versions (
            case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
            version INTEGER NOT NULL,
            saved_at TEXT NOT NULL,
            saved_day TEXT NOT NULL,
            anonymised INTEGER NOT NULL,
            document TEXT NOT NULL,
            PRIMARY KEY (case_id, version)
        )""",
        """CREATE TABLE due (
            case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
            milestone TEXT NOT NULL,
            date TEXT NOT NULL,
            PRIMARY KEY (case_id, milestone)
        ) WITHOUT ROWID""",
        "CREATE INDEX due_by_date ON due (date, case_id)",
        "CREATE INDEX due_by_case ON due (case_id, date)",
        """CREATE TABLE draft_keys (
            key TEXT PRIMARY KEY NOT NULL,
            case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
            step INTEGER NOT NULL DEFAULT 0,
            pending INTEGER NOT NULL DEFAULT 1 CHECK (pending IN (0, 1))
        )""",
        "CREATE INDEX draft_keys_case ON draft_keys (case_id)",
        """CREATE TABLE sessions (
            id TEXT PRIMARY KEY NOT NULL,
            opened_at TEXT NOT NULL,
            closed_at TEXT,
            crashed INTEGER NOT NULL DEFAULT 0,
            last_case_id TEXT,
            last_version INTEGER,
            last_saved_at TEXT
        )""",
    ),
}
"""Schema upgrades keyed by the version they produce; applied in order, each in one transaction."""

# ----------------------------------------------------------------------------- deadlines

DUE_MILESTONES: Final[tuple[str, ...]] = (
    "OPPFOLGINGSPLAN",
    "DIALOGMOTE_1",
    "AKTIVITETSKRAV",
    "UTDYPENDE_OPPLYSNINGER_UKE_17",
    "DIALOGMOTE_2",
)
"""The milestones (``gp_tool.rules.timeline`` ids) that the case list's "due this week" filter and
"next deadline" column look at: the follow-up plan, dialogue meetings 1 and 2, the 8-week point and
the week-17 questions. Every milestone of the timeline is stored; the list looks at these."""


def default_due_dates(case: Case) -> dict[str, dt.date]:
    """Every milestone date of the case's legal timeline (``gp_tool.rules.timeline.build_timeline``).

    The timeline is built as on the day the new note is signed, so the same case always gives the
    same dates. A rule that fails here must never stop a save: the case is then stored without
    deadlines (and the failure is logged without patient data).
    """
    try:
        timeline = build_timeline(case, case.sick_note.signed)
    except Exception as exc:  # a save must never be lost to a timeline bug
        log.warning("no deadlines stored: the timeline failed (%s)", type(exc).__name__)
        return {}
    return {milestone.id: milestone.date for milestone in timeline.milestones}


def week_of(start: dt.date, day: dt.date) -> int | None:
    """Week number of ``day`` in a case starting ``start`` (day 1 is in week 1); None before the start."""
    if day < start:
        return None
    return (day - start).days // 7 + 1


def default_path() -> Path:
    """``cases.sqlite3`` in the user data folder (``~/.local/share/gp-tool``, ``%LOCALAPPDATA%\\gp-tool``)."""
    return Path(platformdirs.user_data_dir("gp-tool", appauthor=False)) / DB_NAME


# ----------------------------------------------------------------------------- values


@dataclass(frozen=True)
class SavedVersion:
    """What :meth:`CaseStore.save` committed: the case, its current version and when."""

    case_id: str
    version: int
    saved_at: dt.datetime
    changed: bool = True
    """False when the document equalled the current version, so no version was added."""


@dataclass(frozen=True)
class StoredCase:
    case_id: str
    version: int
    saved_at: dt.datetime
    case: Case
    archived: bool
    anonymised: bool


@dataclass(frozen=True)
class VersionInfo:
    version: int
    saved_at: dt.datetime
    anonymised: bool


@dataclass(frozen=True)
class KeyBinding:
    """A draft key's case: which stored case, the window's step, and whether work is waiting in it."""

    case_id: str
    step: int
    pending: bool


@dataclass(frozen=True)
class DueDate:
    milestone: str
    date: dt.date


@dataclass(frozen=True)
class CaseSummary:
    """One row of the case list."""

    case_id: str
    display_name: str
    national_id: str
    birth_date: dt.date | None
    birth_year: int | None
    case_start: dt.date | None
    updated_at: dt.datetime
    archived: bool
    anonymised: bool
    due: DueDate | None
    """The first deadline in the query's due window, or else the next one from the query's ``today``."""


@dataclass(frozen=True)
class CaseQuery:
    """What the case list asks for. ``archived``: False active cases, True archived ones, None both."""

    text: str = ""
    due_from: dt.date | None = None
    due_to: dt.date | None = None
    archived: bool | None = False
    today: dt.date | None = None
    limit: int = 200
    offset: int = 0

    @staticmethod
    def due_this_week(today: dt.date, text: str = "") -> CaseQuery:
        """Cases with a deadline in the ISO week (Monday to Sunday) that holds ``today``."""
        monday = today - dt.timedelta(days=today.weekday())
        return CaseQuery(text=text, due_from=monday, due_to=monday + dt.timedelta(days=6), today=today)


@dataclass(frozen=True)
class RecoveryInfo:
    """A session that ended without :meth:`CaseStore.mark_clean_shutdown` (crash, kill, power loss)."""

    opened_at: dt.datetime
    case_id: str | None
    """The case saved last in that session (None when it saved nothing, or the case is gone)."""
    version: int | None
    saved_at: dt.datetime | None


@dataclass(frozen=True)
class StoreNotice:
    """Something the user must be told after opening the store; texts are English msgids."""

    code: str
    message: str
    params: Mapping[str, Any] = field(default_factory=dict)
    consequence: str = ""
    backup: Path | None = None

    def render(self, gettext: Callable[[str], str] | None = None) -> str:
        tr = gettext or (lambda text: text)
        text = tr(self.message).format(**self.params)
        return f"{text} {tr(self.consequence)}" if self.consequence else text


class StoreError(Exception):
    """A store operation failed; ``code`` is stable, ``message`` an English msgid with ``params``."""

    def __init__(self, code: str, message: str, **params: Any) -> None:
        super().__init__(message.format(**params))
        self.code = code
        self.message = message
        self.params: dict[str, Any] = params

    def render(self, gettext: Callable[[str], str] | None = None) -> str:
        template = gettext(self.message) if gettext is not None else self.message
        return template.format(**self.params)


@dataclass(frozen=True)
class OpenResult:
    store: CaseStore
    notices: tuple[StoreNotice, ...] = ()


# ----------------------------------------------------------------------------- messages

_CONSEQUENCE_FRESH: Final = N_("A new, empty case store has been started.")
_CONSEQUENCE_TEMPORARY: Final = N_(
    "Cases you work on now are kept only until you close the program; save them as case files to keep them."
)
_CONSEQUENCE_READ_ONLY: Final = N_(
    "You can open your cases, but changes are not stored; save them as case files to keep them."
)

_ERRORS: Final[Mapping[str, str]] = {
    "locked": N_(
        "The case store is locked by another program or another Arbeidsfokus window. "
        "Nothing was stored; try again in a moment."
    ),
    "read_only": N_("The case store can only be read. Nothing was stored."),
    "corrupt": N_(
        "The case store is damaged. Restart Arbeidsfokus: the damaged file is kept as a backup "
        "and a new store is started."
    ),
    "disk_full": N_("The disk is full. Nothing was stored."),
    "cannot_open": N_("The case store cannot be used ({reason})."),
    "io_error": N_("The case store could not be read or written ({reason})."),
    "database_error": N_("The case store could not be used ({reason})."),
    "not_found": N_("The case is no longer in the case store (it may have been deleted)."),
    "closed": N_("The case store has been closed."),
}


def _error(code: str, reason: str = "") -> StoreError:
    return StoreError(code, _ERRORS[code], reason=reason)


def _classify(exc: sqlite3.Error) -> str:
    name: str = getattr(exc, "sqlite_errorname", "") or ""
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return "locked"
    if name.startswith("SQLITE_READONLY"):
        return "read_only"
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return "corrupt"
    if name.startswith("SQLITE_FULL"):
        return "disk_full"
    if name.startswith(("SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")):
        return "cannot_open"
    if name.startswith("SQLITE_IOERR"):
        return "io_error"
    return "database_error"


def _store_error(exc: sqlite3.Error) -> StoreError:
    code = _classify(exc)
    log.warning("case store error: %s (%s)", code, getattr(exc, "sqlite_errorname", type(exc).__name__))
    return _error(code, str(exc))


# ----------------------------------------------------------------------------- helpers


def _now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def _moment(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


_WORD: Final = re.compile(r"[^\s\-‐.,;:]+")
_DATE_QUERY: Final = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


def _name_words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _name_key(name: str) -> str:
    """`` kari nordmann``: lower-case words each preceded by a space, for word-prefix search."""
    return "".join(f" {w}" for w in _name_words(name))


def _search_conditions(text: str) -> tuple[list[str], list[object]]:
    """SQL conditions (AND) for the search text: name word prefixes, national id prefix, birth date/year."""
    conds: list[str] = []
    params: list[object] = []
    stripped = text.strip()
    if not stripped:
        return conds, params
    compact = re.sub(r"[\s.]", "", stripped)
    # a national id typed with spaces or dots ("050585 12338") is one token
    tokens = [compact] if compact.isdigit() and not _DATE_QUERY.fullmatch(stripped) else stripped.split()
    for token in tokens:
        date = _DATE_QUERY.fullmatch(token)
        digits = token.replace(".", "")
        if date is not None:
            day, month, year = (int(g) for g in date.groups())
            try:
                born = dt.date(year, month, day)
            except ValueError:
                conds.append("0")
                continue
            conds.append("(c.birth_date = ? OR c.national_id GLOB ?)")
            params += [born.isoformat(), f"{born:%d%m%y}*"]
        elif digits.isdigit():
            if len(digits) == 4:
                conds.append("(c.national_id GLOB ? OR c.birth_year = ?)")
                params += [f"{digits}*", int(digits)]
            else:
                conds.append("c.national_id GLOB ?")
                params.append(f"{digits}*")
        else:
            for word in _name_words(token):
                conds.append("instr(c.name_key, ?) > 0")
                params.append(f" {word}")
    return conds, params


def _narrow_mode(path: Path, allowed: int) -> None:
    """Remove permission bits outside ``allowed`` (never add any); best effort, POSIX only."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & ~allowed:
            path.chmod(mode & allowed)


def _side_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def _default_connect(uri: str) -> sqlite3.Connection:
    return sqlite3.connect(uri, uri=True, isolation_level=None, timeout=0)


class _OpenError(Exception):
    def __init__(self, kind: str, reason: str = "", **params: Any) -> None:
        super().__init__(kind)
        self.kind = kind
        self.reason = reason
        self.params = params


# ----------------------------------------------------------------------------- session locks


class _SessionLock:
    """An OS lock on a small file, held while a session runs; freed by the OS when the process dies."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    @classmethod
    def try_acquire(cls, path: Path) -> _SessionLock | None:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            return None
        try:
            if sys.platform == "win32":
                import msvcrt  # noqa: PLC0415 - Windows only

                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl  # noqa: PLC0415 - POSIX only

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return None
        return cls(path, fd)

    def release(self, *, remove: bool) -> None:
        if self._fd is None:
            return
        if remove:  # unlink while still locked, so no other process can take over a half-removed file
            with contextlib.suppress(OSError):
                self.path.unlink()
        with contextlib.suppress(OSError):
            os.close(self._fd)
        self._fd = None


# ----------------------------------------------------------------------------- the store


class CaseStore:
    """The case store. Open it with :meth:`open` (files) or :meth:`in_memory` (tests, fallback).

    One instance uses one connection from one thread (the GUI thread). ``anonymise`` is the privacy
    option "store cases without name and fødselsnummer" and applies to every following save.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        *,
        path: Path | None,
        read_only: bool = False,
        anonymise: bool = False,
        keep_versions: int | None = KEEP_VERSIONS,
        now: Callable[[], dt.datetime] = _now_utc,
    ) -> None:
        self._conn: sqlite3.Connection | None = conn
        self.path = path
        self.read_only = read_only
        self.anonymise = anonymise
        self.keep_versions = keep_versions
        self._now = now
        self._session_id: str | None = None
        self._session_lock: _SessionLock | None = None
        self._recovery: RecoveryInfo | None = None

    # ------------------------------------------------------------------ opening

    @classmethod
    def in_memory(
        cls,
        *,
        anonymise: bool = False,
        keep_versions: int | None = KEEP_VERSIONS,
        now: Callable[[], dt.datetime] = _now_utc,
    ) -> CaseStore:
        """A store that lives until it is closed: nothing is written to disk."""
        conn = sqlite3.connect(":memory:", isolation_level=None)
        _configure(conn, DEFAULT_BUSY_TIMEOUT_MS, wal=False)
        _migrate(conn)
        return cls(conn, path=None, anonymise=anonymise, keep_versions=keep_versions, now=now)

    @classmethod
    def open(
        cls,
        path: Path | None = None,
        *,
        anonymise: bool = False,
        keep_versions: int | None = KEEP_VERSIONS,
        busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
        check_integrity: bool = True,
        now: Callable[[], dt.datetime] = _now_utc,
        connect: Connector = _default_connect,
    ) -> OpenResult:
        """Open (or create) the store at ``path``; never raises for a bad database (see module doc)."""
        path = Path(path) if path is not None else default_path()
        options: dict[str, Any] = {"anonymise": anonymise, "keep_versions": keep_versions, "now": now}
        notices: list[StoreNotice] = []
        for attempt in range(2):
            try:
                store = cls._open_file(path, busy_timeout_ms, check_integrity, connect, options)
            except _OpenError as failure:
                log.warning("case store could not be opened: %s", failure.kind)
                if failure.kind in ("corrupt", "not_ours") and attempt == 0:
                    notice = _move_aside(path, failure, now())
                    notices.append(notice)
                    if notice.backup is not None:
                        continue  # moved aside: start a fresh store at the same path
                    return OpenResult(cls.in_memory(**options), tuple(notices))
                notices.append(_failure_notice(path, failure))
                return OpenResult(cls.in_memory(**options), tuple(notices))
            if store.read_only:
                notices.append(
                    StoreNotice(
                        "read_only",
                        N_("The case store {path} can only be read (no permission to write there)."),
                        {"path": path},
                        _CONSEQUENCE_READ_ONLY,
                    )
                )
            return OpenResult(store, tuple(notices))
        raise AssertionError("unreachable")  # pragma: no cover

    @classmethod
    def _open_file(
        cls,
        path: Path,
        busy_timeout_ms: int,
        check_integrity: bool,
        connect: Connector,
        options: dict[str, Any],
    ) -> CaseStore:
        folder = path.parent
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise _OpenError("cannot_create", exc.strerror or str(exc)) from None
        _narrow_mode(folder, 0o700)
        if not path.exists():
            try:
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            except FileExistsError:
                pass
            except OSError as exc:
                raise _OpenError("cannot_create", exc.strerror or str(exc)) from None
        _narrow_mode(path, 0o600)

        _check_header(path)

        # 1. Look before touching anything: a read-only connection never checkpoints, rewrites or
        #    deletes a file, so a damaged store (and its WAL) is moved aside exactly as it was found.
        checked = False
        try:
            conn = _connect(connect, path, "ro", busy_timeout_ms)
            try:
                _check_identity(conn)
                if check_integrity:
                    _quick_check(conn)
                    checked = True
            except sqlite3.Error as exc:
                raise _failure_from(exc) from None
            finally:
                conn.close()
        except _OpenError as failure:
            if failure.kind not in ("read_only", "cannot_open"):
                raise
            # not even readable this way (a read-only folder holding a WAL but no -shm): see below

        # 2. Open for writing; a file or folder that cannot be written gives a read-only store.
        conn = _connect(connect, path, "rw", busy_timeout_ms)
        try:
            try:
                version = _check_identity(conn)
                _configure(conn, busy_timeout_ms, wal=True)
                _write_probe(conn, version)
            except sqlite3.Error as exc:
                raise _failure_from(exc) from None
        except _OpenError as failure:
            conn.close()
            if failure.kind in ("read_only", "cannot_open"):
                return cls._open_read_only(
                    path, busy_timeout_ms, check_integrity and not checked, connect, options
                )
            raise
        try:
            if version < SCHEMA_VERSION:
                _migrate(conn)
            if check_integrity and not checked:
                _quick_check(conn)
            for side in _side_files(path):
                _narrow_mode(side, 0o600)
            store = cls(conn, path=path, **options)
            store._start_session()
        except sqlite3.Error as exc:
            conn.close()
            raise _failure_from(exc) from None
        except StoreError as exc:
            conn.close()
            if exc.code == "read_only":
                return cls._open_read_only(path, busy_timeout_ms, False, connect, options)
            raise _OpenError(exc.code, str(exc.params.get("reason", ""))) from None
        except _OpenError:
            conn.close()
            raise
        return store

    @classmethod
    def _open_read_only(
        cls,
        path: Path,
        busy_timeout_ms: int,
        check_integrity: bool,
        connect: Connector,
        options: dict[str, Any],
    ) -> CaseStore:
        failure = _OpenError("cannot_write")
        # mode=ro reads the WAL through its -shm; where even that cannot be created (a read-only folder
        # after a crash), immutable=1 reads the main file alone.
        for mode in ("ro", "immutable"):
            conn: sqlite3.Connection | None = None
            try:
                conn = _connect(connect, path, mode, busy_timeout_ms)
                try:
                    version = _check_identity(conn)
                    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
                    if version < SCHEMA_VERSION:
                        # an empty or older store cannot be set up or upgraded without writing
                        raise _OpenError("cannot_write")
                    if check_integrity:
                        _quick_check(conn)
                    conn.execute("SELECT count(*) FROM cases").fetchone()
                except sqlite3.Error as exc:
                    raise _failure_from(exc) from None
            except _OpenError as exc:
                if conn is not None:
                    conn.close()
                if exc.kind not in ("read_only", "cannot_open"):
                    raise
                failure = exc if exc.kind != "read_only" else failure
                continue
            return cls(conn, path=path, read_only=True, **options)
        raise failure

    # ------------------------------------------------------------------ sessions and recovery

    def _lock_path(self, session_id: str) -> Path:
        assert self.path is not None
        return self.path.with_name(f"{self.path.name}.session-{session_id}.lock")

    def _start_session(self) -> None:
        conn = self._connection()
        session_id = uuid.uuid4().hex
        lock = _SessionLock.try_acquire(self._lock_path(session_id))
        now = _iso(self._now())
        recovered: list[RecoveryInfo] = []
        with self._transaction():
            conn.execute("DELETE FROM sessions WHERE closed_at IS NOT NULL")
            rows = conn.execute(
                "SELECT id, opened_at, last_case_id, last_version, last_saved_at FROM sessions "
                "WHERE closed_at IS NULL"
            ).fetchall()
            for sid, opened, case_id, version, saved in rows:
                stale = _SessionLock.try_acquire(self._lock_path(sid))
                if stale is None:
                    continue  # its program is still running (another window)
                stale.release(remove=True)
                conn.execute("UPDATE sessions SET closed_at = ?, crashed = 1 WHERE id = ?", (now, sid))
                exists = (
                    case_id is not None
                    and conn.execute("SELECT 1 FROM cases WHERE id = ?", (case_id,)).fetchone()
                )
                recovered.append(
                    RecoveryInfo(
                        _moment(opened),
                        case_id if exists else None,
                        version if exists else None,
                        _moment(saved) if exists and saved else None,
                    )
                )
            conn.execute("INSERT INTO sessions (id, opened_at) VALUES (?, ?)", (session_id, now))
        self._session_id, self._session_lock = session_id, lock
        if recovered:
            with_case = [r for r in recovered if r.saved_at is not None]
            self._recovery = max(with_case, key=lambda r: r.saved_at or r.opened_at, default=recovered[0])
            log.info("unclean shutdown found: %d session(s)", len(recovered))

    def unclean_shutdown(self) -> RecoveryInfo | None:
        """The session that ended without a clean shutdown before this one, or None."""
        return self._recovery

    def mark_clean_shutdown(self) -> None:
        """Record that this session ended normally (call on quit, after the last save)."""
        if self._session_id is None or self._conn is None:
            return
        try:
            with self._transaction():
                self._conn.execute(
                    "UPDATE sessions SET closed_at = ? WHERE id = ?", (_iso(self._now()), self._session_id)
                )
        except StoreError:
            return  # the next start will report an unclean shutdown, which is the safe side
        if self._session_lock is not None:
            self._session_lock.release(remove=True)
        self._session_id, self._session_lock = None, None

    def close(self) -> None:
        """Close the connection (without marking a clean shutdown; call that first if it was one)."""
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn = None
        if self._session_lock is not None:
            self._session_lock.release(remove=False)
            self._session_lock = None

    # ------------------------------------------------------------------ properties

    @property
    def persistent(self) -> bool:
        """False for an in-memory store: its cases vanish when the program closes."""
        return self.path is not None

    @property
    def writable(self) -> bool:
        return not self.read_only

    # ------------------------------------------------------------------ writing

    def save(
        self,
        case: Case,
        *,
        case_id: str | None = None,
        due_dates: Mapping[str, dt.date] | None = None,
        anonymise: bool | None = None,
        key: str | None = None,
        step: int = 0,
    ) -> SavedVersion:
        """Store ``case`` as the new current version of ``case_id`` (a new case when None).

        Returns after the transaction is committed and synced to disk. ``due_dates`` defaults to
        :func:`default_due_dates`. ``anonymise`` defaults to the store's option. Saving an archived case
        brings it back to the active list. A ``case_id`` not in the store is created with that id.
        ``key`` (with the window's ``step``) binds a draft key (where the case came from, e.g. a case
        file) to the case in the same transaction: :meth:`lookup_key` finds it again.
        """
        saved = self.save_many(
            [(case, case_id)], due_dates=due_dates, anonymise=anonymise, key=key, step=step
        )
        return saved[0]

    def save_many(
        self,
        items: Iterable[tuple[Case, str | None]],
        *,
        due_dates: Mapping[str, dt.date] | None = None,
        anonymise: bool | None = None,
        key: str | None = None,
        step: int = 0,
    ) -> list[SavedVersion]:
        """Save several cases in one transaction (imports, benchmarks): all or nothing."""
        self._check_writable()
        anon = self.anonymise if anonymise is None else anonymise
        prepared = [(self._prepare(case, anon, due_dates), case_id) for case, case_id in items]
        results: list[SavedVersion] = []
        with self._transaction() as conn:
            for row, case_id in prepared:
                results.append(self._write(conn, row, case_id))
            if results and key is not None:
                conn.execute(
                    "INSERT INTO draft_keys (key, case_id, step, pending) VALUES (?, ?, ?, 1) "
                    "ON CONFLICT (key) DO UPDATE SET case_id = excluded.case_id, step = excluded.step, pending = 1",
                    (key, results[-1].case_id, int(step)),
                )
            if results and self._session_id is not None:
                last = results[-1]
                conn.execute(
                    "UPDATE sessions SET last_case_id = ?, last_version = ?, last_saved_at = ? WHERE id = ?",
                    (last.case_id, last.version, _iso(last.saved_at), self._session_id),
                )
        for saved in results:
            log.debug("saved case %s version %d (changed: %s)", saved.case_id, saved.version, saved.changed)
        return results

    def _prepare(self, case: Case, anon: bool, due_dates: Mapping[str, dt.date] | None) -> _Row:
        due = dict(default_due_dates(case) if due_dates is None else due_dates)
        stored = anonymise_case(case) if anon else case
        born = stored.patient.birth_date
        if born is None and stored.patient.national_id:
            with contextlib.suppress(InvalidNationalIdError, ValueError):
                born = birth_date_of(stored.patient.national_id)
        return _Row(
            document=dump_case(stored),
            anonymised=anon,
            display_name=stored.patient.name,
            name_key=_name_key(stored.patient.name),
            national_id=stored.patient.national_id,
            birth_date=None if anon else born,
            birth_year=birth_year(stored),
            case_start=case_start(case),
            due=due,
        )

    def _write(self, conn: sqlite3.Connection, row: _Row, case_id: str | None) -> SavedVersion:
        now = self._now()
        stamp = _iso(now)
        current = None
        if case_id is not None:
            current = conn.execute(
                "SELECT c.current_version, v.document, c.anonymised FROM cases AS c "
                "LEFT JOIN versions AS v ON v.case_id = c.id AND v.version = c.current_version "
                "WHERE c.id = ?",
                (case_id,),
            ).fetchone()
        else:
            case_id = uuid.uuid4().hex
        facts = (
            row.display_name,
            row.name_key,
            row.national_id,
            row.birth_date.isoformat() if row.birth_date else None,
            row.birth_year,
            row.case_start.isoformat() if row.case_start else None,
            int(row.anonymised),
        )
        changed = True
        if current is None:
            version = 1
            conn.execute(
                "INSERT INTO cases (display_name, name_key, national_id, birth_date, birth_year, case_start, "
                "anonymised, id, created_at, updated_at, current_version) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (*facts, case_id, stamp, stamp, version),
            )
        else:
            previous, document, was_anonymised = current
            changed = document != row.document
            version = previous + 1 if changed else previous
            if changed:
                conn.execute(
                    "UPDATE cases SET display_name = ?, name_key = ?, national_id = ?, birth_date = ?, "
                    "birth_year = ?, case_start = ?, anonymised = ?, updated_at = ?, current_version = ?, "
                    "archived = 0 WHERE id = ?",
                    (*facts, stamp, version, case_id),
                )
            if row.anonymised and not was_anonymised:
                # the privacy option was switched on: older versions of this case still hold the name
                conn.execute("DELETE FROM versions WHERE case_id = ? AND anonymised = 0", (case_id,))
        if changed:
            conn.execute(
                "INSERT INTO versions (case_id, version, saved_at, saved_day, anonymised, document) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    case_id,
                    version,
                    stamp,
                    now.astimezone().date().isoformat(),
                    int(row.anonymised),
                    row.document,
                ),
            )
            self._prune(conn, case_id, version)
        conn.execute("DELETE FROM due WHERE case_id = ?", (case_id,))
        conn.executemany(
            "INSERT INTO due (case_id, milestone, date) VALUES (?, ?, ?)",
            [(case_id, milestone, day.isoformat()) for milestone, day in sorted(row.due.items())],
        )
        if not changed:
            saved_at = conn.execute(
                "SELECT saved_at FROM versions WHERE case_id = ? AND version = ?", (case_id, version)
            ).fetchone()
            return SavedVersion(case_id, version, _moment(saved_at[0]) if saved_at else now, changed=False)
        return SavedVersion(case_id, version, now.astimezone(dt.UTC))

    def _prune(self, conn: sqlite3.Connection, case_id: str, current: int) -> None:
        if self.keep_versions is None:
            return
        cutoff = current - max(1, self.keep_versions)
        if cutoff < 1:
            return
        conn.execute(
            "DELETE FROM versions WHERE case_id = ? AND version <= ? AND version NOT IN "
            "(SELECT max(version) FROM versions WHERE case_id = ? GROUP BY saved_day)",
            (case_id, cutoff, case_id),
        )

    def lookup_key(self, key: str) -> KeyBinding | None:
        """The case a draft ``key`` is bound to (by :meth:`save` or :meth:`bind_key`), or None."""
        row = self._fetch_one("SELECT case_id, step, pending FROM draft_keys WHERE key = ?", (key,))
        return KeyBinding(str(row[0]), int(row[1]), bool(row[2])) if row else None

    def bind_key(self, key: str, case_id: str, *, step: int = 0, pending: bool = False) -> None:
        """Bind a draft ``key`` to a stored case; ``pending`` marks work not yet saved elsewhere."""
        self._check_writable()
        with self._transaction() as conn:
            conn.execute(
                "INSERT INTO draft_keys (key, case_id, step, pending) VALUES (?, ?, ?, ?) ON CONFLICT (key) "
                "DO UPDATE SET case_id = excluded.case_id, step = excluded.step, pending = excluded.pending",
                (key, case_id, int(step), int(pending)),
            )

    def settle_key(self, key: str) -> None:
        """The work under ``key`` is safe elsewhere (saved to its file, or reverted): nothing to restore."""
        if self.read_only:
            return
        with self._transaction() as conn:
            conn.execute("UPDATE draft_keys SET pending = 0 WHERE key = ?", (key,))

    def unbind_key(self, key: str) -> None:
        """Forget a draft key (the case itself stays in the store)."""
        if self.read_only:
            return
        with self._transaction() as conn:
            conn.execute("DELETE FROM draft_keys WHERE key = ?", (key,))

    def archive(self, case_id: str, archived: bool = True) -> None:
        """Move a case to the archive (or back). Archived cases leave the recent list; nothing is lost."""
        self._check_writable()
        with self._transaction() as conn:
            cursor = conn.execute("UPDATE cases SET archived = ? WHERE id = ?", (int(archived), case_id))
            if cursor.rowcount == 0:
                raise _error("not_found")
        log.debug("case %s archived: %s", case_id, archived)

    def delete(self, case_id: str) -> None:
        """Delete a case and all its versions for good, and purge them from free pages and the WAL."""
        self._check_writable()
        with self._transaction() as conn:
            cursor = conn.execute("DELETE FROM cases WHERE id = ?", (case_id,))
            if cursor.rowcount == 0:
                raise _error("not_found")
        self._checkpoint()
        log.debug("case %s deleted", case_id)

    def _checkpoint(self) -> None:
        """Copy the WAL into the database and truncate it (best effort: a reader may hold it open)."""
        if self.path is None:
            return
        with contextlib.suppress(sqlite3.Error):
            self._connection().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()

    # ------------------------------------------------------------------ reading

    def load(self, case_id: str) -> StoredCase:
        """The current version of a case (``ProblemError`` if its document no longer parses)."""
        row = self._fetch_one(
            "SELECT v.version, v.saved_at, v.document, c.archived, c.anonymised FROM cases AS c "
            "JOIN versions AS v ON v.case_id = c.id AND v.version = c.current_version WHERE c.id = ?",
            (case_id,),
        )
        if row is None:
            raise _error("not_found")
        version, saved_at, document, archived, anonymised = row
        return StoredCase(
            case_id, version, _moment(saved_at), parse_case(document), bool(archived), bool(anonymised)
        )

    def load_version(self, case_id: str, version: int) -> StoredCase:
        row = self._fetch_one(
            "SELECT v.saved_at, v.document, c.archived, v.anonymised FROM versions AS v "
            "JOIN cases AS c ON c.id = v.case_id WHERE v.case_id = ? AND v.version = ?",
            (case_id, version),
        )
        if row is None:
            raise _error("not_found")
        saved_at, document, archived, anonymised = row
        return StoredCase(
            case_id, version, _moment(saved_at), parse_case(document), bool(archived), bool(anonymised)
        )

    def versions(self, case_id: str) -> list[VersionInfo]:
        """The kept versions of a case, newest first."""
        rows = self._fetch_all(
            "SELECT version, saved_at, anonymised FROM versions WHERE case_id = ? ORDER BY version DESC",
            (case_id,),
        )
        return [VersionInfo(v, _moment(s), bool(a)) for v, s, a in rows]

    def find(self, query: CaseQuery) -> list[CaseSummary]:
        """The case list: recent first, or with a due window, by the first deadline in it."""
        sql, params = self._select(query, count=False)
        return [_summary(row) for row in self._fetch_all(sql, params)]

    def count(self, query: CaseQuery) -> int:
        """How many cases match ``query`` (ignoring its limit and offset)."""
        sql, params = self._select(query, count=True)
        row = self._fetch_one(sql, params)
        return int(row[0]) if row else 0

    def recent(self, limit: int = 200, *, today: dt.date | None = None) -> list[CaseSummary]:
        return self.find(CaseQuery(limit=limit, today=today))

    def search(self, text: str, *, limit: int = 200, today: dt.date | None = None) -> list[CaseSummary]:
        return self.find(CaseQuery(text=text, limit=limit, today=today))

    def due_this_week(self, today: dt.date) -> list[CaseSummary]:
        return self.find(CaseQuery.due_this_week(today))

    def _select(self, query: CaseQuery, *, count: bool) -> tuple[str, list[object]]:
        # Only "?" placeholders and the fixed fragments below are formatted into the SQL; every value
        # (search words, dates, milestone ids) is a bound parameter.
        conds, params = _search_conditions(query.text)
        if query.archived is not None:
            conds.insert(0, "c.archived = ?")
            params.insert(0, int(query.archived))
        where = f"WHERE {' AND '.join(conds)}" if conds else ""
        marks = ", ".join("?" for _ in DUE_MILESTONES)
        columns = (
            "c.id, c.display_name, c.national_id, c.birth_date, c.birth_year, c.case_start, "
            "c.updated_at, c.archived, c.anonymised"
        )
        if query.due_from is not None or query.due_to is not None:
            window: list[object] = [
                (query.due_from or dt.date.min).isoformat(),
                (query.due_to or dt.date.max).isoformat(),
                *DUE_MILESTONES,
            ]
            source = (
                "(SELECT case_id, milestone, min(date) AS date FROM due WHERE date BETWEEN ? AND ? "  # noqa: S608
                f"AND milestone IN ({marks}) GROUP BY case_id) AS w JOIN cases AS c ON c.id = w.case_id"
            )
            if count:
                return "SELECT count(*) FROM " + source + " " + where, [*window, *params]  # noqa: S608
            sql = "SELECT " + columns + ", w.milestone, w.date FROM " + source + " " + where  # noqa: S608
            return sql + " ORDER BY w.date, c.updated_at DESC LIMIT ? OFFSET ?", [
                *window,
                *params,
                query.limit,
                query.offset,
            ]
        if count:
            return "SELECT count(*) FROM cases AS c " + where, params  # noqa: S608
        nxt = (
            "(SELECT d.{col} FROM due AS d WHERE d.case_id = c.id AND d.date >= ? "  # noqa: S608
            f"AND d.milestone IN ({marks}) ORDER BY d.date, d.milestone LIMIT 1)"
        )
        today = query.today.isoformat() if query.today else "9999-12-31"
        sql = "SELECT " + columns + ", " + nxt.format(col="milestone") + ", " + nxt.format(col="date")
        return sql + " FROM cases AS c " + where + " ORDER BY c.updated_at DESC LIMIT ? OFFSET ?", [
            today,
            *DUE_MILESTONES,
            today,
            *DUE_MILESTONES,
            *params,
            query.limit,
            query.offset,
        ]

    def current_documents(self, *, include_archived: bool = True) -> Iterator[tuple[str, bool, str]]:
        """(case id, archived, document text) of the current version of every case (self-audit)."""
        sql = (
            "SELECT c.id, c.archived, v.document FROM cases AS c "
            "JOIN versions AS v ON v.case_id = c.id AND v.version = c.current_version"
        )
        if not include_archived:
            sql += " WHERE c.archived = 0"
        for case_id, archived, document in self._fetch_all(sql + " ORDER BY c.id", ()):
            yield case_id, bool(archived), document

    def case_count(self) -> tuple[int, int]:
        """(all cases, archived cases)."""
        row = self._fetch_one("SELECT count(*), coalesce(sum(archived), 0) FROM cases", ())
        return (int(row[0]), int(row[1])) if row else (0, 0)

    def integrity_check(self) -> str:
        """``PRAGMA integrity_check``: ``"ok"`` for a sound database."""
        row = self._fetch_one("PRAGMA integrity_check", ())
        return str(row[0]) if row else ""

    # ------------------------------------------------------------------ case files (contracts §2)

    def import_case_file(self, path: Path, *, anonymise: bool | None = None) -> SavedVersion:
        """Read a case file (``ProblemError`` naming the field if it is bad) and store it as a new case."""
        self._check_writable()
        return self.save(read_case_file(path), anonymise=anonymise)

    def export_case_file(self, case_id: str, path: Path) -> None:
        """Write the current version of a case as a case file (atomic, owner-only)."""
        write_case_file(path, self.load(case_id).case)

    # ------------------------------------------------------------------ plumbing

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise _error("closed")
        return self._conn

    def _check_writable(self) -> None:
        if self.read_only:
            raise _error("read_only")

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        conn = self._connection()
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise _store_error(exc) from None
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException as exc:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise _store_error(exc) from None
            raise

    def _fetch_all(self, sql: str, params: Sequence[object]) -> list[Any]:
        try:
            return self._connection().execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise _store_error(exc) from None

    def _fetch_one(self, sql: str, params: Sequence[object]) -> Any:
        try:
            return self._connection().execute(sql, params).fetchone()
        except sqlite3.Error as exc:
            raise _store_error(exc) from None


@dataclass(frozen=True)
class _Row:
    document: str
    anonymised: bool
    display_name: str
    name_key: str
    national_id: str
    birth_date: dt.date | None
    birth_year: int | None
    case_start: dt.date | None
    due: dict[str, dt.date]


def _summary(row: Sequence[Any]) -> CaseSummary:
    case_id, name, nid, born, year, start, updated, archived, anonymised, milestone, due_date = row
    return CaseSummary(
        case_id=case_id,
        display_name=name,
        national_id=nid,
        birth_date=_day(born),
        birth_year=year,
        case_start=_day(start),
        updated_at=_moment(updated),
        archived=bool(archived),
        anonymised=bool(anonymised),
        due=DueDate(milestone, dt.date.fromisoformat(due_date)) if milestone and due_date else None,
    )


# ----------------------------------------------------------------------------- open helpers


def _connect(connect: Connector, path: Path, mode: str, busy_timeout_ms: int) -> sqlite3.Connection:
    """Connect with the busy timeout in force from the first statement on (a reader waits out another
    program's brief lock instead of reporting it)."""
    uri = path.absolute().as_uri() + ("?immutable=1" if mode == "immutable" else f"?mode={mode}")
    try:
        conn = connect(uri)
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    except sqlite3.Error as exc:
        raise _failure_from(exc) from None
    return conn


def _configure(conn: sqlite3.Connection, busy_timeout_ms: int, *, wal: bool) -> None:
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    if wal:
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()
        if mode is None or str(mode[0]).lower() != "wal":
            raise sqlite3.OperationalError("the database could not be switched to WAL mode")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA trusted_schema = OFF")


def _check_identity(conn: sqlite3.Connection) -> int:
    """The schema version; _OpenError for a database that is not ours, damaged, locked, or newer."""
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        tables = int(conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])
    except sqlite3.Error as exc:
        raise _failure_from(exc) from None
    if app_id not in (0, APPLICATION_ID) or (app_id == 0 and tables > 0):
        raise _OpenError("not_ours")
    if version > SCHEMA_VERSION:
        raise _OpenError("newer", found=version, supported=SCHEMA_VERSION)
    return version


def _migrate(conn: sqlite3.Connection, migrations: Mapping[int, Sequence[str]] = MIGRATIONS) -> None:
    """Apply the migrations after the current ``user_version`` in order, each in one transaction."""
    current = int(conn.execute("PRAGMA user_version").fetchone()[0])
    for target in sorted(v for v in migrations if v > current):
        if target != current + 1:
            raise sqlite3.DatabaseError(f"schema migration {current + 1} is missing")
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in migrations[target]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {int(target)}")
            conn.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise
        log.info("case store schema upgraded to %d", target)
        current = target


_SQLITE_MAGIC: Final = b"SQLite format 3\x00"


def _check_header(path: Path) -> None:
    """Judge the file by its header before SQLite touches it: SQLite would delete a WAL next to a file
    it cannot read, and even a read-only connection creates ``-shm``/``-wal`` files. A non-empty file
    without SQLite's magic is damaged; a schema version (``user_version``, bytes 60–63) above ours is
    refused. (A newer version recorded only in the WAL is caught by the read-only check after this.)"""
    try:
        with path.open("rb") as fh:
            head = fh.read(100)
    except OSError:
        return  # unreadable: the connection attempts report it
    if not head:
        return
    if not head.startswith(_SQLITE_MAGIC):
        raise _OpenError("corrupt", "header")
    if len(head) == 100:
        version = int.from_bytes(head[60:64], "big")
        if version > SCHEMA_VERSION:
            raise _OpenError("newer", found=version, supported=SCHEMA_VERSION)


def _write_probe(conn: sqlite3.Connection, version: int) -> None:
    """Raise SQLITE_READONLY now rather than at the first save (BEGIN alone succeeds in WAL mode)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(f"PRAGMA user_version = {int(version)}")
    finally:
        conn.execute("ROLLBACK")


def _quick_check(conn: sqlite3.Connection) -> None:
    rows = conn.execute("PRAGMA quick_check").fetchall()
    if [tuple(r) for r in rows] != [("ok",)]:
        raise _OpenError("corrupt", "quick_check")


def _failure_from(exc: sqlite3.Error) -> _OpenError:
    code = _classify(exc)
    kind = code if code in ("corrupt", "locked", "read_only") else "cannot_open"
    return _OpenError(kind, str(exc))


def _move_aside(path: Path, failure: _OpenError, now: dt.datetime) -> StoreNotice:
    """Rename the damaged database and its side files to ``….damaged-YYYYMMDD-HHMMSS``; never overwrite."""
    stamp = now.astimezone().strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while backup.exists() or any(s.exists() for s in _side_files(backup)):
        n += 1
        backup = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    message = (
        N_("The file {path} is not an Arbeidsfokus case store. It has been kept as {backup}.")
        if failure.kind == "not_ours"
        else N_("The case store {path} is damaged and could not be read. It has been kept as {backup}.")
    )
    try:
        path.rename(backup)
    except OSError as exc:
        log.warning("damaged case store could not be moved aside: %s", exc.errno)
        return StoreNotice(
            "damaged_not_moved",
            N_(
                "The case store {path} is damaged, and it could not be moved aside ({reason}). It has not been changed."
            ),
            {"path": path, "reason": exc.strerror or str(exc)},
            _CONSEQUENCE_TEMPORARY,
        )
    for side, target in zip(_side_files(path), _side_files(backup), strict=True):
        if side.exists():
            try:
                side.rename(target)
            except OSError:  # keep a copy at least; the original stays where it is
                with contextlib.suppress(OSError):
                    shutil.copy2(side, target)
    log.warning("damaged case store moved aside (%s)", failure.kind)
    return StoreNotice(
        "damaged" if failure.kind == "corrupt" else "not_ours",
        message,
        {"path": path, "backup": backup.name},
        _CONSEQUENCE_FRESH,
        backup=backup,
    )


def _failure_notice(path: Path, failure: _OpenError) -> StoreNotice:
    if failure.kind == "newer":
        return StoreNotice(
            "newer_schema",
            N_(
                "The case store {path} was written by a newer version of Arbeidsfokus (store version "
                "{found}; this version reads up to {supported}). It has not been changed; update the "
                "program to use it."
            ),
            {"path": path, **failure.params},
            _CONSEQUENCE_TEMPORARY,
        )
    if failure.kind == "locked":
        return StoreNotice(
            "locked",
            N_(
                "The case store {path} is locked by another program or another Arbeidsfokus window. "
                "It has not been changed."
            ),
            {"path": path},
            _CONSEQUENCE_TEMPORARY,
        )
    if failure.kind == "corrupt":  # damaged again right after a fresh start: do not loop
        return StoreNotice(
            "damaged_not_moved",
            N_(
                "The case store {path} is damaged, and it could not be moved aside ({reason}). It has not been changed."
            ),
            {"path": path, "reason": failure.reason},
            _CONSEQUENCE_TEMPORARY,
        )
    if failure.kind in ("cannot_write", "cannot_create"):
        return StoreNotice(
            "cannot_write",
            N_("The case store {path} cannot be created or written (no permission to write there)."),
            {"path": path},
            _CONSEQUENCE_TEMPORARY,
        )
    return StoreNotice(
        "cannot_open",
        N_("The case store {path} could not be opened or created ({reason})."),
        {"path": path, "reason": failure.reason or failure.kind},
        _CONSEQUENCE_TEMPORARY,
    )
