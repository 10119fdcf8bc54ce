"""Consistency checks between function, grade, the 8-week point, prognosis and guidance (peers §11.6).

Deterministic, explainable checks of the tool's own (tree ``ARBEIDSFOKUS``, no NAV outcome). All are
warnings: no law makes the note invalid because of them, but each marks a note that a NAV doctor would
question. Each reads only optional parts of the case (``function``, ``plan``, ``activity_requirement``)
and stays silent when they are missing, except where the sick note itself claims something.

* ``FULL_SYKMELDING_UTEN_FUNKSJONSNEDSETTELSE`` - 100 % sick leave while every rated function domain is
  "no limitation" (ftrl § 8-4 (1): incapacity must follow from reduced function; § 8-7).
* ``GRADERT_UTEN_MULIGE_OPPGAVER`` - graded sick leave while the function assessment records no task the
  patient can do, or every domain the job asks for is "not possible" (ftrl § 8-13 (1): graded leave
  presumes part of the work can be done).
* ``UNNTAK_UTEN_MEDISINSK_BEGRUNNELSE`` - the 8-week exception for medical reasons is claimed (option
  EXCEPTION_MEDICAL at the 8-week point, or a 100 % period with a medical-reason code reaching the 8-week
  point) without a concrete reason: ``why_activity_impossible`` empty and no answer to 6.3.2, 6.4.2 or
  6.5.2 (ftrl § 8-8 (2); domain brief §1.2-§1.3: concrete medical reasons, not the diagnosis alone). A
  100 % period with no reason at all is ``AKTIVITETSKRAV_UTEN_BEGRUNNELSE`` (BLOCK) instead.
* ``GOD_PROGNOSE_UTEN_PLAN`` - a good prognosis with no treatment, no work measures and no expected
  return date (domain brief §1.2: always a plan toward a goal; ftrl § 8-7).
* ``FRAVAER_UTOVER_VEILEDER_UTEN_BEGRUNNELSE`` - the new note is 100 % and the case's full sick leave
  runs beyond Helsedirektoratet's figure for the diagnosis (:func:`gp_tool.rules.guidance.beyond_guidance`)
  with no structured reason in ``plan.guidance_deviation`` (OTHER needs a text) (domain brief §6,
  peers §11.5).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from gp_tool.domain.assessment import DeviationReason, EightWeekOption, Limitation, Prognosis
from gp_tool.domain.case import ArbeidsrelatertArsak, PeriodKind
from gp_tool.i18n.markers import N_
from gp_tool.rules.context import Context
from gp_tool.rules.guidance import full_leave_days, guidance_for
from gp_tool.rules.legal import LegalRef
from gp_tool.rules.model import Hit, Msg, RuleSpec, Severity, Tree
from gp_tool.rules.questions import answered

__all__ = ["CONSISTENCY_RULES", "MEDICAL_REASON_ANSWERS"]

MEDICAL_REASON_ANSWERS: Final = ("6.3.2", "6.4.2", "6.5.2")
"""NAV's questions whose answer is the concrete medical reason (domain brief §4.1)."""

_NO_TASKS: Final = N_("no task the patient can do is recorded")
_ALL_NOT_POSSIBLE: Final = N_("every function the job asks for is rated not possible")


def _full_periods(ctx: Context) -> list[int]:
    return [i for i, p in enumerate(ctx.periods) if p.kind is PeriodKind.AKTIVITET_IKKE_MULIG]


def _full_without_limitation(ctx: Context) -> Iterator[Hit]:
    function = ctx.case.function
    full = _full_periods(ctx)
    if function is None or not full:
        return
    rated = {d.value: a.limitation for d, a in function.domains.items() if a.limitation is not None}
    if rated and all(limit is Limitation.NONE for limit in rated.values()):
        yield Hit(
            {"number": full[0] + 1, "count": len(rated)},
            {"periods": full, "limitations": rated},
            (ctx.period_path(full[0], "kind"), "function.domains"),
        )


def _graded_without_tasks(ctx: Context) -> Iterator[Hit]:
    function = ctx.case.function
    graded = [i for i, p in enumerate(ctx.periods) if p.kind is PeriodKind.GRADERT]
    if function is None or not graded:
        return
    demanded = {
        d.value: a.limitation
        for d, a in function.domains.items()
        if a.limitation is not None and a.demand is not None and a.demand.value != "NONE"
    }
    if demanded and all(limit is Limitation.NOT_POSSIBLE for limit in demanded.values()):
        why, path = _ALL_NOT_POSSIBLE, "function.domains"
    elif not function.possible_tasks:
        why, path = _NO_TASKS, "function.possible_tasks"
    else:
        return
    yield Hit(
        {"number": graded[0] + 1, "why": Msg(why)},
        {"periods": graded, "possible_tasks": len(function.possible_tasks), "demanded": demanded},
        (ctx.period_path(graded[0], "kind"), path),
    )


