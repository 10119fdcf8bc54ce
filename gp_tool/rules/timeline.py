"""The legal timeline of an absence case, day 1 to maksdato (domain brief §1, §3.4, §3.5).

Each :class:`Milestone` has a date, the law it rests on, who acts, what the GP should do, and its
status relative to ``today``:

* ``PASSED`` - ``today`` is after the milestone (after the end of its window, for a window);
* ``DUE_NOW`` - ``today`` is within :data:`DUE_SOON_DAYS` (7) days before the milestone, on it, or
  inside its window: the consultation should deal with it now;
* ``AHEAD`` - later than that.

Deadlines ("by the end of week N") use ``start + 7N - 1`` (domain brief §0). The week-N questions
open on day ``7N + 1`` and NAV's form asks them at the latest when the absence reaches the end of
week N + 1 (syk-inn ``utdypende-sporsmal-utils.ts``), so their window is week N + 1.

Maksdato follows helse-spleis ``Maksdatokontekst.beregnMaksdato``: NAV-paid weekdays (after the
employer period; 100 % and graded days count as whole days; reisetilskudd-only days and weekends do
not; public holidays do) are counted in the known periods, then the rest of the 248-day quota is
counted forward in weekdays from the last known day, as if the absence went on without a break. Days
after the 67th birthday draw on a 60-day quota; no day from the 70th birthday is paid; maksdato is the
earliest of the three (basis ``ORDINAER``, ``BEGRENSET_67`` or ``SYTTI_AAR``; on a tie, ``ORDINAER``
as in spleis). One deliberate difference: an ordinary maksdato after the 70th birthday is brought back
to the last weekday before it (spleis refuses those days through its age check instead). Earlier cases
in the last three years, which would reduce the quota (ftrl § 8-12), are not known to the tool: the
whole quota is assumed available at the case start [inference: the GP should check with NAV].
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Final

from gp_tool.domain.case import Case
from gp_tool.i18n.catalog import translator
from gp_tool.i18n.markers import N_
from gp_tool.rules.absence import (
    Course,
    EmployerPeriod,
    Span,
    birth_date,
    course_from_start,
    course_of,
    employer_period,
    merge_spans,
    treatment_dates,
)
from gp_tool.rules.absence import case_start as _case_start
from gp_tool.rules.calendar import (
    add_weekdays,
    days,
    end_of_week,
    last_weekday_before,
    last_weekday_on_or_before,
    plus_years,
    week_and_day,
    weekdays_in,
)
from gp_tool.rules.legal import LegalRef
from gp_tool.rules.parameters import Parameters, parameters

__all__ = [
    "DUE_SOON_DAYS",
    "MaxDate",
    "MaxDateBasis",
    "Milestone",
    "MilestoneKind",
    "MilestoneStatus",
    "Timeline",
    "build_timeline",
    "compute_max_date",
    "timeline_from_start",
]

DUE_SOON_DAYS: Final = 7
"""A milestone is "due now" from this many days before it (the tool's convention, not law)."""

_ONE_DAY = dt.timedelta(days=1)


class MilestoneStatus(StrEnum):
    PASSED = "PASSED"
    DUE_NOW = "DUE_NOW"
    AHEAD = "AHEAD"


class MilestoneKind(StrEnum):
    DEADLINE = "DEADLINE"
    """Something must be done at the latest on ``date``."""
    EVENT = "EVENT"
    """Something happens on ``date``."""
    WINDOW = "WINDOW"
    """Something is open from ``date`` to ``end``."""


class MaxDateBasis(StrEnum):
    ORDINAER = "ORDINAER"
    BEGRENSET_67 = "BEGRENSET_67"
    SYTTI_AAR = "SYTTI_AAR"


STATUS_NAMES: Final[dict[MilestoneStatus, str]] = {
    MilestoneStatus.PASSED: N_("passed"),
    MilestoneStatus.DUE_NOW: N_("due now"),
    MilestoneStatus.AHEAD: N_("ahead"),
}

BASIS_NAMES: Final[dict[MaxDateBasis, str]] = {
    MaxDateBasis.ORDINAER: N_("248 days used up (ordinary right)"),
    MaxDateBasis.BEGRENSET_67: N_("60 days after the 67th birthday used up (limited right)"),
    MaxDateBasis.SYTTI_AAR: N_("last weekday before the 70th birthday"),
}


@dataclass(frozen=True, slots=True)
class Milestone:
    """One dated point of the legal timeline. Texts are English msgids, translated when shown."""

    id: str
    date: dt.date
    legal: LegalRef
    actor: str
    label: str
    gp_action: str
    kind: MilestoneKind = MilestoneKind.DEADLINE
    end: dt.date | None = None
    """Last day of a window (``kind == WINDOW``), else None."""
    status: MilestoneStatus = MilestoneStatus.AHEAD
    """Status on the timeline's ``today``."""

    @property
    def legal_ref(self) -> str:
        return self.legal.citation

    @property
    def last_day(self) -> dt.date:
        return self.end if self.end is not None else self.date

    def status_on(self, today: dt.date) -> MilestoneStatus:
        if today > self.last_day:
            return MilestoneStatus.PASSED
        if today >= self.date - days(DUE_SOON_DAYS):
            return MilestoneStatus.DUE_NOW
        return MilestoneStatus.AHEAD

    def to_json(self, lang: str) -> dict[str, Any]:
        tr = translator(lang)
        return {
            "id": self.id,
            "date": self.date.isoformat(),
            "end": None if self.end is None else self.end.isoformat(),
            "kind": self.kind.value,
            "legal_ref": self.legal.text(lang),
            "label": tr.gettext(self.label),
            "actor": tr.gettext(self.actor),
            "gp_action": tr.gettext(self.gp_action),
            "status": self.status.value,
        }


@dataclass(frozen=True, slots=True)
class MaxDate:
    """Maksdato: the last day sickness benefit can be paid, and what it rests on."""

    date: dt.date
    basis: str
    """``ORDINAER``, ``BEGRENSET_67`` or ``SYTTI_AAR`` (a :class:`MaxDateBasis` value)."""
    legal: LegalRef
    days_used: int
    """Paid weekdays in the known periods (at most the quota: days past it are not paid)."""
    days_left: int
    """Weekdays after ``counted_until`` up to and including ``date``."""
    counted_until: dt.date
    """The last weekday counted from the known periods; the projection starts after it."""
    days_used_after_67: int | None = None
    """Paid weekdays after the 67th birthday (None without a birth date)."""

    @property
    def legal_ref(self) -> str:
        return self.legal.citation

    def to_json(self, lang: str) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "basis": self.basis,
            "basis_text": translator(lang).gettext(BASIS_NAMES[MaxDateBasis(self.basis)]),
            "legal_ref": self.legal.text(lang),
            "days_used": self.days_used,
            "days_left": self.days_left,
            "days_used_after_67": self.days_used_after_67,
            "counted_until": self.counted_until.isoformat(),
        }


