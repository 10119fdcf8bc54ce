"""The 8-week dialogue point (aktivitetskravet, ftrl § 8-8 (2)) and its follow-ups at weeks 17 and 39.

Pure functions of (case, today): whether the dialogue view is due, where the case stands, what NAV is
likely to record at the stop point, the options in the order the law and the strategy weigh them,
which concrete facts an exception still lacks, and the answer text the exception aid writes into
NAV's question 6.3.2 (or 6.4.2 / 6.5.2).

Sources (domain brief):

* §1.1–1.2: activity "as early as possible and at the latest within 8 weeks"; the two lawful
  exceptions (medical reasons clearly prevent activity; work-related activity cannot be carried out
  at the workplace); the follow-up plan by week 4 and dialogue meeting 1 by week 7 (aml § 4-6);
  dialogue meeting 2 by week 26 (ftrl § 8-7 a); the week-17 and week-39 questions; maksdato.
* §1.3: what NAV records (navikt/isaktivitetskrav): stop point ``tilfelleStart + 8 weeks − 1 day``;
  ``AUTOMATISK_OPPFYLT`` when the person is graded at the end of the case; ``OPPFYLT`` (FRISKMELDT,
  GRADERT, TILTAK); ``UNNTAK`` (MEDISINSKE_GRUNNER, TILRETTELEGGING_IKKE_MULIG); ``AVVENT`` with
  ``INFORMASJON_BEHANDLER`` — NAV waiting for the GP. Which of these NAV will record is NAV's
  decision; the tool shows what the case file, as written now, points to [inference].
* §2.1: medisinsk årsak codes (NAV only) and arbeidsrelatert årsak codes (also shown to the
  employer); §4.1: 6.3.2 asks for the most important *medical* reason why activity or graded work is
  not possible now.

When the view is due is the tool's own convention (not law): weeks 6–9 of the absence for the 8-week
point (from two weeks before the stop point, so that the follow-up plan and dialogue meeting 1 can
still shape it, until the week after it, while NAV makes its assessment), weeks 16–18 for week 17
(NAV's "meeting needed?" question opens in week 16; the week-17 questions are due in week 18), and
weeks 38–40 for week 39.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Final

from gp_tool.domain.assessment import ActivityRequirement, EightWeekOption
from gp_tool.domain.case import Case, Period, PeriodKind
from gp_tool.i18n.catalog import translator
from gp_tool.i18n.formatting import format_date
from gp_tool.i18n.markers import N_
from gp_tool.rules.legal import LegalRef
from gp_tool.rules.parameters import parameters
from gp_tool.rules.questions import questions_due
from gp_tool.rules.timeline import build_timeline

__all__ = [
    "EXCEPTION_OPTIONS",
    "MEDICAL_REASON_TEXTS",
    "MIN_REASON_CHARS",
    "POINT_WEEKS",
    "WORK_REASON_TEXTS",
    "ActivityPoint",
    "Expectation",
    "Missing",
    "OptionAdvice",
    "Point",
    "absence_week",
    "activity_point",
    "exception_answer",
    "missing_facts",
    "nav_expectation",
    "options_in_order",
    "point_due",
]


class Point(StrEnum):
    """The dialogue points the view covers."""

    WEEK_8 = "WEEK_8"
    WEEK_17 = "WEEK_17"
    WEEK_39 = "WEEK_39"


POINT_WEEKS: Final[dict[Point, tuple[int, int]]] = {
    Point.WEEK_8: (6, 9),
    Point.WEEK_17: (16, 18),
    Point.WEEK_39: (38, 40),
}
"""Weeks of the absence (1-based, inclusive) in which the view opens on its own (tool convention)."""

MIN_REASON_CHARS: Final = 40
"""Shortest reason the tool accepts as concrete: a diagnosis or "sick" alone is shorter (convention)."""

EXCEPTION_OPTIONS: Final = frozenset({EightWeekOption.EXCEPTION_MEDICAL, EightWeekOption.EXCEPTION_WORKPLACE})

MEDICAL_REASON_TEXTS: Final[dict[str, tuple[str, str]]] = {
    "TILSTAND_HINDRER_AKTIVITET": (
        N_("The health condition prevents activity"),
        N_("The illness itself stops the patient from any work-related activity now (code 1)."),
    ),
    "AKTIVITET_FORVERRER_TILSTAND": (
        N_("Activity would worsen the condition"),
        N_("Work-related activity now would make the illness worse (code 2)."),
    ),
    "AKTIVITET_FORHINDRER_BEDRING": (
        N_("Activity would prevent or delay recovery"),
        N_("Work-related activity now would stop or slow the recovery, e.g. during treatment (code 3)."),
    ),
    "ANNET": (
        N_("Other medical reason"),
        N_("Another medical reason; describe it in words (code 9)."),
    ),
}
"""Medisinsk årsak (OID 2.16.578.1.12.4.1.1.8133, NAV only): short name and plain meaning (§2.1)."""

WORK_REASON_TEXTS: Final[dict[str, tuple[str, str]]] = {
    "MANGLENDE_TILRETTELEGGING": (
        N_("Workplace adjustment not in place or not possible"),
        N_(
            "The employer cannot, or has not yet been able to, adjust the work so that the patient can take part (code 1)."
        ),
    ),
    "ANNET": (
        N_("Other work-related reason"),
        N_("Another reason at the workplace; the text is shown to the employer (code 9)."),
    ),
}
"""Arbeidsrelatert årsak (OID 2.16.578.1.12.4.1.1.8132, shown to the employer): name and meaning (§2.1)."""

LEGAL: Final = LegalRef("ftrl", "8-8", 2)


def absence_week(case: Case, today: dt.date) -> int | None:
    """The week of the absence ``today`` falls in (day 1–7 is week 1); None before the case starts."""
    start = build_timeline(case, today).case_start
    days = (today - start).days
    return None if days < 0 else days // 7 + 1


def point_due(case: Case, today: dt.date) -> Point | None:
    """The dialogue point whose view opens on its own ``today`` (None: none is due)."""
    week = absence_week(case, today)
    if week is None:
        return None
    for point, (first, last) in POINT_WEEKS.items():
        if first <= week <= last:
            return point
    return None


@dataclass(frozen=True, slots=True)
class Missing:
    """A fact an exception still lacks: the case-file path of its field and an English msgid."""

    path: str
    message: str


@dataclass(frozen=True, slots=True)
class Expectation:
    """What NAV is likely to record at the stop point, from the case file as written now [inference].

    ``status`` and ``reason`` are NAV's own codes (isaktivitetskrav ``AktivitetskravStatus`` and
    ``AktivitetskravVurdering``); ``NOT_REACHED`` is the tool's: the note ends before the stop point.
    """

    status: str
    reason: str | None
    explanation: str
    """English msgid; format with ``params``."""
    params: dict[str, str] = field(default_factory=dict)
    missing: tuple[Missing, ...] = ()


@dataclass(frozen=True, slots=True)
class OptionAdvice:
    """One option at the dialogue point, in the order it should be weighed."""

    option: EightWeekOption
    title: str
    """English msgid."""
    text: str
    """English msgid: what it means and what it takes."""
    grade_low: int | None = None
    """Sick-leave grade range from the functional assessment (GRADED only, when there is one)."""
    grade_high: int | None = None
    exception: bool = False


@dataclass(frozen=True, slots=True)
class ActivityPoint:
    """Where the case stands at the dialogue points, for the view and the notes."""

    due: Point | None
    week: int | None
    case_start: dt.date
    stop_point: dt.date
    """Last day of week 8: ``case_start + 8 weeks − 1 day`` (isaktivitetskrav stoppunkt)."""
    follow_up_plan_due: dt.date
    dialogue_meeting_1_due: dt.date
    dialogue_meeting_2_due: dt.date
    max_date: dt.date
    days_left: int
    """Sickness-benefit days left on the quota."""
    questions_due: tuple[str, ...]
    expectation: Expectation
    options: tuple[OptionAdvice, ...]
    legal: LegalRef = LEGAL


_OPTION_TEXTS: Final[dict[EightWeekOption, tuple[str, str]]] = {
    EightWeekOption.OWN_WORK_ADJUSTED: (
        N_("Back to own work, with adjustments"),
        N_(
            "Own job with adjusted tasks, pace, hours or aids; the employer has a duty to adjust (aml § 4-6)."
        ),
    ),
    EightWeekOption.GRADED: (
        N_("Graded sick leave"),
        N_("Part of the job, part sick leave. NAV records the requirement as met when the leave is graded."),
    ),
    EightWeekOption.OTHER_TASKS: (
        N_("Other tasks at the workplace"),
        N_("Other work with the same employer for a while, when the own tasks are too demanding now."),
    ),
    EightWeekOption.WORK_MEASURES: (
        N_("Work-related measures"),
        N_("Work trial, training or a NAV measure (such as arbeidsrettet rehabilitering) that is under way."),
    ),
    EightWeekOption.EXCEPTION_MEDICAL: (
        N_("Exception: medical reasons"),
        N_(
            "Only when the illness clearly prevents any work-related activity now. State why, what would change it, and when you reassess."
        ),
    ),
    EightWeekOption.EXCEPTION_WORKPLACE: (
        N_("Exception: the workplace cannot adjust"),
        N_(
            "Only when activity is medically possible but the workplace cannot adjust. State what was tried or asked for."
        ),
    ),
}


def _grade_range(case: Case) -> tuple[int, int] | None:
    """The grade range of the functional assessment (API B ``grade_range``), when it is available."""
    try:
        from gp_tool.rules.function import (  # type: ignore[import-not-found,unused-ignore]  # noqa: PLC0415
            grade_range,  # API B, provided by the SCREENING engineer
        )
    except ImportError:
        return None
    proposal = grade_range(case)
    if proposal is None:
        return None
    return int(proposal.low), int(proposal.high)


def options_in_order(case: Case) -> tuple[OptionAdvice, ...]:
    """The options at the point, least absent first and the two exceptions last (§1.2; strategy)."""
    grades = _grade_range(case)
    out: list[OptionAdvice] = []
    for option in EightWeekOption:
        title, text = _OPTION_TEXTS[option]
        low, high = grades if option is EightWeekOption.GRADED and grades else (None, None)
        out.append(OptionAdvice(option, title, text, low, high, option in EXCEPTION_OPTIONS))
    return tuple(out)


def _last_period(case: Case) -> Period:
    return max(case.sick_note.periods, key=lambda p: (p.to, p.from_))


def _full_leave_periods(case: Case) -> list[int]:
    return [i for i, p in enumerate(case.sick_note.periods) if p.kind is PeriodKind.AKTIVITET_IKKE_MULIG]


def _concrete(text: str) -> bool:
    return len(" ".join(text.split())) >= MIN_REASON_CHARS


def missing_facts(case: Case, today: dt.date, option: EightWeekOption | None = None) -> tuple[Missing, ...]:
    """The concrete facts NAV needs for an exception that the case does not give yet (§1.2–1.3).

    Not the diagnosis alone: why activity is impossible now (medical) or what adjustment was tried or
    asked for and why it is not possible (workplace), what would change it, and a reassessment date
    from today on; plus the NAV code of the reason on the 100 % periods or the note.
    """
    requirement = case.activity_requirement or ActivityRequirement()
    chosen = option if option is not None else requirement.option
    if chosen not in EXCEPTION_OPTIONS:
        return ()
    out: list[Missing] = []
    if chosen is EightWeekOption.EXCEPTION_MEDICAL:
        full = _full_leave_periods(case)
        for i in full:
            if not case.sick_note.periods[i].medical_reasons:
                out.append(
                    Missing(
                        f"sick_note.periods[{i}].medical_reasons",
                        N_("Choose NAV's medical reason code for the 100 % period."),
                    )
                )
        if not full:
            out.append(
                Missing("sick_note.periods", N_("An exception needs a 100 % period (activity not possible)."))
            )
        if not _concrete(requirement.why_activity_impossible):
            out.append(
                Missing(
                    "activity_requirement.why_activity_impossible",
                    N_(
                        "Say concretely why activity is not possible now: function, symptoms, treatment; not the diagnosis alone."
                    ),
                )
            )
    else:
        if not case.sick_note.work_related_reasons:
            out.append(
                Missing("sick_note.work_related_reasons", N_("Choose NAV's work-related reason code."))
            )
        if not _concrete(requirement.workplace_facts):
            out.append(
                Missing(
                    "activity_requirement.workplace_facts",
                    N_("Say which adjustment was tried or asked for, and why the workplace cannot make it."),
                )
            )
    if not _concrete(requirement.what_would_change_it):
        out.append(
            Missing(
                "activity_requirement.what_would_change_it",
                N_("Say what would make activity possible (treatment, adjustment, time)."),
            )
        )
    if requirement.reassess_on is None or requirement.reassess_on < today:
        out.append(
            Missing(
                "activity_requirement.reassess_on",
                N_("Give the date you will reassess (today or later)."),
            )
        )
    return tuple(out)


def nav_expectation(case: Case, today: dt.date) -> Expectation:
    """What NAV's assessment at the stop point is likely to be, from the case as written (§1.3)."""
    timeline = build_timeline(case, today)
    stop = timeline.milestone("AKTIVITETSKRAV").date
    last = _last_period(case)
    params = {"date": stop.isoformat()}
    if last.to < stop:
        return Expectation(
            "NOT_REACHED",
            None,
            N_(
                "This sick note ends before the 8-week point ({date}): NAV records nothing unless the absence goes on."
            ),
            params,
        )
    if last.kind is PeriodKind.GRADERT:
        return Expectation(
            "AUTOMATISK_OPPFYLT",
            None,
            N_("Graded at the end of the note: NAV records the activity requirement as met automatically."),
            params,
        )
    if last.kind in {PeriodKind.BEHANDLINGSDAGER, PeriodKind.REISETILSKUDD}:
        return Expectation(
            "OPPFYLT",
            None,
            N_(
                "The patient is in work apart from treatment days or with a travel grant: the requirement is likely met."
            ),
            params,
        )
    requirement = case.activity_requirement or ActivityRequirement()
    option = requirement.option
    if last.kind is PeriodKind.AVVENTENDE or option is None:
        return Expectation(
            "AVVENT",
            "INFORMASJON_BEHANDLER",
            N_(
                "Full sick leave past the 8-week point and no option recorded: NAV will wait for information from you, and may warn the patient before stopping the benefit."
            ),
            params,
        )
    if option is EightWeekOption.WORK_MEASURES:
        return Expectation(
            "OPPFYLT",
            "TILTAK",
            N_("A work-related measure under way at the 8-week point meets the requirement."),
            params,
        )
    if option in EXCEPTION_OPTIONS:
        missing = missing_facts(case, today, option)
        medical = option is EightWeekOption.EXCEPTION_MEDICAL
        if missing:
            return Expectation(
                "AVVENT",
                "INFORMASJON_BEHANDLER",
                N_("The exception lacks facts NAV needs: NAV will wait for information from you."),
                params,
                missing,
            )
        return Expectation(
            "UNNTAK",
            "MEDISINSKE_GRUNNER" if medical else "TILRETTELEGGING_IKKE_MULIG",
            N_("Exception with concrete medical reasons: NAV can record an exception.")
            if medical
            else N_("Exception because the workplace cannot adjust: NAV can record an exception."),
            params,
        )
    return Expectation(
        "AVVENT",
        "INFORMASJON_BEHANDLER",
        N_(
            "You chose work, but the note is still 100 %: change the period in the Decision step, or NAV will wait for information."
        ),
        params,
    )


