"""Facts about a case that the header and pages show, computed from the case and ``today`` (no Qt)."""

from __future__ import annotations

import datetime as dt
import math
from typing import Final

from gp_tool.domain.case import Case, Period, PeriodKind
from gp_tool.domain.national_id import InvalidNationalIdError, birth_date_of
from gp_tool.i18n.markers import N_

__all__ = ["KIND_NAMES", "age_at", "birth_date", "case_start", "case_week_day", "period_days"]

KIND_NAMES: Final[dict[PeriodKind, str]] = {
    PeriodKind.AKTIVITET_IKKE_MULIG: N_("Full sick leave (no activity possible)"),
    PeriodKind.GRADERT: N_("Graded sick leave"),
    PeriodKind.AVVENTENDE: N_("Awaiting sick note"),
    PeriodKind.BEHANDLINGSDAGER: N_("Treatment days"),
    PeriodKind.REISETILSKUDD: N_("Travel grant"),
}


def case_start(case: Case) -> dt.date | None:
    """``case.case_start``, or else the earliest ``from`` over earlier notes and the new note.

    Provisional: without ``case_start``, NAV chains notes into one case only across gaps shorter than
    16 days (domain brief §3.3). That chaining belongs to ``gp_tool.rules`` (Rules issue, #3), which
    must replace this fallback; until then a case with a longer gap shows too early a start.
    """
    if case.case_start is not None:
        return case.case_start
    starts = [p.from_ for note in case.earlier_sick_notes for p in note.periods]
    starts += [p.from_ for p in case.sick_note.periods]
    return min(starts, default=None)


def case_week_day(case: Case, today: dt.date) -> tuple[int, int] | None:
    """(week, day) of ``today`` in the case: day 1 is the case start, week = ceil(day / 7).

    None when the case has no start or starts after ``today``.
    """
    start = case_start(case)
    if start is None or today < start:
        return None
    day = (today - start).days + 1
    return math.ceil(day / 7), day


def birth_date(case: Case) -> dt.date | None:
    """The birth date from the case, or else from the national id."""
    if case.patient.birth_date is not None:
        return case.patient.birth_date
    if case.patient.national_id:
        try:
            return birth_date_of(case.patient.national_id)
        except (InvalidNationalIdError, ValueError):
            return None
    return None


def age_at(born: dt.date, today: dt.date) -> int:
    """Whole years from ``born`` to ``today``."""
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def period_days(period: Period) -> int:
    """Length of an inclusive period in days."""
    return (period.to - period.from_).days + 1