@dataclass(frozen=True, slots=True)
class Timeline:
    """The legal timeline of one case, with statuses on ``today``."""

    case_start: dt.date
    employer_period_end: dt.date | None
    milestones: tuple[Milestone, ...]
    max_date: MaxDate
    today: dt.date
    employer_period: EmployerPeriod
    case_start_given: bool = False
    """True when the start was given (case file ``case_start`` or ``--case-start``), not derived."""
    birth_date: dt.date | None = None

    def milestone(self, milestone_id: str) -> Milestone:
        """The milestone with this id (KeyError if the timeline has none)."""
        for m in self.milestones:
            if m.id == milestone_id:
                return m
        raise KeyError(milestone_id)

    def week_and_day(self, day: dt.date) -> tuple[int, int] | None:
        """(week, day) of ``day`` in the case (day 1 = case start; week = ceil(day / 7)); None before the start."""
        return week_and_day(self.case_start, day)

    def to_json(self, lang: str) -> dict[str, Any]:
        """Contracts §3 ``timeline --json`` (plus status, actor, GP action, window ends and the employer period)."""
        ep = self.employer_period
        return {
            "case_start": self.case_start.isoformat(),
            "case_start_given": self.case_start_given,
            "today": self.today.isoformat(),
            "employer_period": {
                "start": ep.start.isoformat(),
                "end": ep.end.isoformat(),
                "nav_pays_from": ep.nav_pays_from.isoformat(),
                "interrupted": ep.interrupted,
                "projected": ep.projected,
            },
            "milestones": [m.to_json(lang) for m in self.milestones],
            "max_date": self.max_date.to_json(lang),
        }


# ---------------------------------------------------------------------------- maksdato


def _clip(spans: Sequence[Span], after: dt.date | None, before: dt.date | None) -> tuple[Span, ...]:
    """Spans restricted to days strictly after ``after`` and strictly before ``before``."""
    out: list[Span] = []
    for s in spans:
        start = s.start if after is None else max(s.start, after + _ONE_DAY)
        end = s.end if before is None else min(s.end, before - _ONE_DAY)
        if end >= start:
            out.append(Span(start, end))
    return tuple(out)


def _weekdays(spans: Sequence[Span]) -> int:
    return sum(weekdays_in(s.start, s.end) for s in spans)


def _nth_weekday(spans: Sequence[Span], n: int) -> dt.date:
    """The ``n``-th weekday (1-based) over sorted spans; the caller ensures there are at least ``n``."""
    for s in spans:
        count = weekdays_in(s.start, s.end)
        if n <= count:
            return add_weekdays(s.start - _ONE_DAY, n)
        n -= count
    raise ValueError("fewer weekdays than asked for")


