"""Legal parameters as dated data: ``gp_tool/resources/rules/parameters.json``, validated on load, cached.

Every number the rules use from the law or from NAV's engines (16 days, 8 weeks, 248 days, 20 %, ...)
lives in that file with its legal reference, its source, the date it was last checked and the dates
from which each value applies (style habit 1, after OpenFisca's parameters). Unlike OpenFisca, the
metadata is validated: unknown keys, a missing source, an unknown law, an impossible date, values out
of date order, or a ``last_checked`` before the first ``valid_from`` are refused with a message
naming the parameter.

Lookup is by day: :meth:`Parameter.at` returns the value whose ``valid_from`` is the latest on or
before that day. The tool does not model law older than its data; for a day before every
``valid_from`` the oldest known value applies (the data file's ``valid_from_policy`` says so).
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any, Final

from gp_tool.rules.legal import LegalRef

__all__ = [
    "PARAMETERS_LAST_CHECKED",
    "DatedValue",
    "Parameter",
    "ParameterDataError",
    "Parameters",
    "load_parameters",
    "parameters",
]

FORMAT_VERSION: Final = 1
UNITS: Final = frozenset({"days", "weeks", "months", "years", "percent", "words"})
_TOP_KEYS: Final = frozenset({"format", "description", "valid_from_policy", "release_note", "parameters"})
_PARAM_KEYS: Final = frozenset({"unit", "legal_ref", "source", "note", "last_checked", "values"})
_REQUIRED_PARAM_KEYS: Final = _PARAM_KEYS - {"note"}
_REF_KEYS: Final = frozenset({"law", "section", "ledd", "punktum"})
_VALUE_KEYS: Final = frozenset({"valid_from", "value"})

Value = int | tuple[int, ...]


class ParameterDataError(ValueError):
    """The parameter data file is malformed; the message names the parameter and field."""


@dataclass(frozen=True, slots=True)
class DatedValue:
    valid_from: dt.date
    value: Value


@dataclass(frozen=True, slots=True)
class Parameter:
    """One legal parameter: its dated values and where it comes from."""

    name: str
    unit: str
    legal_ref: LegalRef | None
    source: str
    last_checked: dt.date
    values: tuple[DatedValue, ...]
    note: str = ""

    def at(self, day: dt.date) -> Value:
        """The value applying on ``day`` (the oldest value for days before every ``valid_from``)."""
        chosen = self.values[0]
        for dated in self.values:
            if dated.valid_from <= day:
                chosen = dated
            else:
                break
        return chosen.value

    def int_at(self, day: dt.date) -> int:
        value = self.at(day)
        if not isinstance(value, int):
            raise TypeError(f"parameter {self.name} is a list, not a number")
        return value

    def ints_at(self, day: dt.date) -> tuple[int, ...]:
        value = self.at(day)
        if isinstance(value, int):
            raise TypeError(f"parameter {self.name} is a number, not a list")
        return value

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "unit": self.unit,
            "legal_ref": None if self.legal_ref is None else self.legal_ref.citation,
            "source": self.source,
            "note": self.note or None,
            "last_checked": self.last_checked.isoformat(),
            "values": [
                {
                    "valid_from": v.valid_from.isoformat(),
                    "value": list(v.value) if isinstance(v.value, tuple) else v.value,
                }
                for v in self.values
            ],
        }


@dataclass(frozen=True)
class Parameters(Mapping[str, Parameter]):
    """All parameters by name, in file order."""

    by_name: Mapping[str, Parameter]

    def __getitem__(self, name: str) -> Parameter:
        return self.by_name[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.by_name)

    def __len__(self) -> int:
        return len(self.by_name)

    def number(self, name: str, day: dt.date) -> int:
        return self.by_name[name].int_at(day)

    def numbers(self, name: str, day: dt.date) -> tuple[int, ...]:
        return self.by_name[name].ints_at(day)

    @property
    def last_checked(self) -> dt.date:
        """The latest ``last_checked`` over all parameters."""
        return max(p.last_checked for p in self.by_name.values())


def _fail(where: str, message: str) -> ParameterDataError:
    return ParameterDataError(f"{where}: {message}")


def _date(where: str, raw: object) -> dt.date:
    if not isinstance(raw, str) or len(raw) != 10:
        raise _fail(where, f"not an ISO date: {raw!r}")
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise _fail(where, f"not a valid date: {raw!r}") from None


def _keys(where: str, raw: object, allowed: frozenset[str], required: frozenset[str]) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise _fail(where, "must be an object")
    unknown = set(raw) - allowed
    if unknown:
        raise _fail(where, f"unknown key(s) {sorted(unknown)}")
    missing = required - set(raw)
    if missing:
        raise _fail(where, f"missing key(s) {sorted(missing)}")
    return raw


def _legal_ref(where: str, raw: object) -> LegalRef | None:
    if raw is None:
        return None
    ref = _keys(where, raw, _REF_KEYS, frozenset({"law", "section"}))
    try:
        return LegalRef(
            str(ref["law"]),
            str(ref["section"]),
            _opt_int(where, ref.get("ledd")),
            _opt_int(where, ref.get("punktum")),
        )
    except ValueError as exc:
        raise _fail(where, str(exc)) from None


def _opt_int(where: str, raw: object) -> int | None:
    if raw is None:
        return None
    if not isinstance(raw, int) or isinstance(raw, bool):
        raise _fail(where, f"not a whole number: {raw!r}")
    return raw


def _value(where: str, raw: object) -> Value:
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    if isinstance(raw, list) and raw and all(isinstance(v, int) and not isinstance(v, bool) for v in raw):
        return tuple(raw)
    raise _fail(where, f"a value is a whole number or a non-empty list of whole numbers, not {raw!r}")


def _parameter(name: str, raw: object) -> Parameter:
    where = f"parameters.{name}"
    spec = _keys(where, raw, _PARAM_KEYS, _REQUIRED_PARAM_KEYS)
    unit = spec["unit"]
    if unit not in UNITS:
        raise _fail(f"{where}.unit", f"unknown unit {unit!r}")
    source = spec["source"]
    if not isinstance(source, str) or not source.strip():
        raise _fail(f"{where}.source", "a source is required")
    note = spec.get("note", "")
    if not isinstance(note, str):
        raise _fail(f"{where}.note", "must be text")
    raw_values = spec["values"]
    if not isinstance(raw_values, list) or not raw_values:
        raise _fail(f"{where}.values", "at least one dated value is required")
    values: list[DatedValue] = []
    for i, item in enumerate(raw_values):
        vwhere = f"{where}.values[{i}]"
        entry = _keys(vwhere, item, _VALUE_KEYS, _VALUE_KEYS)
        values.append(
            DatedValue(_date(f"{vwhere}.valid_from", entry["valid_from"]), _value(vwhere, entry["value"]))
        )
    for earlier, later in itertools.pairwise(values):
        if later.valid_from <= earlier.valid_from:
            raise _fail(f"{where}.values", "valid_from dates must increase strictly")
    last_checked = _date(f"{where}.last_checked", spec["last_checked"])
    if last_checked < values[0].valid_from:
        raise _fail(f"{where}.last_checked", "cannot be before the first valid_from")
    return Parameter(
        name=name,
        unit=unit,
        legal_ref=_legal_ref(f"{where}.legal_ref", spec["legal_ref"]),
        source=source.strip(),
        last_checked=last_checked,
        values=tuple(values),
        note=note.strip(),
    )


def load_parameters(text: str) -> Parameters:
    """Parse and validate parameter data (the packaged file, or another one in tests)."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ParameterDataError(f"parameter data is not valid JSON: {exc}") from None
    top = _keys("parameter data", raw, _TOP_KEYS, frozenset({"format", "parameters"}))
    if top["format"] != FORMAT_VERSION:
        raise _fail("format", f"unsupported parameter data format {top['format']!r}")
    params = top["parameters"]
    if not isinstance(params, dict) or not params:
        raise _fail("parameters", "must be a non-empty object")
    return Parameters({name: _parameter(name, spec) for name, spec in params.items()})


@functools.cache
def parameters() -> Parameters:
    """The packaged parameters, read and validated once per process."""
    text = (resources.files("gp_tool") / "resources" / "rules" / "parameters.json").read_text(
        encoding="utf-8"
    )
    return load_parameters(text)


PARAMETERS_LAST_CHECKED: Final[dt.date] = parameters().last_checked
"""The latest ``last_checked`` date over the parameter data."""
