"""The one place for day arithmetic. Every convention is named, with the source that uses it.

Three ways of counting days occur in the sources, and mixing them up moves a boundary by one day
(domain brief §0, §3.4):

* **inclusive length** - ``inclusive_days(2026-09-01, 2026-09-16) == 16``: how the law counts
  calendar days ("16 kalenderdager") and how syk-inn counts question days;
* **``DAYS.between``** - ``days_between(2026-09-01, 2026-09-16) == 15``: Java's
  ``ChronoUnit.DAYS.between(fom, tom)`` = ``tom - fom``, which NAV's rule code compares with its
  limits (16, 30, 84, 365 ...);
* **weekdays** - Monday to Friday; public holidays are *not* skipped (helse-spleis ``Dato.kt``,
  ``Ukedager``), so no holiday calendar is needed.

"End of week N" of a case is ``start + 7N - 1`` (isaktivitetskrav ``Aktivitetskrav.kt``:
``tilfelleStart.plusWeeks(8).minusDays(1)``; the same convention is used for weeks 4, 7 and 26,
domain brief §0 [inference]). Month and year steps follow ``java.time`` (31 January + 1 month is the
last day of February; 29 February + 1 year is 28 February), because NAV's rules use them.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
import datetime as dt
from collections.abc import Iterator
from typing import Final

__all__ = [
    "add_weekdays",
    "age_at",
    "days",
    "days_between",
    "each_day",
    "end_of_week",
    "inclusive_days",
    "is_weekday",
    "last_weekday_before",
    "last_weekday_on_or_before",
    "nth_day",
    "plus_months",
    "plus_years",
    "started_weeks",
    "week_and_day",
    "weekdays_between",
    "weekdays_in",
    "weeks_between",
    "working_days_between",
]

_SATURDAY: Final = 5  # date.weekday(): Monday 0 ... Sunday 6
_ONE_DAY: Final = dt.timedelta(days=1)


def days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def days_between(start: dt.date, end: dt.date) -> int:
    """Java ``ChronoUnit.DAYS.between(start, end)``: ``end - start`` in days (negative if end is earlier)."""
    return (end - start).days


def inclusive_days(start: dt.date, end: dt.date) -> int:
    """Calendar days from ``start`` to ``end``, both counted: ``days_between + 1`` (0 or less if end < start)."""
    return (end - start).days + 1


def weeks_between(start: dt.date, end: dt.date) -> int:
    """Java ``ChronoUnit.WEEKS.between``: whole weeks, truncated toward zero."""
    d = (end - start).days
    return d // 7 if d >= 0 else -((-d) // 7)


def started_weeks(start: dt.date, end: dt.date) -> int:
    """Weeks started by an inclusive period: ``WEEKS.between(start, end) + 1`` (regulus-regula PeriodeRules.kt).

    For ``start <= end`` this is ``ceil(inclusive_days / 7)``.
    """
    return weeks_between(start, end) + 1


def nth_day(start: dt.date, n: int) -> dt.date:
    """Day ``n`` of a case that starts on ``start`` (day 1 is ``start``)."""
    return start + days(n - 1)


def end_of_week(start: dt.date, n: int) -> dt.date:
    """Last day of week ``n`` of a case: ``start + 7n - 1`` (domain brief §0)."""
    return start + days(7 * n - 1)


def is_weekday(day: dt.date) -> bool:
    return day.weekday() < _SATURDAY


def weekdays_in(start: dt.date, end: dt.date) -> int:
    """Mondays to Fridays from ``start`` to ``end``, both included (0 if ``end < start``). Holidays count."""
    if end < start:
        return 0
    total = (end - start).days + 1
    full_weeks, rest = divmod(total, 7)
    count = full_weeks * 5
    first = start.weekday()
    for offset in range(rest):
        if (first + offset) % 7 < _SATURDAY:
            count += 1
    return count


def weekdays_between(start: dt.date, end: dt.date) -> int:
    """Weekdays strictly between ``start`` and ``end`` (regulus-regula DateUtils.kt ``workdaysBetween``).

    0 when the dates are adjacent, equal, or in the wrong order.
    """
    return weekdays_in(start + _ONE_DAY, end - _ONE_DAY)


def working_days_between(first_fom: dt.date, earlier_tom: dt.date) -> bool:
    """regulus-regula DateUtils.kt ``isWorkingDaysBetween(firstFom, periodeTom)``, kept exactly.

    True when a working day lies between an earlier period's ``tom`` and a new ``fom``. A new
    ``fom`` before the earlier ``tom`` counts as True; the same day as False. A Monday ``fom`` after a
    Friday ``tom`` (gap of 3 days) and a Sunday ``fom`` after a Friday are False: a weekend is no gap.
    """
    gap = (first_fom - earlier_tom).days
    if gap < 0:
        return True
    weekday = first_fom.weekday()
    if weekday == 0:  # Monday
        return gap > 3
    if weekday == 6:  # Sunday
        return gap > 2
    return gap > 1


def add_weekdays(day: dt.date, n: int) -> dt.date:
    """The ``n``-th weekday after ``day`` (``day`` itself not counted); ``day`` for ``n == 0``.

    helse-spleis ``LocalDate + n.ukedager``, which the maksdato is computed with (from a weekday the
    two agree; from a weekend day this returns the true n-th weekday).
    """
    if n < 0:
        raise ValueError("n must not be negative")
    if n == 0:
        return day
    # Move to the last weekday on or before `day`: counting from there gives the same n-th weekday.
    base = last_weekday_on_or_before(day)
    full_weeks, rest = divmod(n, 5)
    result = base + days(7 * full_weeks)
    for _ in range(rest):
        result += _ONE_DAY
        while not is_weekday(result):
            result += _ONE_DAY
    return result


def last_weekday_on_or_before(day: dt.date) -> dt.date:
    """helse-spleis ``sisteVirkedagInklusiv``: Saturday and Sunday go back to Friday."""
    weekday = day.weekday()
    if weekday >= _SATURDAY:
        return day - days(weekday - 4)
    return day


def last_weekday_before(day: dt.date) -> dt.date:
    """helse-spleis ``forrigeVirkedagFør``: the last weekday strictly before ``day``."""
    return last_weekday_on_or_before(day - _ONE_DAY)


def plus_months(day: dt.date, months: int) -> dt.date:
    """Java ``LocalDate.plusMonths``: the day of month is clamped to the length of the target month."""
    index = day.year * 12 + (day.month - 1) + months
    year, month0 = divmod(index, 12)
    last = _stdlib_calendar.monthrange(year, month0 + 1)[1]
    return dt.date(year, month0 + 1, min(day.day, last))


def plus_years(day: dt.date, years: int) -> dt.date:
    """Java ``LocalDate.plusYears``: 29 February becomes 28 February in a year without it."""
    return plus_months(day, 12 * years)


def each_day(start: dt.date, end: dt.date) -> Iterator[dt.date]:
    """Every day from ``start`` to ``end``, both included (nothing if ``end < start``)."""
    day = start
    while day <= end:
        yield day
        day += _ONE_DAY


def week_and_day(start: dt.date, day: dt.date) -> tuple[int, int] | None:
    """(week, day) of ``day`` in a case starting ``start``: day 1 is ``start``, week = ceil(day / 7).

    The one definition of "the week of the case" (the window's header, the store, the CLI, the
    notes); None before the start.
    """
    if day < start:
        return None
    n = (day - start).days + 1
    return (n + 6) // 7, n


def age_at(born: dt.date, day: dt.date) -> int:
    """Whole years from ``born`` to ``day`` (the one definition of the patient's age)."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