def compute_max_date(
    course: Course, employer: EmployerPeriod, born: dt.date | None, params: Parameters, on: dt.date
) -> MaxDate:
    """Maksdato of a course (helse-spleis ``Maksdatokontekst.beregnMaksdato``; module docstring)."""
    quota = params["max_sickness_benefit_days"]
    quota_67 = params["max_sickness_benefit_days_after_67"]
    turns_67 = plus_years(born, params.number("reduced_benefit_age_years", on)) if born else None
    turns_70 = plus_years(born, params.number("no_benefit_age_years", on)) if born else None

    singles = [Span(d, d) for d in treatment_dates(course, employer.end)]
    paid = merge_spans([*_clip(course.quota, employer.end, turns_70), *_clip(singles, None, turns_70)])
    last_known = course.last_known_day
    counted_until = last_weekday_on_or_before(
        employer.end if last_known is None else max(last_known, employer.end)
    )
    used = _weekdays(paid)
    ordinary_days = quota.int_at(on)
    if used >= ordinary_days:
        date = _nth_weekday(paid, ordinary_days)
    else:
        date = add_weekdays(counted_until, ordinary_days - used)
    basis, legal = MaxDateBasis.ORDINAER, quota.legal_ref
    used_67: int | None = None
    if turns_67 is not None and turns_70 is not None:
        paid_67 = _clip(paid, turns_67, None)
        used_67 = _weekdays(paid_67)
        limited_days = quota_67.int_at(on)
        if used_67 >= limited_days:
            limited = _nth_weekday(paid_67, limited_days)
        else:
            limited = add_weekdays(
                max(counted_until, last_weekday_on_or_before(turns_67)), limited_days - used_67
            )
        if limited < date:
            date, basis, legal = limited, MaxDateBasis.BEGRENSET_67, quota_67.legal_ref
        cutoff = last_weekday_before(turns_70)
        if date > cutoff:
            date, basis, legal = cutoff, MaxDateBasis.SYTTI_AAR, params["no_benefit_age_years"].legal_ref
    left = weekdays_in(counted_until + _ONE_DAY, date)
    assert legal is not None  # the data file gives these three parameters a legal reference
    paid_after_67 = None if used_67 is None else min(used_67, quota_67.int_at(on))
    return MaxDate(date, basis.value, legal, min(used, ordinary_days), left, counted_until, paid_after_67)


# ---------------------------------------------------------------------------- milestones


