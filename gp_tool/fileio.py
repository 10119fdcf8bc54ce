"""Atomic, owner-only file writes: the one implementation every writer of the app uses.

A temporary file in the same folder, created owner-only (``mkstemp`` makes it 0600), written,
flushed and fsynced, then renamed over the target (``os.replace`` is atomic on POSIX and Windows);
after that the folder itself is fsynced where the platform allows it, so the rename survives a power
loss. A failed write leaves the old file untouched and no temporary file behind.

It sits in the lowest layer, beside ``gp_tool.i18n`` and ``gp_tool.clock``, so that the storage, the
settings and the documents share it; import-linter keeps it out of ``domain``, ``codes`` and ``rules``,
which never touch disk.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

__all__ = ["atomic_write_bytes", "atomic_write_text", "sync_folder"]


def sync_folder(folder: Path) -> None:
    """fsync ``folder`` so that renames into it are durable (a no-op where folders cannot be opened)."""
    if hasattr(os, "O_DIRECTORY"):
        dir_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def atomic_write_bytes(path: Path, data: bytes, *, sync: bool = True) -> None:
    """Write ``data`` to ``path`` atomically with owner-only permissions.

    ``sync=False`` leaves the folder's fsync to the caller (one :func:`sync_folder` after a batch).
    """
    import tempfile  # noqa: PLC0415 (loaded on the first save, not before the window's first paint)

    path = Path(path)
    folder = path.parent if str(path.parent) else Path()
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    if sync:
        sync_folder(folder)


def atomic_write_text(path: Path, text: str, *, sync: bool = True) -> None:
    """Write ``text`` as UTF-8 with ``\\n`` line ends, atomically and owner-only."""
    atomic_write_bytes(path, text.encode("utf-8"), sync=sync)
