"""The tool's own legal checks: where the law is stricter than NAV's receiving rules, or where NAV's
later steps (payment, the sick-note form) would stop what the receiving rules let through.

These have the tool's own stable names, no NAV outcome, and severities chosen for the GP:

* ``AVVENTENDE_UTOVER_ARBEIDSGIVERPERIODEN`` (BLOCK) - avventende only inside the 16-day employer
  period; stricter than NAV's code, which accepts 17 days (domain brief §8.3, §7).
* ``GRADERT_NEGATIV_GRAD`` (BLOCK) - a negative percentage is a typing error NAV's rules do not catch.
* ``GRADERT_UNDER_20_PROSENT`` (WARN) - the 20 % payment floor (ftrl § 8-13); NAV accepts the note
  since 2024-02-07 and refuses the days later in payment (domain brief §3.2.3, §3.5).
* ``AKTIVITETSKRAV_UTEN_BEGRUNNELSE`` (BLOCK) - 100 % at or past the 8-week point without a documented
  medical reason or missing workplace adjustment (ftrl § 8-8 (2)).
* ``UTDYPENDE_OPPLYSNINGER_MANGLER`` (BLOCK) - NAV's week 7/17/39 questions due, a required one
  unanswered; NAV's form does not let such a note be sent (domain brief §4.1).
* ``DAGER_ETTER_MAKSDATO`` (WARN), ``DAGER_FRA_FYLTE_70`` (WARN), ``BEGRENSET_SYKEPENGERETT_67`` (INFO) -
  the quota and age limits of ftrl §§ 8-12 and 8-3 (domain brief §3.5).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from gp_tool.domain.case import ArbeidsrelatertArsak, PeriodKind
from gp_tool.i18n.markers import N_
from gp_tool.rules.calendar import inclusive_days, plus_years
from gp_tool.rules.context import Context
from gp_tool.rules.legal import LegalRef
from gp_tool.rules.model import Hit, Percent, RuleSpec, Severity, Tree
from gp_tool.rules.parameters import parameters
from gp_tool.rules.questions import answered
from gp_tool.rules.timeline import MaxDateBasis

__all__ = ["OWN_RULES"]

_MEDICAL_REASON_ANSWERS: Final = ("6.3.2", "6.4.2", "6.5.2")


def _legal(name: str) -> LegalRef:
    """The legal reference of a parameter (every parameter named here has one)."""
    legal = parameters()[name].legal_ref
    if legal is None:
        raise ValueError(f"parameter {name} has no legal reference")
    return legal


def _avventende_outside(ctx: Context) -> Iterator[Hit]:
    limit = ctx.p("employer_period_days")
    end = ctx.timeline.employer_period.end
    for i, p in enumerate(ctx.periods):
        if p.kind is not PeriodKind.AVVENTENDE or p.to < p.from_:
            continue
        length = inclusive_days(p.from_, p.to)
        if length > limit or p.to > end:
            yield Hit(
                {"end": end, "from": p.from_, "to": p.to},
                {
                    "period": i,
                    "from": p.from_,
                    "to": p.to,
                    "calendar_days": length,
                    "limit_days": limit,
                    "employer_period_end": end,
                },
                (ctx.period_path(i, "to"),),
            )


def _negative_grade(ctx: Context) -> Iterator[Hit]:
    for i, p in enumerate(ctx.periods):
        if p.kind is PeriodKind.GRADERT and p.grade is not None and p.grade < 0:
            yield Hit(
                {"number": i + 1, "grade": Percent(p.grade)},
                {"period": i, "grade": p.grade},
                (ctx.period_path(i, "grade"),),
            )


def _under_payment_floor(ctx: Context) -> Iterator[Hit]:
    floor = ctx.p("payment_floor_percent")
    for i, p in enumerate(ctx.periods):
        if p.kind is PeriodKind.GRADERT and p.grade is not None and 0 < p.grade < floor:
            yield Hit(
                {"number": i + 1, "grade": Percent(p.grade), "floor": Percent(floor)},
                {"period": i, "grade": p.grade, "payment_floor_percent": floor},
                (ctx.period_path(i, "grade"),),
            )


def _documented_reason(ctx: Context, index: int) -> bool:
    period = ctx.periods[index]
    if period.medical_reasons:
        return True
    note = ctx.note
    if ArbeidsrelatertArsak.MANGLENDE_TILRETTELEGGING in note.work_related_reasons:
        return True
    if ArbeidsrelatertArsak.ANNET in note.work_related_reasons and note.work_related_reason_text.strip():
        return True
    return any(answered(note.answers, q) for q in _MEDICAL_REASON_ANSWERS)


def _activity_requirement(ctx: Context) -> Iterator[Hit]:
    point = ctx.timeline.milestone("AKTIVITETSKRAV").date
    for i, p in enumerate(ctx.periods):
        if p.kind is PeriodKind.AKTIVITET_IKKE_MULIG and p.to >= point and not _documented_reason(ctx, i):
            yield Hit(
                {"date": point, "number": i + 1},
                {
                    "period": i,
                    "to": p.to,
                    "aktivitetskrav_date": point,
                    "case_start": ctx.case_start,
                    "medical_reasons": list(p.medical_reasons or []),
                    "work_related_reasons": list(ctx.note.work_related_reasons),
                    "answered": [q for q in _MEDICAL_REASON_ANSWERS if answered(ctx.note.answers, q)],
                },
                (
                    ctx.period_path(i, "medical_reasons"),
                    "sick_note.work_related_reasons",
                    "sick_note.answers.6.3.2",
                ),
            )


def _questions_missing(ctx: Context) -> Iterator[Hit]:
    due = ctx.questions
    missing = tuple(q for q in due.required if not answered(ctx.note.answers, q))
    if missing:
        yield Hit(
            {"weeks": list(due.weeks), "questions": list(missing)},
            {**due.inputs(), "due": list(due.ids), "required": list(due.required), "missing": list(missing)},
            tuple(f"sick_note.answers.{q}" for q in missing),
        )


def _past_max_date(ctx: Context) -> Iterator[Hit]:
    max_date = ctx.timeline.max_date
    if ctx.last_tom is None or max_date.basis == MaxDateBasis.SYTTI_AAR:
        return
    if ctx.last_tom > max_date.date:
        yield Hit(
            {"to": ctx.last_tom, "maksdato": max_date.date},
            {
                "last_to": ctx.last_tom,
                "maksdato": max_date.date,
                "basis": max_date.basis,
                "days_used": max_date.days_used,
                "days_used_after_67": max_date.days_used_after_67,
            },
            ("sick_note.periods",),
        )


def _from_70(ctx: Context) -> Iterator[Hit]:
    if ctx.birth_date is None or ctx.last_tom is None:
        return
    turns = plus_years(ctx.birth_date, ctx.p("no_benefit_age_years"))
    if ctx.last_tom >= turns:
        yield Hit(
            {"birthday": turns, "to": ctx.last_tom},
            {"birth_date": ctx.birth_date, "turns_70": turns, "last_to": ctx.last_tom},
            ("sick_note.periods", "patient.birth_date"),
        )


def _after_67(ctx: Context) -> Iterator[Hit]:
    if ctx.birth_date is None or ctx.last_tom is None:
        return
    turns_67 = plus_years(ctx.birth_date, ctx.p("reduced_benefit_age_years"))
    turns_70 = plus_years(ctx.birth_date, ctx.p("no_benefit_age_years"))
    if turns_67 < ctx.last_tom < turns_70:
        used = ctx.timeline.max_date.days_used_after_67 or 0
        yield Hit(
            {"birthday": turns_67, "limit": ctx.p("max_sickness_benefit_days_after_67"), "used": used},
            {
                "birth_date": ctx.birth_date,
                "turns_67": turns_67,
                "last_to": ctx.last_tom,
                "days_used_after_67": used,
            },
            ("sick_note.periods", "patient.birth_date"),
        )


_OWN: Final = Tree.ARBEIDSFOKUS
_SRC: Final = "gp_tool/rules/own_rules.py; "

OWN_RULES: Final[tuple[RuleSpec, ...]] = (
    RuleSpec(
        "AVVENTENDE_UTOVER_ARBEIDSGIVERPERIODEN",
        _OWN,
        Severity.BLOCK,
        None,
        _legal("employer_period_days"),
        N_(
            "An awaiting sick note (avventende) can only be used within the 16-day employer period, which ends {end}; this one runs from {from} to {to}."
        ),
        N_(
            "Stop when an avventende period is longer than 16 calendar days (counted inclusively) or goes past the end of the employer period as the tool computes it. The law and NAV's own rule text allow avventende only in the 16-day employer period; NAV's code accepts up to 17 days (AVVENTENDE_SYKMELDING_OVER_16_DAGER), so this check is stricter (domain brief §8.3)."
        ),
        ("sick_note.periods", "case_start", "earlier_sick_notes"),
        ("employer_period_days", "employer_period_reset_days"),
        _SRC
        + "ftrl § 8-19 (1); nav.no avventende sykmelding; regulus-regula PeriodeRuleDefinitions.kt (message text)",
        _avventende_outside,
    ),
    RuleSpec(
        "GRADERT_NEGATIV_GRAD",
        _OWN,
        Severity.BLOCK,
        None,
        _legal("payment_floor_percent"),
        N_(
            "Period {number} has a negative percentage ({grade}): enter the sick-leave percentage (20 to 99 for graded sick leave)."
        ),
        N_(
            "Stop for a graded period with a percentage below 0, a typing error that NAV's receiving rules do not catch (they only test for 0 and above 99)."
        ),
        ("sick_note.periods[].grade",),
        (),
        _SRC + "ftrl § 8-13 (1)",
        _negative_grade,
    ),
    RuleSpec(
        "GRADERT_UNDER_20_PROSENT",
        _OWN,
        Severity.WARN,
        None,
        _legal("payment_floor_percent"),
        N_(
            "Period {number} is graded at {grade}: NAV accepts the sick note but pays no sickness benefit for days under {floor}."
        ),
        N_(
            "Warn for a graded period from 1 to 19 %. Since 2024-02-07 NAV's receiving rules accept it (the rule GRADERT_SYKMELDING_UNDER_20_PROSENT was removed, syfosmregler commit e06b97c), but the payment engine refuses days whose sickness degree is under 20 % (helse-spleis Prosentdel.kt, ftrl § 8-13 (1)) unless a caseworker decides otherwise."
        ),
        ("sick_note.periods[].grade",),
        ("payment_floor_percent",),
        _SRC + "ftrl § 8-13 (1); helse-spleis Prosentdel.kt",
        _under_payment_floor,
    ),
    RuleSpec(
        "AKTIVITETSKRAV_UTEN_BEGRUNNELSE",
        _OWN,
        Severity.BLOCK,
        None,
        _legal("aktivitetskrav_weeks"),
        N_(
            "Full sick leave at or past the 8-week point ({date}) needs a documented reason (period {number}): give the medical reason why activity is not possible now (question 6.3.2), or state that the workplace cannot adjust."
        ),
        N_(
            "Stop for a 100 % period (no activity possible) that reaches the 8-week point (case start + 8 weeks - 1 day) when the note documents neither a medical reason (a medisinsk årsak on the period, or an answer to 6.3.2, 6.4.2 or 6.5.2) nor a work-related reason (MANGLENDE_TILRETTELEGGING, or ANNET with a text). Stop rather than warn: after 8 weeks sickness benefit requires that the sick note documents why activity is impossible (ftrl § 8-8 (2), § 8-7), only the GP can supply it, and it must be in this note; without it NAV waits for information from the GP (isaktivitetskrav AVVENT / INFORMASJON_BEHANDLER) or stops the benefit."
        ),
        ("sick_note.periods", "sick_note.work_related_reasons", "sick_note.answers", "case_start"),
        ("aktivitetskrav_weeks",),
        _SRC + "ftrl § 8-8 (2); isaktivitetskrav Aktivitetskrav.kt; syk-inn question 6.3.2",
        _activity_requirement,
    ),
    RuleSpec(
        "UTDYPENDE_OPPLYSNINGER_MANGLER",
        _OWN,
        Severity.BLOCK,
        None,
        _legal("question_weeks"),
        N_("NAV's questions for week {weeks} must be answered on this sick note; missing: {questions}."),
        N_(
            "Stop when NAV's week 7, 17 or 39 questions are due on this note (the triggers of NAV's app syk-inn, see questions_due) and a required one has no answer. NAV's form does not let the note be sent without them; NAV's receiving rules do not check them."
        ),
        ("sick_note.periods", "sick_note.answers", "earlier_sick_notes"),
        ("question_weeks", "question_gap_days"),
        _SRC + "syk-inn utdypende-sporsmal-utils.ts, UtdypendeendeSporsmal.tsx",
        _questions_missing,
    ),
    RuleSpec(
        "DAGER_ETTER_MAKSDATO",
        _OWN,
        Severity.WARN,
        None,
        _legal("max_sickness_benefit_days"),
        N_(
            "The sick note runs to {to}, past the last day of sickness benefit ({maksdato}): NAV pays no sickness benefit after that day."
        ),
        N_(
            "Warn when the new note reaches past maksdato, that is when the case's paid weekdays use up the 248-day quota (or the 60 days after the 67th birthday). NAV accepts the note; the days after maksdato are not paid. Earlier cases in the last three years are not known to the tool."
        ),
        ("sick_note.periods", "earlier_sick_notes", "patient.birth_date"),
        ("max_sickness_benefit_days", "max_sickness_benefit_days_after_67", "reduced_benefit_age_years"),
        _SRC + "ftrl § 8-12; helse-spleis Maksdatokontekst.kt",
        _past_max_date,
    ),
    RuleSpec(
        "DAGER_FRA_FYLTE_70",
        _OWN,
        Severity.WARN,
        None,
        _legal("no_benefit_age_years"),
        N_(
            "The patient turns 70 on {birthday} and no sickness benefit is paid from that day; this sick note runs to {to}. NAV still accepts the sick note."
        ),
        N_(
            "Warn when the new note reaches the patient's 70th birthday or later. Since 2024-02-07 NAV's receiving rules accept it (PASIENT_ELDRE_ENN_70 was removed), but no day from the 70th birthday is paid (helse-spleis Alder.kt)."
        ),
        ("sick_note.periods", "patient.birth_date", "patient.national_id"),
        ("no_benefit_age_years",),
        _SRC + "ftrl § 8-3 (1) 2. pkt.; helse-spleis Alder.kt",
        _from_70,
    ),
    RuleSpec(
        "BEGRENSET_SYKEPENGERETT_67",
        _OWN,
        Severity.INFO,
        None,
        _legal("max_sickness_benefit_days_after_67"),
        N_(
            "The patient turned 67 on {birthday}: after that day sickness benefit is paid for at most {limit} days; {used} of them are used by the end of this sick note."
        ),
        N_(
            "Information when the new note reaches past the 67th birthday (and ends before the 70th): from then on only 60 paid days remain (ftrl § 8-12 (4), § 8-51)."
        ),
        ("sick_note.periods", "patient.birth_date", "earlier_sick_notes"),
        ("reduced_benefit_age_years", "max_sickness_benefit_days_after_67", "no_benefit_age_years"),
        _SRC + "ftrl § 8-12 (4); helse-spleis Maksdatokontekst.kt",
        _after_67,
    ),
)