def _milestones(
    start: dt.date, employer: EmployerPeriod, max_date: MaxDate, params: Parameters, on: dt.date
) -> list[Milestone]:
    def ref(name: str) -> LegalRef:
        legal = params[name].legal_ref
        assert legal is not None, name  # milestone parameters all carry a legal reference
        return legal

    def week_end(name: str) -> dt.date:
        return end_of_week(start, params.number(name, on))

    out = [
        Milestone(
            "ARBEIDSGIVERPERIODE_SLUTT",
            employer.end,
            ref("employer_period_days"),
            N_("Employer"),
            N_("Last day of the employer period (the employer pays the first 16 days)"),
            N_("An awaiting sick note (avventende) can only be used up to this day."),
            MilestoneKind.EVENT,
        ),
        Milestone(
            "NAV_BETALER_FRA",
            employer.nav_pays_from,
            LegalRef("ftrl", "8-17"),
            N_("NAV"),
            N_("NAV pays sickness benefit from this day"),
            N_(
                "Paid weekdays now draw on the 248-day quota; NAV can pay a travel grant (reisetilskudd) from this day."
            ),
            MilestoneKind.EVENT,
        ),
        Milestone(
            "OPPFOLGINGSPLAN",
            week_end("oppfolgingsplan_weeks"),
            ref("oppfolgingsplan_weeks"),
            N_("Employer and employee"),
            N_("Follow-up plan ready (at the latest)"),
            N_("Ask for the follow-up plan and use it to set the grade and the message to the employer."),
        ),
        Milestone(
            "DIALOGMOTE_1",
            week_end("dialogmote_1_weeks"),
            ref("dialogmote_1_weeks"),
            N_("Employer"),
            N_("Dialogue meeting 1 held (at the latest)"),
            N_(
                "Take part if invited (by phone or video if need be); it is mandatory for 100 % sick leave unless clearly unnecessary."
            ),
        ),
    ]
    question_weeks = params.numbers("question_weeks", on)
    question_texts = {
        7: (
            N_("Week-7 questions on the next sick note (if it is 100 %)"),
            N_(
                "Answer NAV's questions 6.3.1–6.3.3: a short medical summary and the main medical reason why work-related activity is not possible now."
            ),
            params["aktivitetskrav_weeks"].legal_ref,
        ),
        17: (
            N_("Week-17 questions on the next sick note"),
            N_(
                "Answer NAV's questions 6.4.1–6.4.4: course since week 7, challenges for work, treatment and unresolved matters."
            ),
            params["question_weeks"].legal_ref,
        ),
        39: (
            N_("Week-39 questions on the next sick note"),
            N_(
                "Answer NAV's questions 6.5.1–6.5.4: current status, what work the patient can manage, the outlook for 3–6 months and what NAV must know."
            ),
            params["question_weeks"].legal_ref,
        ),
    }
    for week in question_weeks:
        label, action, legal = question_texts.get(
            week,
            (
                N_("NAV's additional questions on the next sick note"),
                N_("Answer NAV's additional questions."),
                None,
            ),
        )
        opens = start + days(7 * week)
        out.append(
            Milestone(
                f"UTDYPENDE_OPPLYSNINGER_UKE_{week}",
                opens,
                legal if legal is not None else ref("question_weeks"),
                N_("GP (certifying practitioner)"),
                label,
                action,
                MilestoneKind.WINDOW,
                opens + days(6),
            )
        )
    motebehov_from = start + days(7 * params.number("motebehov_from_weeks", on))
    out += [
        Milestone(
            "AKTIVITETSKRAV",
            week_end("aktivitetskrav_weeks"),
            ref("aktivitetskrav_weeks"),
            N_("Employee; NAV assesses"),
            N_("8-week point: activity requirement"),
            N_(
                "Work-related activity should be under way. If 100 % sick leave goes on, document the concrete medical reason, or that the workplace cannot adjust."
            ),
        ),
        Milestone(
            "MOTEBEHOV",
            motebehov_from,
            ref("motebehov_from_weeks"),
            N_("NAV asks the employee and the employer"),
            N_("NAV asks whether a dialogue meeting is needed"),
            N_("If a meeting is needed, or you want to take part, say so in the message to NAV."),
            MilestoneKind.WINDOW,
            start + days(7 * params.number("motebehov_until_weeks", on) - 1),
        ),
        Milestone(
            "DIALOGMOTEKANDIDAT",
            start + days(params.number("dialogmotekandidat_days", on)),
            ref("dialogmotekandidat_days"),
            N_("NAV"),
            N_("The patient becomes a candidate for dialogue meeting 2"),
            N_("NAV may call a dialogue meeting; keep your information to NAV up to date."),
            MilestoneKind.EVENT,
        ),
        Milestone(
            "DIALOGMOTE_2",
            week_end("dialogmote_2_weeks"),
            ref("dialogmote_2_weeks"),
            N_("NAV"),
            N_("Dialogue meeting 2 held by NAV (at the latest)"),
            N_("Take part when NAV summons you; the employer sends an updated follow-up plan a week before."),
        ),
        Milestone(
            "MAKSDATO",
            max_date.date,
            max_date.legal,
            N_("NAV"),
            N_("Last day of sickness benefit (maksdato)"),
            N_(
                "Plan what follows: return to work, friskmelding til arbeidsformidling, or work assessment allowance (AAP)."
            ),
            MilestoneKind.EVENT,
        ),
    ]
    order = {m.id: i for i, m in enumerate(out)}
    return sorted(out, key=lambda m: (m.date, order[m.id]))


def timeline_of_course(
    course: Course, born: dt.date | None, today: dt.date, given: bool, params: Parameters
) -> Timeline:
    on = today
    employer = employer_period(course, params, on)
    max_date = compute_max_date(course, employer, born, params, on)
    milestones = tuple(
        _with_status(m, today) for m in _milestones(course.case_start, employer, max_date, params, on)
    )
    return Timeline(course.case_start, employer.end, milestones, max_date, today, employer, given, born)


def _with_status(milestone: Milestone, today: dt.date) -> Milestone:
    status = milestone.status_on(today)
    if status is milestone.status:
        return milestone
    return Milestone(
        milestone.id,
        milestone.date,
        milestone.legal,
        milestone.actor,
        milestone.label,
        milestone.gp_action,
        milestone.kind,
        milestone.end,
        status,
    )


def build_timeline(case: Case, today: dt.date) -> Timeline:
    """The timeline of ``case``: its start (given or chained), every note's periods, the patient's age."""
    start = _case_start(case)
    return timeline_of_course(
        course_of(case, start), birth_date(case), today, case.case_start is not None, parameters()
    )


def timeline_from_start(case_start: dt.date, today: dt.date, birth_date: dt.date | None = None) -> Timeline:
    """The timeline of a continuous absence from ``case_start`` that is still going on ``today``."""
    return timeline_of_course(course_from_start(case_start, today), birth_date, today, True, parameters())
