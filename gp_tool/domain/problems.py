"""Bad input as data: each problem names its field and carries a translatable message.

A :class:`Problem` holds an English message id (marked with ``N_`` so Babel extracts it) and its
parameters; the edge (command line, window) translates it. Field paths are the case-file paths of
contracts §1, e.g. ``sick_note.periods[0].from``; problems about the file as a whole use ``file``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import TYPE_CHECKING, Any, Final

from gp_tool.i18n.markers import N_

if TYPE_CHECKING:  # pydantic is not needed to describe a problem (the window's first paint)
    from pydantic import ValidationError

__all__ = ["Problem", "ProblemError", "field_path", "problems_from_validation_error"]

FILE: Final = "file"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: ``field``, a stable ``code``, and a message with parameters."""

    field: str
    code: str
    message: str
    params: Mapping[str, Any] = dc_field(default_factory=dict)

    def render(self, gettext: Callable[[str], str] | None = None) -> str:
        """``field: message`` translated with ``gettext`` (a callable), or in English without one."""
        template = gettext(self.message) if gettext is not None else self.message
        return f"{self.field}: {template.format(**self.params)}"


class ProblemError(Exception):
    """Raised with every structural problem found in one input (never only the first)."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("; ".join(p.render() for p in problems))
        self.problems: tuple[Problem, ...] = tuple(problems)


def field_path(loc: Iterable[int | str]) -> str:
    """``('sick_note', 'periods', 0, 'from')`` → ``sick_note.periods[0].from``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part == "[key]":
            continue
        else:
            out += f".{part}" if out else str(part)
    return out or FILE


def _shorten(value: Any, limit: int = 40) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# pydantic error type → our message id. Types not listed fall back to "not valid here".
_MESSAGES: Final[dict[str, str]] = {
    "missing": N_("required field is missing"),
    "extra_forbidden": N_("unknown field"),
    "date_parsing": N_("not a valid date (use YYYY-MM-DD, a day that exists)"),
    "date_type": N_("not a valid date (use YYYY-MM-DD, a day that exists)"),
    "date_from_datetime_parsing": N_("not a valid date (use YYYY-MM-DD, a day that exists)"),
    "date_from_datetime_inexact": N_("not a valid date (use YYYY-MM-DD, a day that exists)"),
    "int_type": N_("must be a whole number"),
    "int_parsing": N_("must be a whole number"),
    "int_from_float": N_("must be a whole number"),
    "float_type": N_("must be a number"),
    "bool_type": N_("must be true or false"),
    "string_type": N_("must be text"),
    "list_type": N_("must be a list"),
    "dict_type": N_("must be an object"),
    "model_type": N_("must be an object"),
    "model_attributes_type": N_("must be an object"),
    "enum": N_("unknown value “{value}”; allowed: {expected}"),
    "literal_error": N_("unknown value “{value}”; allowed: {expected}"),
    "string_too_long": N_("text is too long: {length} characters, at most {max_length}"),
    "too_long": N_("too many entries: at most {max_length}"),
    "string_too_short": N_("must not be empty"),
    "string_pattern_mismatch": N_("not in the expected form"),
    "greater_than_equal": N_("must be at least {ge}"),
    "less_than_equal": N_("must be at most {le}"),
    "national_id_length": N_("not a valid fødselsnummer or D-nummer: it must have 11 digits"),
    "national_id_format": N_("not a valid fødselsnummer or D-nummer: only digits are allowed"),
    "national_id_checksum": N_("not a valid fødselsnummer or D-nummer: the check digits are wrong"),
    "national_id_birth_date": N_(
        "not a valid fødselsnummer or D-nummer: the first six digits are not a date"
    ),
    "birth_date_required": N_("birth_date is required when national_id is empty"),
    "periods_empty": N_("at least one period is needed"),
    "screening_item_count": N_("{instrument} has {count} items, not {given}"),
    "screening_item_range": N_("answer {item} of {instrument} must be between {lowest} and {highest}"),
}
_FALLBACK: Final = N_("not a valid value here")


def _params(error: Mapping[str, Any]) -> dict[str, Any]:
    ctx = dict(error.get("ctx") or {})
    value = error.get("input")
    params: dict[str, Any] = {"value": _shorten(value)}
    if "expected" in ctx:
        params["expected"] = str(ctx["expected"]).replace("'", "")
    if error["type"] == "string_too_long":
        params["length"] = len(value) if isinstance(value, str) else "?"
        params["max_length"] = ctx.get("max_length", "?")
    elif "max_length" in ctx:
        params["max_length"] = ctx["max_length"]
    for key in ("instrument", "count", "given", "highest", "item", "lowest"):
        if key in ctx:
            params[key] = ctx[key]
    for key in ("ge", "le"):
        if key in ctx:
            params[key] = ctx[key]
    return params


def problems_from_validation_error(exc: ValidationError, prefix: Sequence[int | str] = ()) -> list[Problem]:
    """Turn pydantic's errors into problems, one per field, in document order."""
    problems: list[Problem] = []
    for error in exc.errors(include_url=False):
        message = _MESSAGES.get(error["type"], _FALLBACK)
        problems.append(Problem(field_path([*prefix, *error["loc"]]), error["type"], message, _params(error)))
    return problems
