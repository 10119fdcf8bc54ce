"""Builders for cases and stores used by the storage tests (fictional people, valid check digits)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from stdnum.no import fodselsnummer

from gp_tool.domain.case import Case
from gp_tool.domain.national_id import InvalidNationalIdError, validate_national_id
from gp_tool.storage.store import CaseStore

START = dt.date(2026, 9, 1)  # a Tuesday, the domain brief's example case start


def make_fnr(born: dt.date, first_individual: int = 123) -> str:
    """A valid fødselsnummer for someone born in 1900–1999 (individual numbers 000–499)."""
    for individual in range(first_individual, 500):
        base = f"{born:%d%m%y}{individual:03d}"
        try:
            d1 = fodselsnummer.calc_check_digit1(base)
            d2 = fodselsnummer.calc_check_digit2(base + d1)
            number = base + d1 + d2
            validate_national_id(number)
        except (InvalidNationalIdError, ValueError):
            continue
        return number
    raise AssertionError("no valid individual number")


def period(kind: str, start: dt.date, end: dt.date, **extra: Any) -> dict[str, Any]:
    return {"kind": kind, "from": start.isoformat(), "to": end.isoformat(), **extra}


def make_case(
    name: str = "Kari Nordmann",
    national_id: str = "",
    birth_date: dt.date | None = dt.date(1985, 5, 5),
    case_start: dt.date | None = START,
    periods: list[dict[str, Any]] | None = None,
    earlier: list[dict[str, Any]] | None = None,
    **sick_note: Any,
) -> Case:
    """A valid case; the new note is signed on its first period's start."""
    periods = periods or [period("AKTIVITET_IKKE_MULIG", START, START + dt.timedelta(days=13))]
    patient: dict[str, Any] = {"name": name, "national_id": national_id}
    if birth_date is not None:
        patient["birth_date"] = birth_date.isoformat()
    doc: dict[str, Any] = {
        "format": "gp-tool/case",
        "version": 1,
        "patient": patient,
        "earlier_sick_notes": earlier or [],
        "sick_note": {
            "signed": periods[0]["from"],
            "main_diagnosis": {"system": "ICPC-2", "code": "L03"},
            "periods": periods,
            **sick_note,
        },
    }
    if case_start is not None:
        doc["case_start"] = case_start.isoformat()
    return Case.model_validate_json(json.dumps(doc))


def note(periods: list[dict[str, Any]], **fields: Any) -> dict[str, Any]:
    """An earlier sick note signed on its first period's start."""
    return {"signed": periods[0]["from"], "main_diagnosis": {"system": "ICPC-2", "code": "L03"},
            "periods": periods, **fields}  # fmt: skip


class Clock:
    """A settable clock for ``now``: starts at 2026-11-20 10:00 UTC, ``tick`` moves it on."""

    def __init__(self, start: dt.datetime = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)) -> None:
        self.moment = start

    def __call__(self) -> dt.datetime:
        return self.moment

    def tick(self, **delta: float) -> dt.datetime:
        self.moment += dt.timedelta(**delta) if delta else dt.timedelta(seconds=1)
        return self.moment


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "profile" / "cases.sqlite3"


@pytest.fixture
def open_store(db_path: Path, clock: Clock) -> Iterator[Callable[..., CaseStore]]:
    """Open stores at ``db_path`` (no notices expected); all are closed cleanly at the end."""
    opened: list[CaseStore] = []

    def opener(**options: Any) -> CaseStore:
        options.setdefault("now", clock)
        result = CaseStore.open(options.pop("path", db_path), **options)
        assert result.notices == (), [n.render() for n in result.notices]
        opened.append(result.store)
        return result.store

    yield opener
    for store in opened:
        store.mark_clean_shutdown()
        store.close()


@pytest.fixture
def store(open_store: Callable[..., CaseStore]) -> CaseStore:
    return open_store()
