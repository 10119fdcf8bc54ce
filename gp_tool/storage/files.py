"""Read and write case files safely.

* Reading refuses a missing, unreadable, non-UTF-8 or oversized file with a :class:`ProblemError`
  naming ``file`` (never a traceback), then hands the text to the pure parser.
* Writing is atomic: a temporary file in the same folder, created owner-only (0600), flushed and
  fsynced, then renamed over the target; the folder is fsynced where the platform allows. A crash at
  any point leaves either the old file or the new one, never half of one.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Final

from gp_tool.domain.problems import Problem, ProblemError
from gp_tool.fileio import atomic_write_text
from gp_tool.i18n.markers import N_

if TYPE_CHECKING:  # the case model (pydantic) loads when a case is read or written, not on import
    from gp_tool.domain.case import Case

__all__ = ["MAX_FILE_BYTES", "atomic_write_text", "read_case_file", "read_text_file", "write_case_file"]

MAX_FILE_BYTES: Final = 64 * 1024 * 1024
"""Larger files are refused before parsing. A real case file is a few kilobytes."""


def _fail(code: str, message: str, **params: object) -> ProblemError:
    return ProblemError([Problem("file", code, message, params)])


def read_text_file(path: Path) -> str:
    """The UTF-8 text of ``path`` (a BOM is accepted), or a :class:`ProblemError` for ``file``."""
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise _fail("is_directory", N_("{path} is a folder, not a file"), path=path)
        if size > MAX_FILE_BYTES:
            raise _fail(
                "too_large",
                N_("{path} is too large ({size} MB); a case file is at most {limit} MB"),
                path=path,
                size=size // (1024 * 1024),
                limit=MAX_FILE_BYTES // (1024 * 1024),
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise _fail("not_found", N_("{path} does not exist"), path=path) from None
    except PermissionError:
        raise _fail("permission", N_("{path} cannot be read (permission denied)"), path=path) from None
    except OSError as exc:
        raise _fail(
            "os_error", N_("{path} cannot be read ({reason})"), path=path, reason=exc.strerror
        ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _fail(
            "not_utf8", N_("{path} is not UTF-8 text (byte {offset})"), path=path, offset=exc.start
        ) from None


def read_case_file(path: Path) -> Case:
    """Load and validate a case file."""
    from gp_tool.domain.casefile import parse_case  # noqa: PLC0415

    return parse_case(read_text_file(path))


def write_case_file(path: Path, case: Case) -> None:
    """Save ``case`` as a version-1 case file, atomically and owner-only."""
    from gp_tool.domain.casefile import dump_case  # noqa: PLC0415

    try:
        atomic_write_text(path, dump_case(case))
    except PermissionError:
        raise _fail("permission", N_("{path} cannot be written (permission denied)"), path=path) from None
    except OSError as exc:
        raise _fail(
            "os_error", N_("{path} cannot be written ({reason})"), path=path, reason=exc.strerror
        ) from None