def _concrete_reason(ctx: Context) -> bool:
    ar = ctx.case.activity_requirement
    if ar is not None and ar.why_activity_impossible.strip():
        return True
    return any(answered(ctx.note.answers, q) for q in MEDICAL_REASON_ANSWERS)


def _exception_without_reason(ctx: Context) -> Iterator[Hit]:
    point = ctx.timeline.milestone("AKTIVITETSKRAV").date
    ar = ctx.case.activity_requirement
    option = None if ar is None else ar.option
    claimed_by_option = option is EightWeekOption.EXCEPTION_MEDICAL
    coded = [i for i in _full_periods(ctx) if ctx.periods[i].to >= point and ctx.periods[i].medical_reasons]
    workplace = option is EightWeekOption.EXCEPTION_WORKPLACE or (
        ArbeidsrelatertArsak.MANGLENDE_TILRETTELEGGING in ctx.note.work_related_reasons
    )
    claimed_by_note = bool(coded) and not workplace
    if not (claimed_by_option or claimed_by_note) or _concrete_reason(ctx):
        return
    yield Hit(
        {"date": point},
        {
            "aktivitetskrav_date": point,
            "option": None if option is None else option.value,
            "periods_with_medical_reason_code": coded,
            "why_activity_impossible": False,
            "answered": [q for q in MEDICAL_REASON_ANSWERS if answered(ctx.note.answers, q)],
        },
        ("activity_requirement.why_activity_impossible", "sick_note.answers.6.3.2"),
    )


def _good_prognosis_without_plan(ctx: Context) -> Iterator[Hit]:
    plan = ctx.case.plan
    if plan is None or plan.prognosis is not Prognosis.GOOD:
        return
    if plan.treatment.strip() or plan.work_measures.strip() or plan.expected_return is not None:
        return
    yield Hit(
        {},
        {
            "prognosis": plan.prognosis.value,
            "treatment": False,
            "work_measures": False,
            "expected_return": None,
        },
        ("plan.treatment", "plan.work_measures", "plan.expected_return"),
    )


def _structured_reason(ctx: Context) -> bool:
    plan = ctx.case.plan
    if plan is None or not plan.guidance_deviation:
        return False
    if set(plan.guidance_deviation) == {DeviationReason.OTHER}:
        return bool(plan.guidance_deviation_text.strip())
    return True


def _beyond_guidance_without_reason(ctx: Context) -> Iterator[Hit]:
    full = _full_periods(ctx)
    guidance = guidance_for(ctx.note.main_diagnosis)
    if not full or guidance is None or guidance.full_leave_days is None:
        return
    days = full_leave_days(ctx.case, ctx.today)
    if days <= guidance.full_leave_days or _structured_reason(ctx):
        return
    yield Hit(
        {"days": days, "limit": guidance.full_leave_days, "key": guidance.key},
        {
            "full_leave_days": days,
            "guidance_key": guidance.key,
            "guidance_full_leave_days": guidance.full_leave_days,
            "guidance_source": guidance.source,
            "guidance_deviation": []
            if ctx.case.plan is None
            else [r.value for r in ctx.case.plan.guidance_deviation],
        },
        ("plan.guidance_deviation", "plan.guidance_deviation_text"),
    )


_OWN: Final = Tree.ARBEIDSFOKUS
_SRC: Final = "gp_tool/rules/consistency.py; "

