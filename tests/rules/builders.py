"""Build case files for rule scenarios the way a GP thinks of them: periods, notes, a patient.

Every case goes through ``parse_case`` (the real validation path of a case file). Dates are ISO
strings; the default case starts on Tuesday 2026-09-01, the start date of the domain brief's worked
examples (§7).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from stdnum.no import fodselsnummer

from gp_tool.domain.case import Case
from gp_tool.domain.casefile import parse_case
from gp_tool.rules import Evaluation, evaluate

START = dt.date(2026, 9, 1)  # a Tuesday


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def fnr(first_nine: str) -> str:
    """A fødselsnummer with valid check digits for the given first nine digits."""
    one = fodselsnummer.calc_check_digit1(first_nine)
    return first_nine + one + fodselsnummer.calc_check_digit2(first_nine + one)


def period(
    kind: str = "AKTIVITET_IKKE_MULIG", start: str = "2026-09-01", end: str = "2026-09-14", **extra: Any
) -> dict[str, Any]:
    return {"kind": kind, "from": start, "to": end, **extra}


def full(start: str, end: str, **extra: Any) -> dict[str, Any]:
    """100 % sick leave (aktivitet ikke mulig)."""
    return period("AKTIVITET_IKKE_MULIG", start, end, **extra)


def graded(start: str, end: str, grade: int | None = 50, **extra: Any) -> dict[str, Any]:
    return (
        period("GRADERT", start, end, grade=grade, **extra)
        if grade is not None
        else period("GRADERT", start, end, **extra)
    )


def awaiting(start: str, end: str, advice: str = "Kan jobbe med lette oppgaver uten løft.") -> dict[str, Any]:
    return period("AVVENTENDE", start, end, advice_to_employer=advice)


def treatment(start: str, end: str, days: int | None = 1) -> dict[str, Any]:
    return (
        period("BEHANDLINGSDAGER", start, end, treatment_days=days)
        if days is not None
        else period("BEHANDLINGSDAGER", start, end)
    )


def note(
    *periods: dict[str, Any],
    signed: str | None = None,
    diagnosis: tuple[str, str] | None = ("ICPC-2", "L03"),
    **extra: Any,
) -> dict[str, Any]:
    """A sick note; signed on its first day unless given."""
    first = min(p["from"] for p in periods) if periods else "2026-09-01"
    doc: dict[str, Any] = {
        "signed": signed or first,
        "main_diagnosis": None if diagnosis is None else {"system": diagnosis[0], "code": diagnosis[1]},
        "periods": list(periods),
    }
    doc.update(extra)
    return doc


def make_case(
    new: dict[str, Any],
    *earlier: dict[str, Any],
    birth: str = "1985-05-05",
    case_start: str | None = None,
    patient: dict[str, Any] | None = None,
    sykmelder: dict[str, Any] | None = None,
) -> Case:
    doc: dict[str, Any] = {
        "format": "gp-tool/case",
        "version": 1,
        "patient": patient if patient is not None else {"name": "Kari Nordmann", "birth_date": birth},
        "earlier_sick_notes": list(earlier),
        "sick_note": new,
    }
    if sykmelder is not None:
        doc["sykmelder"] = sykmelder
    if case_start is not None:
        doc["case_start"] = case_start
    return parse_case(json.dumps(doc))


def check(case: Case, today: str | dt.date | None = None) -> Evaluation:
    """Evaluate on ``today`` (default: the day the new note is signed)."""
    day = case.sick_note.signed if today is None else (d(today) if isinstance(today, str) else today)
    return evaluate(case, day)


def fired(evaluation: Evaluation) -> list[str]:
    """The rule ids that fired, in the order shown (severity, then catalogue order)."""
    return [f.rule for f in evaluation.findings]


class Scenario:
    """One row of a scenario table: what the GP does, which rule the row is about, what must be found.

    ``expected`` is the exact list of rule ids that must fire (order free); ``nav`` is the outcome NAV's
    receiving rules would reach.
    """

    __slots__ = ("about", "case", "expected", "name", "nav", "today")

    def __init__(
        self,
        name: str,
        about: str,
        case: Case,
        expected: tuple[str, ...] = (),
        nav: str = "OK",
        today: str | None = None,
    ) -> None:
        self.name = name
        self.about = about
        self.case = case
        self.expected = expected
        self.nav = nav
        self.today = today

    def run(self) -> Evaluation:
        return check(self.case, self.today)

    def verify(self) -> None:
        evaluation = self.run()
        assert sorted(fired(evaluation)) == sorted(self.expected), self.name
        assert evaluation.nav_outcome.value == self.nav, self.name


def rows(scenarios: list[Scenario]) -> list[Any]:
    import pytest

    return [pytest.param(s, id=s.name) for s in scenarios]
