"""The practice's own local services: a list the GP keeps once and sees in every case (API D).

Municipal low-threshold services (Rask psykisk helsehjelp), the local physiotherapy institute, a
frisklivssentral or the occupational health service most patients' employers use are not in the
national catalogue (domain brief §5), yet they are what a GP refers to most. Each service has a
stable id ``local:<slug>``, valid as :attr:`gp_tool.domain.assessment.ReferralRecord.option`, so what
became of it is recorded in the case like any catalogue option.

The list lives in ``local-services.json`` in the user's configuration folder
(``platformdirs.user_config_dir("gp-tool")``: ``~/.config/gp-tool`` on Linux,
``%LOCALAPPDATA%\\gp-tool`` on Windows), written atomically and owner-only (0600). It holds no patient
data. A file that cannot be read or is not a valid list is refused with a :class:`ProblemError`
naming ``file`` (never a traceback); a missing file is an empty list.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Annotated, Final

from pydantic import BaseModel, ConfigDict, StringConstraints, TypeAdapter, ValidationError

from gp_tool.domain.base import LONG_TEXT_MAX, NAME_MAX, SHORT_TEXT_MAX
from gp_tool.domain.problems import Problem, ProblemError, problems_from_validation_error
from gp_tool.fileio import atomic_write_text
from gp_tool.i18n.markers import N_

__all__ = [
    "FILE_NAME",
    "ID_PREFIX",
    "MAX_SERVICES",
    "LocalService",
    "config_dir",
    "load",
    "make_id",
    "names",
    "remove",
    "save",
    "services_path",
    "upsert",
]

APP_NAME: Final = "gp-tool"
FILE_NAME: Final = "local-services.json"
ID_PREFIX: Final = "local:"
MAX_SERVICES: Final = 100
MAX_FILE_BYTES: Final = 1024 * 1024
_SLUG_MAX: Final = 80 - len(ID_PREFIX)  # ReferralRecord.option is at most 80 characters

ServiceId = Annotated[str, StringConstraints(pattern=r"^local:[a-z0-9_.-]{1,74}$", max_length=80)]


class LocalService(BaseModel):
    """One local service: a name, how to reach it, and what the GP should know."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True, use_attribute_docstrings=True)

    id: ServiceId
    """``local:<slug>``; stored as ``ReferralRecord.option`` when the GP records what became of it."""
    name: Annotated[str, StringConstraints(min_length=1, max_length=NAME_MAX, strip_whitespace=True)]
    """The service's name as the practice knows it."""
    contact: Annotated[str, StringConstraints(max_length=SHORT_TEXT_MAX)] = ""
    """Phone, address, e-mail or how to refer."""
    notes: Annotated[str, StringConstraints(max_length=LONG_TEXT_MAX)] = ""
    """Who it is for, waiting time, what to send."""


_LIST: Final = TypeAdapter(list[LocalService])


def _fail(code: str, message: str, **params: object) -> ProblemError:
    return ProblemError([Problem("file", code, message, params)])


def config_dir() -> Path:
    """The user's configuration folder for the tool (platformdirs; imported when first needed)."""
    from platformdirs import user_config_dir  # noqa: PLC0415  (not at start-up)

    return Path(user_config_dir(APP_NAME, appauthor=False))


def services_path(folder: Path | None = None) -> Path:
    """Where the list is kept: ``folder`` (tests) or the user's configuration folder."""
    return (folder if folder is not None else config_dir()) / FILE_NAME


def make_id(name: str, existing: Iterable[str] = ()) -> str:
    """A new id ``local:<slug>`` from ``name``, unique among ``existing`` ("Rask psykisk helsehjelp"
    → ``local:rask-psykisk-helsehjelp``; æ, ø and å become ae, o and a; a number is added on a clash)."""
    text = name.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")[: _SLUG_MAX - 4].strip("-") or "service"
    taken = set(existing)
    candidate, number = ID_PREFIX + slug, 2
    while candidate in taken:
        candidate = f"{ID_PREFIX}{slug}-{number}"
        number += 1
    return candidate


def load(path: Path | None = None) -> tuple[LocalService, ...]:
    """The saved services, in the order they were saved; () when there is no file yet."""
    target = path if path is not None else services_path()
    try:
        if target.stat().st_size > MAX_FILE_BYTES:
            raise _fail("too_large", N_("{path} is too large for a list of local services"), path=target)
        text = target.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return ()
    except UnicodeDecodeError:
        raise _fail("not_utf8", N_("{path} is not UTF-8 text"), path=target) from None
    except OSError as exc:
        raise _fail(
            "os_error", N_("{path} cannot be read ({reason})"), path=target, reason=exc.strerror
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _fail(
            "not_json", N_("{path} is not valid JSON (line {line})"), path=target, line=exc.lineno
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("services"), list):
        raise _fail("not_services", N_("{path} is not a list of local services"), path=target)
    try:
        services = _LIST.validate_python(data["services"])
    except ValidationError as exc:
        raise ProblemError(problems_from_validation_error(exc, prefix=("services",))) from None
    _check(services)
    return tuple(services)


def names(path: Path | None = None) -> tuple[tuple[str, str], ...]:
    """(id, name) of every saved service, for printing ``local:`` referrals by name; () when the file
    is missing or cannot be read (the notes then show the id's name part; the settings dialog reports
    the problem). Read again only when the file changes."""
    target = path if path is not None else services_path()
    try:
        info = target.stat()
    except OSError:
        return ()
    return _names(target, (info.st_mtime_ns, info.st_size))


@functools.lru_cache(maxsize=4)
def _names(target: Path, stamp: tuple[int, int]) -> tuple[tuple[str, str], ...]:
    del stamp  # part of the cache key: a saved change is read again
    try:
        return tuple((service.id, service.name) for service in load(target))
    except ProblemError:
        return ()


def _check(services: Sequence[LocalService]) -> None:
    if len(services) > MAX_SERVICES:
        raise _fail("too_many", N_("at most {limit} local services"), limit=MAX_SERVICES)
    seen: set[str] = set()
    for i, service in enumerate(services):
        if service.id in seen:
            raise ProblemError(
                [
                    Problem(
                        f"services[{i}].id", "duplicate", N_("the id {id} is used twice"), {"id": service.id}
                    )
                ]
            )
        seen.add(service.id)


def save(services: Sequence[LocalService], path: Path | None = None) -> Path:
    """Write the list atomically and owner-only (0600); the folder is created when missing."""
    _check(services)
    target = path if path is not None else services_path()
    document = {"version": 1, "services": [s.model_dump(mode="json") for s in services]}
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        atomic_write_text(target, text)
    except OSError as exc:
        raise _fail(
            "os_error", N_("{path} cannot be written ({reason})"), path=target, reason=exc.strerror
        ) from None
    return target


def upsert(services: Sequence[LocalService], service: LocalService) -> tuple[LocalService, ...]:
    """The list with ``service`` replacing the one with its id, or added at the end."""
    out = [service if s.id == service.id else s for s in services]
    if all(s.id != service.id for s in services):
        out.append(service)
    return tuple(out)


def remove(services: Sequence[LocalService], service_id: str) -> tuple[LocalService, ...]:
    """The list without the service ``service_id``."""
    return tuple(s for s in services if s.id != service_id)
