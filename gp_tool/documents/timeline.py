"""The small timeline drawn on the notes, as geometry-free data shared by the PDF and the Qt preview.

A :class:`TimelineModel` holds the bars (sick-leave periods with their grade), the milestone ticks that
fall inside the drawn window, the milestones after it (listed under the drawing instead, so a maksdato
a year away does not squash the weeks that matter), and today. :meth:`TimelineModel.x` maps a day to
0–1 across the window; each renderer scales that to its own width.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from gp_tool.documents.context import TimelineMark
from gp_tool.domain.case import PeriodKind

__all__ = ["Bar", "Tick", "TimelineModel", "build_timeline"]

MIN_SPAN_DAYS: Final = 28
"""The window is at least four weeks wide, so a three-day note is still readable."""
LOOKAHEAD_DAYS: Final = 28
"""Milestones up to four weeks after the last period (or today) are drawn; later ones are listed."""


@dataclass(frozen=True, slots=True)
class Bar:
    start: dt.date
    end: dt.date
    """Inclusive last day; the bar reaches the end of this day."""
    kind: PeriodKind
    grade: int | None
    """Sick-leave percentage the bar shows (100 for AKTIVITET_IKKE_MULIG)."""
    current: bool
    """True for the periods of the new sykmelding (drawn outlined)."""
    label: str


@dataclass(frozen=True, slots=True)
class Tick:
    id: str
    date: dt.date
    label: str


@dataclass(frozen=True, slots=True)
class TimelineModel:
    start: dt.date
    end: dt.date
    """Last day of the window (inclusive)."""
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    later: tuple[Tick, ...]
    today: dt.date | None
    today_label: str

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def x(self, day: dt.date) -> float:
        """Left edge of ``day`` as a fraction of the window (0 = start of the first day, 1 = end of the last)."""
        return min(1.0, max(0.0, (day - self.start).days / self.days))

    def x_end(self, day: dt.date) -> float:
        """Right edge of ``day`` (end of that day)."""
        return min(1.0, max(0.0, ((day - self.start).days + 1) / self.days))


def bar_grade(kind: PeriodKind, grade: int | None) -> int | None:
    """The percentage a bar stands for: 100 for full sick leave, the grade for graded, else None."""
    if kind is PeriodKind.AKTIVITET_IKKE_MULIG:
        return 100
    if kind is PeriodKind.GRADERT:
        return grade
    return None


def build_timeline(
    current: Iterable[tuple[PeriodKind, dt.date, dt.date, int | None, str]],
    earlier: Iterable[tuple[PeriodKind, dt.date, dt.date, int | None, str]],
    marks: Iterable[TimelineMark],
    *,
    today: dt.date | None,
    today_label: str,
    case_start: dt.date | None,
) -> TimelineModel | None:
    """The window and its content; None when there is nothing to draw (no period at all).

    ``current`` and ``earlier`` are ``(kind, from, to, grade, label)`` of the new and the earlier
    sykmeldinger. The window starts at the case start (or the first period) and ends four weeks
    after the last period or today, whichever is later, widened to include milestones that fall in
    those four weeks.
    """
    bars = [Bar(s, e, k, bar_grade(k, g), False, lab) for k, s, e, g, lab in earlier]
    bars += [Bar(s, e, k, bar_grade(k, g), True, lab) for k, s, e, g, lab in current]
    if not bars:
        return None
    bars.sort(key=lambda b: (b.start, b.end))
    first = min(b.start for b in bars)
    start = min(first, case_start) if case_start is not None else first
    last = max(b.end for b in bars)
    if today is not None:
        last = max(last, today)
    horizon = last + dt.timedelta(days=LOOKAHEAD_DAYS)
    marks = sorted(marks, key=lambda m: (m.date, m.id))
    end = last
    for m in marks:
        if start <= m.date <= horizon:
            end = max(end, m.date)
    end = max(end + dt.timedelta(days=2), start + dt.timedelta(days=MIN_SPAN_DAYS - 1))
    ticks = tuple(Tick(m.id, m.date, m.label) for m in marks if start <= m.date <= end)
    later = tuple(Tick(m.id, m.date, m.label) for m in marks if m.date > end)
    shown_today = today if today is not None and start <= today <= end else None
    return TimelineModel(start, end, tuple(bars), ticks, later, shown_today, today_label)