def activity_point(case: Case, today: dt.date) -> ActivityPoint:
    """Everything the dialogue view shows for ``case`` on ``today``."""
    timeline = build_timeline(case, today)
    params = parameters()
    due = questions_due(case.sick_note, case.earlier_sick_notes, params, today)
    return ActivityPoint(
        due=point_due(case, today),
        week=absence_week(case, today),
        case_start=timeline.case_start,
        stop_point=timeline.milestone("AKTIVITETSKRAV").date,
        follow_up_plan_due=timeline.milestone("OPPFOLGINGSPLAN").date,
        dialogue_meeting_1_due=timeline.milestone("DIALOGMOTE_1").date,
        dialogue_meeting_2_due=timeline.milestone("DIALOGMOTE_2").date,
        max_date=timeline.max_date.date,
        days_left=timeline.max_date.days_left,
        questions_due=due.ids,
        expectation=nav_expectation(case, today),
        options=options_in_order(case),
    )


def exception_answer(case: Case, lang: str) -> str:
    """The answer the exception aid writes into NAV's x.2 question (the main reason activity is not
    possible now, §4.1): the GP's concrete reason, what would change it, and the reassessment date."""
    t = translator(lang)
    requirement = case.activity_requirement or ActivityRequirement()
    parts: list[str] = []
    if requirement.option is EightWeekOption.EXCEPTION_WORKPLACE:
        if requirement.workplace_facts.strip():
            parts.append(requirement.workplace_facts.strip())
    elif requirement.why_activity_impossible.strip():
        parts.append(requirement.why_activity_impossible.strip())
    if requirement.what_would_change_it.strip():
        parts.append(
            t.gettext("What would make activity possible: {text}").format(
                text=requirement.what_would_change_it.strip()
            )
        )
    if requirement.reassess_on is not None:
        parts.append(
            t.gettext("Reassessed on {date}.").format(date=format_date(requirement.reassess_on, lang, "long"))
        )
    return "\n".join(parts)