CONSISTENCY_RULES: Final[tuple[RuleSpec, ...]] = (
    RuleSpec(
        "FULL_SYKMELDING_UTEN_FUNKSJONSNEDSETTELSE",
        _OWN,
        Severity.WARN,
        None,
        LegalRef("ftrl", "8-4", 1),
        N_(
            "Full sick leave (period {number}) while all {count} rated functions show no limitation: rate the limitation that prevents work, or consider graded or awaiting sick leave."
        ),
        N_(
            "Warn when the new note has a 100 % period (no activity possible) and the function assessment rates at least one domain, all of them as no limitation. Incapacity for work must follow from reduced function caused by illness (ftrl § 8-4 (1)), and the assessment starts from function (§ 8-7; domain brief §1.2)."
        ),
        ("sick_note.periods", "function.domains"),
        (),
        _SRC + "ftrl § 8-4 (1), § 8-7; peers §11.6",
        _full_without_limitation,
    ),
    RuleSpec(
        "GRADERT_UTEN_MULIGE_OPPGAVER",
        _OWN,
        Severity.WARN,
        None,
        LegalRef("ftrl", "8-13", 1),
        N_(
            "Graded sick leave (period {number}), but {why}: record what the patient can do at work, or reconsider the grade."
        ),
        N_(
            "Warn when the new note has a graded period and the function assessment either rates every domain the job asks for (demand LOW or more) as not possible, or records no possible task. Graded sick leave presumes that part of the work can be done (ftrl § 8-13 (1)), and the employer's note needs the tasks (domain brief §2.3)."
        ),
        ("sick_note.periods", "function.possible_tasks", "function.domains"),
        (),
        _SRC + "ftrl § 8-13 (1); peers §11.6",
        _graded_without_tasks,
    ),
    RuleSpec(
        "UNNTAK_UTEN_MEDISINSK_BEGRUNNELSE",
        _OWN,
        Severity.WARN,
        None,
        LegalRef("ftrl", "8-8", 2),
        N_(
            "The exception from the activity requirement ({date}) is claimed for medical reasons without a concrete reason: write why work-related activity is not possible now (not the diagnosis alone), or answer question 6.3.2."
        ),
        N_(
            "Warn when the medical exception at the 8-week point is claimed - option EXCEPTION_MEDICAL at the 8-week point, or a 100 % period with a medical-reason code that reaches the 8-week point (case start + 8 weeks - 1 day) - and neither activity_requirement.why_activity_impossible nor an answer to 6.3.2, 6.4.2 or 6.5.2 gives the concrete reason. NAV decides UNNTAK/MEDISINSKE_GRUNNER or waits for the GP on what the note says (ftrl § 8-8 (2); domain brief §1.2, §1.3). A workplace exception is not checked here; a 100 % period with no reason at all is AKTIVITETSKRAV_UTEN_BEGRUNNELSE."
        ),
        (
            "activity_requirement.option",
            "activity_requirement.why_activity_impossible",
            "sick_note.periods[].medical_reasons",
            "sick_note.answers",
            "case_start",
        ),
        ("aktivitetskrav_weeks",),
        _SRC + "ftrl § 8-8 (2); isaktivitetskrav AktivitetskravVurdering.kt; peers §11.6-7",
        _exception_without_reason,
    ),
    RuleSpec(
        "GOD_PROGNOSE_UTEN_PLAN",
        _OWN,
        Severity.WARN,
        None,
        LegalRef("ftrl", "8-7"),
        N_(
            "The prognosis is good, but there is no plan: record the treatment, the measures at work or when the patient is expected back."
        ),
        N_(
            "Warn when the plan's prognosis is GOOD and the plan has no treatment, no work measures and no expected return date. Helsedirektoratet's advice is always to have a plan toward a goal (domain brief §1.2), and NAV reads the plan to follow up (ftrl § 8-7)."
        ),
        ("plan.prognosis", "plan.treatment", "plan.work_measures", "plan.expected_return"),
        (),
        _SRC + "ftrl § 8-7; helsedirektoratet.no sykmelderveileder/sykmeldingslengde; peers §11.6",
        _good_prognosis_without_plan,
    ),
    RuleSpec(
        "FRAVAER_UTOVER_VEILEDER_UTEN_BEGRUNNELSE",
        _OWN,
        Severity.WARN,
        None,
        LegalRef("ftrl", "8-7"),
        N_(
            "Full sick leave has lasted {days} days, beyond the {limit} days in Helsedirektoratet's advice for {key}: give the reason (work load, severity, complication, comorbidity, waiting for treatment, other) for the note to NAV."
        ),
        N_(
            "Warn when the new note has a 100 % period and the case's days of 100 % sick leave up to the end of the new note exceed the figure of Helsedirektoratet's diagnosis advice (P03: 14 days; L18 long-lasting musculoskeletal pain: 28 days; other codes have no retrieved figure), and plan.guidance_deviation gives no structured reason (OTHER needs a text). The advice is decision support, not law; the reason lets the NAV doctor see why (domain brief §6, peers §11.5)."
        ),
        ("sick_note.periods", "earlier_sick_notes", "sick_note.main_diagnosis", "plan.guidance_deviation"),
        (),
        _SRC
        + "helsedirektoratet.no diagnosespesifikke anbefalinger (gp_tool/resources/guidance); peers §11.5",
        _beyond_guidance_without_reason,
    ),
)
