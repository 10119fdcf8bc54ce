"""Case file format: text ↔ :class:`~gp_tool.domain.case.Case`, with versioning and migrations.

Pure functions of their input (no disk: ``gp_tool.storage.files`` reads and writes). Rules:

* ``format`` must be ``"gp-tool/case"``;
* ``version`` newer than :data:`FORMAT_VERSION` is refused (never guessed at);
* older versions are upgraded step by step by the functions in :data:`MIGRATIONS`
  (``{n: upgrade from n to n + 1}``), each tested;
* every structural problem is reported, each naming its field (contracts §1).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from typing import Any, Final

from pydantic import ValidationError

from gp_tool.domain.case import FORMAT, FORMAT_VERSION, Case
from gp_tool.domain.problems import Problem, ProblemError, problems_from_validation_error
from gp_tool.i18n.markers import N_

__all__ = [
    "MIGRATIONS",
    "Migration",
    "dump_case",
    "load_case_document",
    "load_json_object",
    "parse_case",
    "validate_case_document",
]

Migration = Callable[[dict[str, Any]], dict[str, Any]]

MIGRATIONS: Final[Mapping[int, Migration]] = {
    # Version 1 is the first published format; upgrades from version n are added here as n: fn.
}
"""Upgrade functions keyed by the version they read; each returns a document of version n + 1."""

FIRST_VERSION: Final = 1


def _problem(field: str, code: str, message: str, **params: Any) -> ProblemError:
    return ProblemError([Problem(field, code, message, params)])


def load_json_object(text: str, not_object: str = N_("a case file must be a JSON object")) -> dict[str, Any]:
    """Parse ``text`` as one JSON object, or :class:`ProblemError` for ``file`` (empty, not JSON, too
    deep, not an object: ``not_object`` is the message for that); shared by case and course files."""
    if not text.strip():
        raise _problem("file", "empty", N_("the file is empty"))
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _problem(
            "file",
            "json_invalid",
            N_("not valid JSON (line {line}, column {column})"),
            line=exc.lineno,
            column=exc.colno,
        ) from None
    except RecursionError:
        raise _problem("file", "json_too_deep", N_("the JSON is nested too deeply")) from None
    if not isinstance(doc, dict):
        raise _problem("file", "not_object", not_object)
    return doc


def load_case_document(text: str) -> dict[str, Any]:
    """Parse JSON text into a case document of the current version (migrated), not yet validated."""
    doc = load_json_object(text)
    fmt = doc.get("format")
    if fmt != FORMAT:
        if fmt is None:
            raise _problem("format", "missing", N_("missing: this is not an Arbeidsfokus case file"))
        raise _problem(
            "format",
            "wrong_format",
            N_("expected “{expected}”, found “{found}”"),
            expected=FORMAT,
            found=str(fmt)[:40],
        )
    version = doc.get("version")
    if version is None:
        raise _problem("version", "missing", N_("required field is missing"))
    if isinstance(version, bool) or not isinstance(version, int):
        raise _problem("version", "int_type", N_("must be a whole number"))
    return migrate(doc, version)


def migrate(
    doc: dict[str, Any],
    version: int,
    migrations: Mapping[int, Migration] = MIGRATIONS,
    current: int = FORMAT_VERSION,
) -> dict[str, Any]:
    """Upgrade ``doc`` from ``version`` to ``current`` (refuse newer or unknown versions)."""
    if version > current:
        raise _problem(
            "version",
            "newer_version",
            N_(
                "the file has format version {found}, written by a newer Arbeidsfokus; "
                "this version reads up to {supported}. Update the program to open it"
            ),
            found=version,
            supported=current,
        )
    first = min([*migrations, current])
    if version < first:
        raise _problem(
            "version",
            "unknown_version",
            N_("format version {found} is not known (supported: {first}–{supported})"),
            found=version,
            first=first,
            supported=current,
        )
    while version < current:
        doc = migrations[version](dict(doc))
        version += 1
        doc["version"] = version
    return doc


def parse_case(text: str) -> Case:
    """Text of a case file → validated :class:`Case`, or :class:`ProblemError` listing every problem."""
    return validate_case_document(load_case_document(text))


def _json_default(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def validate_case_document(doc: Mapping[str, Any]) -> Case:
    """A case document (JSON values; dates as ISO text or ``date``) → :class:`Case`, or
    :class:`ProblemError` listing every problem, each naming its field."""
    try:
        text = json.dumps(doc, ensure_ascii=False, default=_json_default)
    except (TypeError, ValueError):
        raise _problem("file", "not_json", N_("the case holds a value that is not JSON")) from None
    try:
        # Validate from JSON so that dates must be ISO strings (strict mode) and nothing is coerced.
        return Case.model_validate_json(text)
    except ValidationError as exc:
        raise ProblemError(problems_from_validation_error(exc)) from None


def dump_case(case: Case) -> str:
    """A case as the text of a version-1 case file: UTF-8 JSON, two-space indent, trailing newline."""
    return json.dumps(case.to_json_dict(), ensure_ascii=False, indent=2) + "\n"
