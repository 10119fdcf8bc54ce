"""The absence case: its first day (NAV's 16-day chaining), the days of absence, the employer period.

Case start (domain brief §3.3). NAV's rule engine walks backwards over the sick days of earlier sick
notes, excluding avventende periods, and starts a new case when the distance to the current start
exceeds 16 days (``DAYS.between(earlierDay, start) > 16``): a gap of up to 15 non-sick calendar days
keeps one case. Earlier notes count only if their latest ``tom`` lies after the new note's first
``fom`` minus 40 weeks and they began before it (regulus-regula ``rules/shared/Startdato.kt``). NAV also
drops earlier notes that it rejected, that the patient cancelled or that carry a back-dating remark;
a case file records none of that, so every earlier note is taken as accepted [inference].

Employer period (domain brief §1.2, ftrl § 8-19). The first 16 calendar days of absence are paid by
the employer. An absence that starts less than 16 days after the previous one is counted into the
same employer period, so an interrupted period is finished by the later absence (§ 8-19 (2)); 16
consecutive days back at work start a new one (helse-spleis ``Arbeidsgiverperiodeteller.kt``). Days of
absence are the days of every period except avventende (the employee is at work with adjustments) and
behandlingsdager (their employer period is counted in treatment days, which the tool does not model:
NAV processes those notes manually) [inference]. When the case file states ``case_start`` before the
first sick-note day, the days in between are taken as absence (egenmelding days, domain brief §8.5)
[inference]. When the known days do not reach 16, the end is projected as if the absence continued
without a break after the last known day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from gp_tool.domain.case import Case, EarlierSickNote, Period, PeriodKind, SickNote
from gp_tool.rules.calendar import add_weekdays, days, days_between, each_day
from gp_tool.rules.parameters import Parameters, parameters

__all__ = [
    "Course",
    "EmployerPeriod",
    "Span",
    "birth_date",
    "case_start",
    "course_from_start",
    "course_of",
    "employer_period",
    "merge_spans",
    "nav_case_start",
    "nav_relevant_dates",
    "treatment_dates",
]

_ONE_DAY = dt.timedelta(days=1)
# Kinds whose days are absence from work in the employer period.
_ABSENCE_KINDS = frozenset({PeriodKind.AKTIVITET_IKKE_MULIG, PeriodKind.GRADERT, PeriodKind.REISETILSKUDD})
# Kinds whose weekdays draw on the sickness-benefit quota (reisetilskudd days do not, domain brief §5.1).
_QUOTA_KINDS = frozenset({PeriodKind.AKTIVITET_IKKE_MULIG, PeriodKind.GRADERT})


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """An inclusive run of days."""

    start: dt.date
    end: dt.date

    @property
    def length(self) -> int:
        return (self.end - self.start).days + 1


def merge_spans(spans: Iterable[Span]) -> tuple[Span, ...]:
    """Sorted, non-overlapping spans; touching spans (end + 1 == start) are joined. Empty spans dropped."""
    merged: list[Span] = []
    for span in sorted(s for s in spans if s.end >= s.start):
        if merged and span.start <= merged[-1].end + _ONE_DAY:
            if span.end > merged[-1].end:
                merged[-1] = Span(merged[-1].start, span.end)
        else:
            merged.append(span)
    return tuple(merged)


def birth_date(case: Case) -> dt.date | None:
    """The patient's birth date: ``patient.birth_date``, else the one encoded in the national id."""
    return case.patient.known_birth_date()
    return None


def _earliest_fom(periods: Sequence[Period]) -> dt.date:
    return min(p.from_ for p in periods)


def _latest_tom(periods: Sequence[Period]) -> dt.date:
    return max(p.to for p in periods)


def nav_relevant_dates(
    earliest_fom: dt.date, earlier: Sequence[EarlierSickNote], params: Parameters, on: dt.date
) -> list[dt.date]:
    """regulus-regula ``relevanteDatoer``: sick days of earlier notes that can chain, newest first."""
    window = earliest_fom - days(7 * params.number("earlier_notes_window_weeks", on))
    found: set[dt.date] = set()
    for note in earlier:
        if not note.periods:
            continue
        if _latest_tom(note.periods) <= window or _earliest_fom(note.periods) >= earliest_fom:
            continue
        for period in note.periods:
            if period.kind is not PeriodKind.AVVENTENDE:
                found.update(each_day(period.from_, period.to))
    return sorted(found, reverse=True)


def nav_case_start(
    earliest_fom: dt.date, earlier: Sequence[EarlierSickNote], params: Parameters, on: dt.date
) -> dt.date:
    """regulus-regula ``getStartdatoFromTidligereSykmeldinger``: the case start NAV's rules compute."""
    gap = params.number("case_chain_gap_days", on)
    start = earliest_fom
    for day in nav_relevant_dates(earliest_fom, earlier, params, on):
        if days_between(day, start) > gap:
            return start
        start = day
    return start


def _note_start(note: SickNote) -> dt.date | None:
    return _earliest_fom(note.periods) if note.periods else None


