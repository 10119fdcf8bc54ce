"""NAV's receiving rules, trees 1-6, as far as a case file lets them be judged (domain brief §3.2).

Rule names are NAV's outcome names; each check states NAV's condition exactly and cites the file it
comes from (navikt/regulus-regula, ``regula/src/main/kotlin/no/nav/tsm/regulus/regula/rules/trees/``).
Unlike NAV's engine, every rule is evaluated and every hit is listed, one finding per period or
diagnosis concerned; :mod:`gp_tool.rules.engine` still computes the outcome NAV's engine would reach.

Not evaluated (no data in a case file, or not this tool's flow): tree 0 (suspended doctor), the HPR
register lookups, the office org. number, paper sick notes and the ruleset version; see
:data:`gp_tool.rules.catalogue.NOT_EVALUATED`.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterator
from typing import Final

from gp_tool.domain.case import DiagnosisSystem, HprCategory, PeriodKind
from gp_tool.i18n.markers import N_
from gp_tool.rules.calendar import days, days_between, plus_years, started_weeks, weekdays_between
from gp_tool.rules.context import Context
from gp_tool.rules.legal import NONE, LegalRef
from gp_tool.rules.model import Hit, Msg, NavOutcome, Percent, RuleSpec, Severity, Tree

__all__ = ["BACKDATING_RULES", "NAV_RULES"]

_REGULA: Final = "navikt/regulus-regula rules/trees/"
_FTRL_8_4_1: Final = LegalRef("ftrl", "8-4", 1)
_FTRL_8_3_1: Final = LegalRef("ftrl", "8-3", 1)
_FTRL_8_7_1: Final = LegalRef("ftrl", "8-7", 1)


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


# ---------------------------------------------------------------------------- tree 1: validering


def _same_person(ctx: Context) -> Iterator[Hit]:
    patient = _digits(ctx.case.patient.national_id)
    sykmelder = _digits(ctx.case.sykmelder.national_id)
    if patient and patient == sykmelder:
        yield Hit({}, {"same_national_id": True}, ("sykmelder.national_id", "patient.national_id"))


# ---------------------------------------------------------------------------- tree 2: perioder


def _no_periods(ctx: Context) -> Iterator[Hit]:
    if not ctx.periods:
        yield Hit({}, {"periods": 0}, ("sick_note.periods",))


def _from_after_to(ctx: Context) -> Iterator[Hit]:
    for i, p in enumerate(ctx.periods):
        if p.from_ > p.to:
            yield Hit(
                {"number": i + 1, "from": p.from_, "to": p.to},
                {"period": i, "from": p.from_, "to": p.to},
                (ctx.period_path(i, "from"), ctx.period_path(i, "to")),
            )


def _overlapping(ctx: Context) -> Iterator[Hit]:
    periods = ctx.periods

    def inside(day: dt.date, other: int) -> bool:
        o = periods[other]
        return o.from_ <= day <= o.to

    for i in range(len(periods)):
        for j in range(i + 1, len(periods)):
            a, b = periods[i], periods[j]
            if a == b:  # NAV compares periods by value: two identical periods do not overlap there
                continue
            if inside(a.from_, j) or inside(a.to, j) or inside(b.from_, i) or inside(b.to, i):
                yield Hit(
                    {"number": i + 1, "other": j + 1},
                    {
                        "period": i,
                        "other": j,
                        "from": a.from_,
                        "to": a.to,
                        "other_from": b.from_,
                        "other_to": b.to,
                    },
                    (ctx.period_path(i), ctx.period_path(j)),
                )


def _gap_between(ctx: Context) -> Iterator[Hit]:
    order = sorted(range(len(ctx.periods)), key=lambda i: ctx.periods[i].from_)
    for before, after in itertools.pairwise(order):
        end, start = ctx.periods[before].to, ctx.periods[after].from_
        working = weekdays_between(end, start)
        if working > 0:
            yield Hit(
                {"end": end, "start": start},
                {
                    "period": before,
                    "next_period": after,
                    "end": end,
                    "start": start,
                    "working_days_between": working,
                },
                (ctx.period_path(before, "to"), ctx.period_path(after, "from")),
            )


_MISSING_PART: Final = {
    PeriodKind.GRADERT: Msg(N_("sick-leave percentage")),
    PeriodKind.BEHANDLINGSDAGER: Msg(N_("number of treatment days")),
}


def _undefined(ctx: Context) -> Iterator[Hit]:
    for i, p in enumerate(ctx.periods):
        missing = (p.kind is PeriodKind.GRADERT and p.grade is None) or (
            p.kind is PeriodKind.BEHANDLINGSDAGER and p.treatment_days is None
        )
        if missing:
            field = "grade" if p.kind is PeriodKind.GRADERT else "treatment_days"
            yield Hit(
                {"number": i + 1, "what": _MISSING_PART[p.kind]},
                {"period": i, "kind": p.kind, field: None},
                (ctx.period_path(i, field),),
            )


def _signed_after_received(ctx: Context) -> Iterator[Hit]:
    tolerance = ctx.p("received_date_tolerance_days")
    if ctx.note.signed > ctx.today + days(tolerance):
        yield Hit(
            {"signed": ctx.note.signed, "today": ctx.today},
            {"signed": ctx.note.signed, "received": ctx.today, "tolerance_days": tolerance},
            ("sick_note.signed",),
        )


def _avventende_indices(ctx: Context) -> list[int]:
    return [i for i, p in enumerate(ctx.periods) if p.kind is PeriodKind.AVVENTENDE]


def _avventende_combined(ctx: Context) -> Iterator[Hit]:
    found = _avventende_indices(ctx)
    if found and len(ctx.periods) > 1:
        yield Hit(
            {"count": len(ctx.periods)},
            {"avventende_periods": len(found), "periods": len(ctx.periods)},
            tuple(ctx.period_path(i) for i in found),
        )


def _no_advice(ctx: Context) -> Iterator[Hit]:
    for i in _avventende_indices(ctx):
        if not (ctx.periods[i].advice_to_employer or "").strip():
            yield Hit(
                {"number": i + 1},
                {"period": i, "advice_to_employer": ""},
                (ctx.period_path(i, "advice_to_employer"),),
            )


def _avventende_too_long(ctx: Context) -> Iterator[Hit]:
    limit = ctx.p("avventende_max_days_between")
    for i in _avventende_indices(ctx):
        p = ctx.periods[i]
        between = days_between(p.from_, p.to)
        if between > limit:
            yield Hit(
                {"days": between + 1, "from": p.from_, "to": p.to},
                {
                    "period": i,
                    "from": p.from_,
                    "to": p.to,
                    "days_between": between,
                    "limit_days_between": limit,
                },
                (ctx.period_path(i, "to"),),
            )


def _too_many_treatment_days(ctx: Context) -> Iterator[Hit]:
    for i, p in enumerate(ctx.periods):
        if p.kind is PeriodKind.BEHANDLINGSDAGER and p.treatment_days is not None:
            weeks = started_weeks(p.from_, p.to)
            if p.treatment_days > weeks:
                yield Hit(
                    {"number": i + 1, "count": p.treatment_days, "from": p.from_, "to": p.to},
                    {"period": i, "treatment_days": p.treatment_days, "started_weeks": weeks},
                    (ctx.period_path(i, "treatment_days"),),
                )


def _graded_over_99(ctx: Context) -> Iterator[Hit]:
    for i, p in enumerate(ctx.periods):
        if p.kind is PeriodKind.GRADERT and p.grade is not None and p.grade > 99:
            yield Hit(
                {"number": i + 1, "grade": Percent(p.grade)},
                {"period": i, "grade": p.grade},
                (ctx.period_path(i, "grade"),),
            )


def _graded_zero(ctx: Context) -> Iterator[Hit]:
    for i, p in enumerate(ctx.periods):
        if p.kind is PeriodKind.GRADERT and p.grade == 0:
            yield Hit({"number": i + 1}, {"period": i, "grade": 0}, (ctx.period_path(i, "grade"),))


def _treatment_days(ctx: Context) -> Iterator[Hit]:
    for i, p in enumerate(ctx.periods):
        if p.kind is PeriodKind.BEHANDLINGSDAGER:
            yield Hit({"number": i + 1}, {"period": i, "kind": p.kind}, (ctx.period_path(i, "kind"),))


# ---------------------------------------------------------------------------- tree 3: HPR


_CAPPED_CATEGORIES: Final = frozenset({HprCategory.MT, HprCategory.FT, HprCategory.KI})


def _over_12_weeks(ctx: Context) -> Iterator[Hit]:
    category = ctx.case.sykmelder.category
    if (
        category not in _CAPPED_CATEGORIES
        or ctx.first_fom is None
        or ctx.last_tom is None
        or ctx.nav_start is None
    ):
        return
    limit = ctx.p("mt_ft_ki_max_days_between")
    note_days = days_between(ctx.first_fom, ctx.last_tom)
    case_days = days_between(ctx.nav_start, ctx.last_tom)
    if note_days > limit or case_days > limit:
        yield Hit(
            {"to": ctx.last_tom, "start": ctx.nav_start, "days": case_days + 1},
            {
                "category": category,
                "first_from": ctx.first_fom,
                "last_to": ctx.last_tom,
                "nav_case_start": ctx.nav_start,
                "days_between_note": note_days,
                "days_between_case": case_days,
                "limit_days_between": limit,
            },
            ("sykmelder.category", "sick_note.periods"),
        )


# ---------------------------------------------------------------------------- tree 4: arbeidsuførhet


def _no_reason(ctx: Context) -> Iterator[Hit]:
    if ctx.note.main_diagnosis is None and ctx.note.other_absence_reason is None:
        yield Hit(
            {},
            {"main_diagnosis": None, "other_absence_reason": None},
            ("sick_note.main_diagnosis", "sick_note.other_absence_reason"),
        )


def _main_invalid(ctx: Context) -> Iterator[Hit]:
    d = ctx.note.main_diagnosis
    if d is not None and not ctx.code_valid(d):
        yield Hit(
            {"system": d.system.value, "code": d.code},
            {"system": d.system, "code": d.code, "in_code_list": False},
            ("sick_note.main_diagnosis",),
        )


def _is_icpc(system: DiagnosisSystem) -> bool:
    return system in {DiagnosisSystem.ICPC2, DiagnosisSystem.ICPC2B}


def _z_code(ctx: Context) -> Iterator[Hit]:
    d = ctx.note.main_diagnosis
    if d is not None and _is_icpc(d.system) and d.code.strip().upper().startswith("Z"):
        yield Hit({"code": d.code}, {"system": d.system, "code": d.code}, ("sick_note.main_diagnosis",))


def _a97(ctx: Context) -> Iterator[Hit]:
    d = ctx.note.main_diagnosis
    if d is not None and _is_icpc(d.system):
        code = d.code.strip().upper()
        if code == "A97" or code.startswith("A97."):
            yield Hit({"code": d.code}, {"system": d.system, "code": d.code}, ("sick_note.main_diagnosis",))


def _secondary_invalid(ctx: Context) -> Iterator[Hit]:
    for i, d in enumerate(ctx.note.secondary_diagnoses):
        if not ctx.code_valid(d):
            yield Hit(
                {"system": d.system.value, "code": d.code},
                {"index": i, "system": d.system, "code": d.code, "in_code_list": False},
                (f"sick_note.secondary_diagnoses[{i}]",),
            )


# ---------------------------------------------------------------------------- tree 5: pasient under 13


def _under_13(ctx: Context) -> Iterator[Hit]:
    born, last = ctx.birth_date, ctx.last_tom
    if born is None or last is None:
        return
    years = ctx.p("minimum_age_years")
    turns = plus_years(born, years)
    if last < turns:
        field = "patient.birth_date" if ctx.case.patient.birth_date is not None else "patient.national_id"
        yield Hit(
            {"to": last, "birthday": turns},
            {"last_to": last, "birth_date": born, "turns_minimum_age": turns, "minimum_age_years": years},
            (field,),
        )


# ---------------------------------------------------------------------------- tree 6: dato


def _first_period_fields(ctx: Context) -> tuple[str, ...]:
    first = min(range(len(ctx.periods)), key=lambda i: ctx.periods[i].from_)
    return (ctx.period_path(first, "from"),)


def _future_dated(ctx: Context) -> Iterator[Hit]:
    if ctx.first_fom is None:
        return
    limit = ctx.p("future_dated_max_days")
    if ctx.first_fom > ctx.note.signed + days(limit):
        yield Hit(
            {"from": ctx.first_fom, "signed": ctx.note.signed},
            {"first_from": ctx.first_fom, "signed": ctx.note.signed, "limit_days": limit},
            (*_first_period_fields(ctx), "sick_note.signed"),
        )


def _over_3_years_back(ctx: Context) -> Iterator[Hit]:
    if ctx.first_fom is None:
        return
    years = ctx.p("backdated_max_years")
    limit = plus_years(ctx.today, -years)
    if ctx.first_fom < limit:
        yield Hit(
            {"from": ctx.first_fom},
            {"first_from": ctx.first_fom, "today": ctx.today, "earliest_allowed": limit},
            _first_period_fields(ctx),
        )


def _over_a_year(ctx: Context) -> Iterator[Hit]:
    if ctx.first_fom is None or ctx.last_tom is None:
        return
    limit = ctx.p("total_duration_max_days_between")
    between = days_between(ctx.first_fom, ctx.last_tom)
    if between > limit:
        yield Hit(
            {"days": between + 1, "from": ctx.first_fom, "to": ctx.last_tom},
            {
                "first_from": ctx.first_fom,
                "last_to": ctx.last_tom,
                "days_between": between,
                "limit_days_between": limit,
            },
            ("sick_note.periods",),
        )


# ---------------------------------------------------------------------------- the declarations

_INVALID, _MANUAL = NavOutcome.INVALID, NavOutcome.MANUAL_PROCESSING
_BLOCK, _WARN = Severity.BLOCK, Severity.WARN
_PERIODS_IN: Final = ("sick_note.periods",)

NAV_RULES: Final[tuple[RuleSpec, ...]] = (
    # ---- tree 1: structural validation
    RuleSpec(
        "AVSENDER_FNR_ER_SAMME_SOM_PASIENT_FNR",
        Tree.VALIDERING,
        _BLOCK,
        _INVALID,
        NONE,
        N_("You cannot sign a sick note for yourself: your national identity number is the patient's."),
        N_(
            "NAV rejects a sick note whose sender has the patient's national identity number. The tool takes the certifying practitioner as the sender and compares the two numbers when both are given."
        ),
        ("patient.national_id", "sykmelder.national_id"),
        (),
        _REGULA + "validering/ValideringRules.kt",
        _same_person,
        "INGEN",
    ),
    RuleSpec(
        "BEHANDLER_FNR_ER_SAMME_SOM_PASIENT_FNR",
        Tree.VALIDERING,
        _BLOCK,
        _INVALID,
        NONE,
        N_("You cannot write a sick note for yourself: the certifying practitioner is the patient."),
        N_(
            "NAV rejects a sick note whose certifying practitioner has the patient's national identity number (compared when both are given)."
        ),
        ("patient.national_id", "sykmelder.national_id"),
        (),
        _REGULA + "validering/ValideringRules.kt",
        _same_person,
        "INGEN",
    ),
    # ---- tree 2: periods
    RuleSpec(
        "PERIODER_MANGLER",
        Tree.PERIODER,
        _BLOCK,
        _INVALID,
        NONE,
        N_("The sick note has no period."),
        N_(
            "NAV rejects a sick note without periods. (A case file cannot hold such a note; the rule is kept for completeness.)"
        ),
        _PERIODS_IN,
        (),
        _REGULA + "periode/PeriodeRules.kt",
        _no_periods,
        "INGEN",
    ),
    RuleSpec(
        "FRADATO_ETTER_TILDATO",
        Tree.PERIODER,
        _BLOCK,
        _INVALID,
        NONE,
        N_("Period {number} ends before it starts ({from} to {to})."),
        N_("NAV rejects a sick note with a period whose first day (fom) is after its last day (tom)."),
        _PERIODS_IN,
        (),
        _REGULA + "periode/PeriodeRules.kt",
        _from_after_to,
        "INGEN",
    ),
    RuleSpec(
        "OVERLAPPENDE_PERIODER",
        Tree.PERIODER,
        _BLOCK,
        _INVALID,
        NONE,
        N_("Period {number} overlaps period {other}."),
        N_(
            "NAV rejects a sick note in which the first or last day of a period lies inside another period (both ends counted). NAV compares periods by value, so two identical periods do not count as overlapping; the tool does the same."
        ),
        _PERIODS_IN,
        (),
        _REGULA + "periode/PeriodeRules.kt",
        _overlapping,
        "INGEN",
    ),
    RuleSpec(
        "OPPHOLD_MELLOM_PERIODER",
        Tree.PERIODER,
        _BLOCK,
        _INVALID,
        NONE,
        N_(
            "No period covers the working days between {end} and {start}: the periods must follow each other without a gap (a weekend is allowed)."
        ),
        N_(
            "NAV sorts the periods by first day and rejects the sick note when any weekday (Monday to Friday) lies strictly between one period's last day and the next period's first day. A gap of only a weekend is allowed."
        ),
        _PERIODS_IN,
        (),
        _REGULA + "periode/PeriodeRules.kt; utils/DateUtils.kt workdaysBetween",
        _gap_between,
        "INGEN",
    ),
    RuleSpec(
        "IKKE_DEFINERT_PERIODE",
        Tree.PERIODER,
        _BLOCK,
        _INVALID,
        NONE,
        N_("Period {number} lacks its {what}, so NAV cannot tell what kind of sick leave it is."),
        N_(
            "NAV rejects a period whose kind cannot be derived. A case file always states the kind; the tool reports a graded period without a percentage, or a treatment-days period without a number of days, because NAV would receive no valid period of that kind [inference]."
        ),
        _PERIODS_IN,
        (),
        _REGULA + "periode/PeriodeRules.kt; payload/Aktivitet.kt",
        _undefined,
        "INGEN",
    ),
    RuleSpec(
        "BEHANDLINGSDATO_ETTER_MOTTATTDATO",
        Tree.PERIODER,
        _BLOCK,
        _INVALID,
        NONE,
        N_(
            "The sick note is signed {signed}, later than the day NAV would receive it ({today}); correct the date of the consultation."
        ),
        N_(
            "NAV rejects a sick note whose consultation time is more than one day after NAV received it. The tool takes today as the day of receipt and compares the signing date with it."
        ),
        ("sick_note.signed", "today"),
        ("received_date_tolerance_days",),
        _REGULA + "periode/PeriodeRules.kt",
        _signed_after_received,
        "INGEN",
    ),
    RuleSpec(
        "AVVENTENDE_SYKMELDING_KOMBINERT",
        Tree.PERIODER,
        _BLOCK,
        _INVALID,
        NONE,
        N_(
            "An awaiting sick note (avventende) must be the only period of the sick note; this one has {count} periods."
        ),
        N_("NAV rejects a sick note that has an avventende period and more than one period."),
        _PERIODS_IN,
        (),
        _REGULA + "periode/PeriodeRules.kt",
        _avventende_combined,
        "INGEN",
    ),
    RuleSpec(
        "MANGLENDE_INNSPILL_TIL_ARBEIDSGIVER",
        Tree.PERIODER,
        _BLOCK,
        _INVALID,
        NONE,
        N_(
            "The awaiting sick note (period {number}) needs advice to the employer on how the work can be adjusted."
        ),
        N_(
            "NAV rejects an avventende period whose advice to the employer (innspill til arbeidsgiver, field 4.1.3) is empty or only blanks."
        ),
        ("sick_note.periods[].advice_to_employer",),
        (),
        _REGULA + "periode/PeriodeRules.kt",
        _no_advice,
        "INGEN",
    ),
    RuleSpec(
        "AVVENTENDE_SYKMELDING_OVER_16_DAGER",
        Tree.PERIODER,
        _BLOCK,
        _INVALID,
        NONE,
        N_(
            "The awaiting sick note runs for {days} calendar days ({from} to {to}); NAV rejects one of more than 17 days."
        ),
        N_(
            "NAV rejects an avventende period when DAYS.between(fom, tom) > 16, that is from 18 calendar days counted inclusively. The law allows avventende only inside the 16-day employer period; the tool's own rule AVVENTENDE_UTOVER_ARBEIDSGIVERPERIODEN is stricter (domain brief §8.3)."
        ),
        _PERIODS_IN,
        ("avventende_max_days_between",),
        _REGULA + "periode/PeriodeRules.kt",
        _avventende_too_long,
        "INGEN",
    ),
    RuleSpec(
        "FOR_MANGE_BEHANDLINGSDAGER_PER_UKE",
        Tree.PERIODER,
        _BLOCK,
        _INVALID,
        NONE,
        N_(
            "Period {number} ({from} to {to}) has {count} treatment days; at most one treatment day per started week is allowed."
        ),
        N_(
            "NAV rejects a treatment-days period with more treatment days than started weeks: WEEKS.between(fom, tom) + 1, that is the inclusive length divided by 7, rounded up."
        ),
        ("sick_note.periods[].treatment_days",),
        (),
        _REGULA + "periode/PeriodeRules.kt",
        _too_many_treatment_days,
        "INGEN",
    ),
    RuleSpec(
        "GRADERT_SYKMELDING_OVER_99_PROSENT",
        Tree.PERIODER,
        _BLOCK,
        _INVALID,
        NONE,
        N_(
            "Period {number} is graded at {grade}: graded sick leave must be under 100 %. Use full sick leave (no activity possible) instead."
        ),
        N_("NAV rejects a graded period with a percentage above 99."),
        ("sick_note.periods[].grade",),
        (),
        _REGULA + "periode/PeriodeRules.kt",
        _graded_over_99,
        "INGEN",
    ),
    RuleSpec(
        "GRADERT_SYKMELDING_0_PROSENT",
        Tree.PERIODER,
        _BLOCK,
        _INVALID,
        NONE,
        N_("Period {number} is graded at 0 %: graded sick leave cannot be 0 %."),
        N_("NAV rejects a graded period with a percentage of exactly 0."),
        ("sick_note.periods[].grade",),
        (),
        _REGULA + "periode/PeriodeRules.kt",
        _graded_zero,
        "INGEN",
    ),
    RuleSpec(
        "SYKMELDING_MED_BEHANDLINGSDAGER",
        Tree.PERIODER,
        _WARN,
        _MANUAL,
        NONE,
        N_("Period {number} has treatment days: NAV always sends such sick notes to a caseworker."),
        N_("NAV sends every sick note with a treatment-days period to manual processing."),
        _PERIODS_IN,
        (),
        _REGULA + "periode/PeriodeRules.kt",
        _treatment_days,
        "INGEN",
    ),
    # ---- tree 3: HPR
    RuleSpec(
        "BEHANDLER_MT_FT_KI_OVER_12_UKER",
        Tree.HPR,
        _BLOCK,
        _INVALID,
        _FTRL_8_7_1,
        N_(
            "Manual therapists, physiotherapists and chiropractors cannot sick-list beyond 12 weeks: this sick note reaches {to}, day {days} of the absence that began {start}. The regular GP must take over."
        ),
        N_(
            "For a manual therapist, or a physiotherapist or chiropractor with the additional competence, NAV rejects the sick note when DAYS.between(first fom, last tom) > 84 or DAYS.between(case start, last tom) > 84, with NAV's own case start (16-day chaining). The register lookups themselves (is the practitioner in HPR, authorised, with the additional competence) cannot be made offline; the tool takes the category from the case file and assumes the competence [inference]."
        ),
        ("sykmelder.category", "sick_note.periods", "earlier_sick_notes"),
        ("mt_ft_ki_max_days_between", "case_chain_gap_days", "earlier_notes_window_weeks"),
        _REGULA + "hpr/HprRules.kt SYKEFRAVAR_OVER_12_UKER",
        _over_12_weeks,
        "FOLKETRYGDLOVEN_8_7_1",
    ),
    # ---- tree 4: arbeidsuførhet
    RuleSpec(
        "FRAVAERSGRUNN_MANGLER",
        Tree.ARBEIDSUFORHET,
        _BLOCK,
        _INVALID,
        _FTRL_8_4_1,
        N_("The sick note needs a main diagnosis or another legal reason for absence."),
        N_(
            "NAV rejects a sick note that has neither a main diagnosis nor another legal reason for absence (annen lovfestet fraværsgrunn)."
        ),
        ("sick_note.main_diagnosis", "sick_note.other_absence_reason"),
        (),
        _REGULA + "arbeidsuforhet/ArbeidsuforhetRules.kt",
        _no_reason,
        "FOLKETRYGDLOVEN_8_4",
    ),
    RuleSpec(
        "UGYLDIG_KODEVERK_FOR_HOVEDDIAGNOSE",
        Tree.ARBEIDSUFORHET,
        _BLOCK,
        _INVALID,
        _FTRL_8_4_1,
        N_("The main diagnosis {system} {code} is not in NAV's {system} code list."),
        N_(
            "NAV rejects a main diagnosis whose code is not in the list of its system (ICPC-2, ICPC-2B or ICD-10). An ICPC-2B term is valid when it is in the ICPC-2B list and its ICPC-2 parent is valid. The lists are the ones shipped with the tool (gp_tool/resources/codes)."
        ),
        ("sick_note.main_diagnosis",),
        (),
        _REGULA + "arbeidsuforhet/ArbeidsuforhetRules.kt",
        _main_invalid,
        "FOLKETRYGDLOVEN_8_4",
    ),
    RuleSpec(
        "ICPC_2_Z_DIAGNOSE",
        Tree.ARBEIDSUFORHET,
        _BLOCK,
        _INVALID,
        _FTRL_8_4_1,
        N_(
            "The main diagnosis {code} is a Z code (social problems), which gives no right to sickness benefit: code the condition that reduces the patient's function."
        ),
        N_(
            "NAV rejects a main diagnosis coded in ICPC-2 or ICPC-2B whose code starts with Z. Work incapacity caused by social or economic problems gives no right to sickness benefit (ftrl § 8-4)."
        ),
        ("sick_note.main_diagnosis",),
        (),
        _REGULA + "arbeidsuforhet/ArbeidsuforhetRules.kt",
        _z_code,
        "FOLKETRYGDLOVEN_8_4",
    ),
    RuleSpec(
        "ICPC_2_A97",
        Tree.ARBEIDSUFORHET,
        _BLOCK,
        _INVALID,
        _FTRL_8_4_1,
        N_("The main diagnosis {code} (no disease) gives no right to sickness benefit."),
        N_(
            "NAV rejects a main diagnosis A97 (or an ICPC-2B term A97.x) coded in ICPC-2 or ICPC-2B. [unverified] The rule is in the regulus-regula copy read for this tool (ArbeidsuforhetRuleTree.kt, commit 52e7b33) but not in the snapshot of the domain brief (§3.1, §8.11), which saw only syk-inn's text for it."
        ),
        ("sick_note.main_diagnosis",),
        (),
        _REGULA + "arbeidsuforhet/ArbeidsuforhetRules.kt (commit 52e7b33)",
        _a97,
        "FOLKETRYGDLOVEN_8_4",
    ),
    RuleSpec(
        "UGYLDIG_KODEVERK_FOR_BIDIAGNOSE",
        Tree.ARBEIDSUFORHET,
        _BLOCK,
        _INVALID,
        _FTRL_8_4_1,
        N_("The secondary diagnosis {system} {code} is not in NAV's {system} code list."),
        N_(
            "NAV rejects a sick note with a secondary diagnosis whose code is not in the list of its system (same check as for the main diagnosis)."
        ),
        ("sick_note.secondary_diagnoses",),
        (),
        _REGULA + "arbeidsuforhet/ArbeidsuforhetRules.kt",
        _secondary_invalid,
        "FOLKETRYGDLOVEN_8_4",
    ),
    # ---- tree 5: patient under 13
    RuleSpec(
        "PASIENT_YNGRE_ENN_13",
        Tree.PASIENT_UNDER_13,
        _BLOCK,
        _INVALID,
        _FTRL_8_3_1,
        N_(
            "The patient is under 13 on the last day of the sick note ({to}; 13 years old on {birthday}). A sick note cannot be used; write a medical certificate (legeerklæring) instead."
        ),
        N_(
            "NAV rejects a sick note whose last day is before the patient's 13th birthday. The birth date is taken from the case file, or else from the national identity number."
        ),
        ("patient.birth_date", "patient.national_id", "sick_note.periods"),
        ("minimum_age_years",),
        _REGULA + "pasientUnder13/PasientUnder13Rules.kt",
        _under_13,
        "FOLKETRYGDLOVEN_8_3_1",
    ),
    # ---- tree 6: dates
    RuleSpec(
        "FREMDATERT",
        Tree.DATO,
        _BLOCK,
        _INVALID,
        NONE,
        N_("The sick note starts {from}, more than 30 days after it is signed ({signed})."),
        N_("NAV rejects a sick note whose first day is more than 30 days after the signing date."),
        ("sick_note.periods", "sick_note.signed"),
        ("future_dated_max_days",),
        _REGULA + "dato/DatoRules.kt",
        _future_dated,
        "INGEN",
    ),
    RuleSpec(
        "TILBAKEDATERT_MER_ENN_3_AR",
        Tree.DATO,
        _BLOCK,
        _INVALID,
        NONE,
        N_("The sick note starts {from}, more than three years ago."),
        N_(
            "NAV rejects a sick note whose first day is before the day of receipt minus three years. The tool takes today as the day of receipt."
        ),
        ("sick_note.periods", "today"),
        ("backdated_max_years",),
        _REGULA + "dato/DatoRules.kt",
        _over_3_years_back,
        "INGEN",
    ),
    RuleSpec(
        "TOTAL_VARIGHET_OVER_ETT_AAR",
        Tree.DATO,
        _BLOCK,
        _INVALID,
        NONE,
        N_(
            "The sick note covers {days} days ({from} to {to}); one sick note may not cover more than a year."
        ),
        N_(
            "NAV rejects a sick note when DAYS.between(first fom, last tom) > 365, that is from 367 calendar days counted inclusively."
        ),
        _PERIODS_IN,
        ("total_duration_max_days_between",),
        _REGULA + "dato/DatoRules.kt",
        _over_a_year,
        "INGEN",
    ),
)


# ---------------------------------------------------------------------------- tree 7: tilbakedatering


def _backdating(outcome: str) -> Callable[[Context], Iterator[Hit]]:
    def check(ctx: Context) -> Iterator[Hit]:
        decision = ctx.backdating
        if decision is None or decision.outcome != outcome:
            return
        first = min(range(len(ctx.periods)), key=lambda i: ctx.periods[i].from_)
        yield Hit(
            {
                "days": decision.days_between,
                "from": decision.first_fom,
                "signed": decision.signed,
                "words": decision.words,
            },
            decision.inputs,
            ("sick_note.signed", ctx.period_path(first, "from"), "sick_note.backdating.justification"),
        )

    check.__name__ = f"_backdating_{outcome.lower()}"
    return check


_BACKDATING_IN: Final = (
    "sick_note.signed",
    "sick_note.periods",
    "sick_note.backdating.justification",
    "sick_note.main_diagnosis",
    "earlier_sick_notes",
)
_BACKDATING_PARAMS: Final = (
    "backdating_short_days_between",
    "backdating_medium_days",
    "backdating_long_months",
    "justification_min_words",
)
_BACKDATING_SOURCE: Final = (
    _REGULA + "tilbakedatering/TilbakedateringRuleTree.kt, TilbakedateringRules.kt, extras/"
)
_FTRL_8_7: Final = LegalRef("ftrl", "8-7")
_FTRL_8_7_1_1: Final = LegalRef("ftrl", "8-7", 1, 1)

BACKDATING_RULES: Final[tuple[RuleSpec, ...]] = (
    RuleSpec(
        "INNTIL_8_DAGER",
        Tree.TILBAKEDATERING,
        _BLOCK,
        _INVALID,
        _FTRL_8_7_1_1,
        N_(
            "The sick note starts {from} but is signed {signed}, {days} days later, without a justification: write why the patient could not see a doctor earlier."
        ),
        N_(
            "NAV's back-dating tree: signed after the first day; main diagnosis not ICD-10; not a re-sending of an earlier period; signed 5 to 8 days after the first day (DAYS.between > 4 and signed before first day + 9 days); the justification has no word; and the note does not extend an earlier note with the same diagnosis code without a working day between (forlengelse). Words are counted as NAV does: tokens with at least one ASCII letter."
        ),
        _BACKDATING_IN,
        _BACKDATING_PARAMS,
        _BACKDATING_SOURCE,
        _backdating("INNTIL_8_DAGER"),
        "FOLKETRYGDLOVEN_8_7_1_1",
    ),
    RuleSpec(
        "MINDRE_ENN_1_MAANED",
        Tree.TILBAKEDATERING,
        _BLOCK,
        _INVALID,
        _FTRL_8_7_1_1,
        N_(
            "The sick note starts {from} but is signed {signed}, {days} days later, without a justification: NAV rejects it. Write why the patient could not see a doctor earlier."
        ),
        N_(
            "NAV's back-dating tree: signed more than 8 days but at most one calendar month after the first day (before first day + 1 month + 1 day, Java month arithmetic), not ICD-10, not a re-sending, and the justification has no word."
        ),
        _BACKDATING_IN,
        _BACKDATING_PARAMS,
        _BACKDATING_SOURCE,
        _backdating("MINDRE_ENN_1_MAANED"),
        "FOLKETRYGDLOVEN_8_7_1_1",
    ),
    RuleSpec(
        "MINDRE_ENN_1_MAANED_MED_BEGRUNNELSE",
        Tree.TILBAKEDATERING,
        _WARN,
        _MANUAL,
        _FTRL_8_7,
        N_(
            "The sick note starts {from} but is signed {signed}, {days} days later: a NAV caseworker will assess the justification."
        ),
        N_(
            "NAV's back-dating tree: signed more than 8 days but at most one month after the first day, with a justification of at least one word, but the note neither extends an earlier note (forlengelse) nor stays inside the employer period (at most 16 sick days counted as NAV's Arbeidsgiverperiode.kt does): manual processing."
        ),
        _BACKDATING_IN,
        (*_BACKDATING_PARAMS, "employer_period_days", "case_chain_gap_days", "earlier_notes_window_weeks"),
        _BACKDATING_SOURCE,
        _backdating("MINDRE_ENN_1_MAANED_MED_BEGRUNNELSE"),
        "FOLKETRYGDLOVEN_8_7",
    ),
    RuleSpec(
        "OVER_1_MND",
        Tree.TILBAKEDATERING,
        _BLOCK,
        _INVALID,
        _FTRL_8_7,
        N_(
            "The sick note starts {from} but is signed {signed}, more than a month later, and the justification has fewer than three words: NAV rejects it."
        ),
        N_(
            "NAV's back-dating tree: signed more than one month after the first day, not ICD-10, not a re-sending, and the justification has fewer than three words."
        ),
        _BACKDATING_IN,
        (*_BACKDATING_PARAMS, "justification_min_words_over_month"),
        _BACKDATING_SOURCE,
        _backdating("OVER_1_MND"),
        "FOLKETRYGDLOVEN_8_7",
    ),
    RuleSpec(
        "OVER_1_MND_MED_BEGRUNNELSE",
        Tree.TILBAKEDATERING,
        _WARN,
        _MANUAL,
        _FTRL_8_7,
        N_(
            "The sick note starts {from} but is signed {signed}, more than a month later: a NAV caseworker will assess the justification."
        ),
        N_(
            "NAV's back-dating tree: signed more than one month after the first day, not ICD-10, not a re-sending, with a justification of at least three words: manual processing."
        ),
        _BACKDATING_IN,
        (*_BACKDATING_PARAMS, "justification_min_words_over_month"),
        _BACKDATING_SOURCE,
        _backdating("OVER_1_MND_MED_BEGRUNNELSE"),
        "FOLKETRYGDLOVEN_8_7",
    ),
)