def case_start(case: Case) -> dt.date:
    """The first day of the absence case: ``case.case_start`` if given, else NAV's 16-day chaining.

    The chaining starts from the new sick note's first ``fom`` (domain brief §3.3). Parameters are
    taken as in force on the day the note is signed.
    """
    if case.case_start is not None:
        return case.case_start
    first = _note_start(case.sick_note)
    if first is None:  # a sick note has at least one period; this only guards hand-built objects
        starts = [_earliest_fom(n.periods) for n in case.earlier_sick_notes if n.periods]
        return min(starts, default=case.sick_note.signed)
    return nav_case_start(first, case.earlier_sick_notes, parameters(), case.sick_note.signed)


@dataclass(frozen=True, slots=True)
class Course:
    """What is known about the course of the absence, as day spans from the case start on."""

    case_start: dt.date
    case_start_given: bool
    absence: tuple[Span, ...]
    """Days of absence counted for the employer period."""
    quota: tuple[Span, ...]
    """Days whose weekdays draw on the sickness-benefit quota once NAV pays (100 % and graded)."""
    treatment: tuple[tuple[Span, int], ...]
    """Behandlingsdager periods with their number of treatment days."""
    last_known_day: dt.date | None
    """The last day covered by any period of the case (avventende excluded)."""


def course_of(case: Case, start: dt.date | None = None) -> Course:
    """The known course of ``case`` from its start: every note's periods, clipped to the case start."""
    start = case_start(case) if start is None else start
    periods = [p for note in (*case.earlier_sick_notes, case.sick_note) for p in note.periods]
    absence: list[Span] = []
    quota: list[Span] = []
    treatment: list[tuple[Span, int]] = []
    last: dt.date | None = None
    for p in periods:
        if p.kind is PeriodKind.AVVENTENDE or p.to < start or p.to < p.from_:
            continue
        span = Span(max(p.from_, start), p.to)
        last = span.end if last is None else max(last, span.end)
        if p.kind in _ABSENCE_KINDS:
            absence.append(span)
        if p.kind in _QUOTA_KINDS:
            quota.append(span)
        if p.kind is PeriodKind.BEHANDLINGSDAGER and p.treatment_days is not None and p.treatment_days > 0:
            treatment.append((span, p.treatment_days))
    merged = merge_spans(absence)
    given = case.case_start is not None
    if given and merged and start < merged[0].start:
        merged = merge_spans([*merged, Span(start, merged[0].start - _ONE_DAY)])
    return Course(start, given, merged, merge_spans(quota), tuple(treatment), last)


def course_from_start(start: dt.date, today: dt.date) -> Course:
    """A continuous absence from ``start`` that is still going on ``today`` (no sick notes known)."""
    if today < start:
        return Course(start, True, (), (), (), None)
    span = Span(start, today)
    return Course(start, True, (span,), (span,), (), today)


@dataclass(frozen=True, slots=True)
class EmployerPeriod:
    """The employer period of a case (ftrl § 8-19)."""

    start: dt.date
    """First day counted (the case start, or the first absence day after a reset)."""
    end: dt.date
    """The 16th day of absence: the last day the employer pays."""
    nav_pays_from: dt.date
    """The first day of absence after ``end`` (the day after it when no later day is known yet)."""
    days_known: int
    """Days of absence found in the known periods, at most 16."""
    interrupted: bool
    """True when the 16 days are spread over separate absences (§ 8-19 (2))."""
    projected: bool
    """True when the known periods hold fewer than 16 days and ``end`` assumes the absence goes on."""


def employer_period(course: Course, params: Parameters, on: dt.date) -> EmployerPeriod:
    """The employer period of ``course``: the first 16 days of absence, resetting after 16 days back."""
    limit = params.number("employer_period_days", on)
    reset = params.number("employer_period_reset_days", on)
    count = 0
    start = course.case_start
    previous: Span | None = None
    interrupted = False
    end: dt.date | None = None
    for span in course.absence:
        if previous is not None:
            gap = days_between(previous.end, span.start) - 1
            if gap >= reset:
                count, start, interrupted = 0, span.start, False
            elif count:
                interrupted = True
        if previous is None:
            start = span.start
        if count + span.length >= limit:
            end = span.start + days(limit - count - 1)
            count = limit
            break
        count += span.length
        previous = span
    projected = end is None
    if end is None:
        last = previous.end if previous is not None else course.case_start - _ONE_DAY
        end = last + days(limit - count)
    nav_from = end + _ONE_DAY
    for span in course.absence:
        if span.end > end:
            nav_from = max(span.start, end + _ONE_DAY)
            break
    return EmployerPeriod(start, end, nav_from, count, interrupted, projected)


def treatment_dates(course: Course, after: dt.date) -> list[dt.date]:
    """Behandlingsdager placed on the first weekdays of their period after ``after`` [inference].

    The sick note gives the number of treatment days, not their dates. For the quota count they are
    put on the first weekdays of the period that lie after the employer period.
    """
    found: list[dt.date] = []
    for span, count in course.treatment:
        first = max(span.start, after + _ONE_DAY)
        day = add_weekdays(first - _ONE_DAY, 1)
        taken = 0
        while taken < count and day <= span.end:
            found.append(day)
            taken += 1
            day = add_weekdays(day, 1)
    return found
