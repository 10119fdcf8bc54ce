"""Translatable names and phrases the notes print: period kinds, reasons, questions, statements.

Message ids are English (glossary: the shared ``glossary.md``); nb, nn and en live in the catalogues.
Every function takes a :class:`~gp_tool.i18n.catalog.Translator` so one note renders in any language.
"""

from __future__ import annotations

import datetime as dt
from typing import Final, Protocol

from gp_tool.documents.models import QUESTION_KEYS, question_text_nb
from gp_tool.domain.assessment import DeviationReason, EightWeekOption, Prognosis, ReferralStatus
from gp_tool.domain.case import ArbeidsrelatertArsak, HprCategory, MedisinskArsak, PeriodKind
from gp_tool.i18n.catalog import Translator
from gp_tool.i18n.formatting import format_date, format_percent_value
from gp_tool.i18n.markers import N_

__all__ = [
    "ABSENCE_REASONS",
    "CATEGORY_NAMES",
    "DEVIATION_REASONS",
    "EIGHT_WEEK_OPTIONS",
    "GAP_LEVELS",
    "KIND_NAMES",
    "MEDICAL_REASONS",
    "PROGNOSES",
    "PROGNOSIS_OPTIONS",
    "QUESTION_LABELS",
    "REFERRAL_STATUSES",
    "WORK_REASONS",
    "date_long",
    "date_short",
    "grade_label",
    "percent",
    "period_range",
    "question_label",
    "work_statement",
    "yes_no",
]

KIND_NAMES: Final[dict[PeriodKind, str]] = {
    PeriodKind.AKTIVITET_IKKE_MULIG: N_("Full sick leave (no activity possible)"),
    PeriodKind.GRADERT: N_("Graded sick leave"),
    PeriodKind.AVVENTENDE: N_("Awaiting sick note"),
    PeriodKind.BEHANDLINGSDAGER: N_("Treatment days"),
    PeriodKind.REISETILSKUDD: N_("Travel grant"),
}

#: Short bar labels in the timeline drawing for the kinds without a grade.
KIND_SHORT: Final[dict[PeriodKind, str]] = {
    PeriodKind.AVVENTENDE: N_("awaiting"),
    PeriodKind.BEHANDLINGSDAGER: N_("treatment days"),
    PeriodKind.REISETILSKUDD: N_("travel grant"),
}

MEDICAL_REASONS: Final[dict[MedisinskArsak, str]] = {
    MedisinskArsak.TILSTAND_HINDRER_AKTIVITET: N_(
        "The health condition prevents the patient from being active"
    ),
    MedisinskArsak.AKTIVITET_FORVERRER_TILSTAND: N_("Activity would make the health condition worse"),
    MedisinskArsak.AKTIVITET_FORHINDRER_BEDRING: N_("Activity would prevent or delay recovery"),
    MedisinskArsak.ANNET: N_("Other medical reason"),
}

WORK_REASONS: Final[dict[ArbeidsrelatertArsak, str]] = {
    ArbeidsrelatertArsak.MANGLENDE_TILRETTELEGGING: N_("The workplace cannot be adjusted"),
    ArbeidsrelatertArsak.ANNET: N_("Other work-related reason"),
}

#: Annen lovfestet fraværsgrunn (OID 2.16.578.1.12.4.1.1.8131), ftrl § 8-4 third paragraph.
ABSENCE_REASONS: Final[dict[str, str]] = {
    "1": N_("Admitted to an approved health institution"),
    "2": N_("Under treatment that makes absence from work necessary"),
    "3": N_("Taking part in a work-oriented measure"),
    "4": N_("Receives a grant for training because of illness, injury or defect"),
    "5": N_("At a necessary check-up that needs at least 24 hours' absence"),
    "6": N_("Not allowed to work because of risk of infection"),
    "7": N_("Unfit for work after termination of pregnancy"),
    "8": N_("Unfit for work after treatment for childlessness"),
    "9": N_("Donor, or being assessed as a donor"),
    "10": N_("Unfit for work after sterilisation"),
}

HPR_CATEGORIES: Final[dict[HprCategory, str]] = {
    HprCategory.LE: N_("Doctor"),
    HprCategory.TL: N_("Dentist"),
    HprCategory.MT: N_("Manual therapist"),
    HprCategory.FT: N_("Physiotherapist"),
    HprCategory.KI: N_("Chiropractor"),
}

#: Short labels of NAV's 2026 questions (domain brief §4.1). In bokmål the note prints NAV's own text.
QUESTION_LABELS: Final[dict[str, str]] = {
    "6.3.1": N_(
        "Short medical summary relevant to the absence (main symptoms, findings, treatment and plan)"
    ),
    "6.3.2": N_(
        "The most important medical reason why the patient cannot do work-related activity or graded work now"
    ),
    "6.3.3": N_(
        "If work-related activity is to be tried: medical considerations or limits that should apply"
    ),
    "6.4.1": N_("How the illness has developed since week 7 (changes in symptoms and findings)"),
    "6.4.2": N_(
        "What the health condition makes difficult at work now, and what the patient can still manage"
    ),
    "6.4.3": N_(
        "Ongoing and planned investigation or treatment, and whether it is expected to allow more work"
    ),
    "6.4.4": N_("Unresolved matters or obstacles to work that NAV should know about in its follow-up"),
    "6.5.1": N_("How the illness has developed since week 17 (changes in symptoms and findings)"),
    "6.5.2": N_("What work the patient can realistically manage now, and which health factors limit it"),
    "6.5.3": N_("Expected development over the next 3–6 months regarding more work"),
    "6.5.4": N_("Medical considerations or needs for clarification NAV should know about"),
}

#: Options of question 6.5.3 (syk-inn ``forventetHelsetilstandUtvikling``), keyed as NAV stores them.
PROGNOSIS_OPTIONS: Final[dict[str, str]] = {
    "forventetBedring": N_("Expected improvement: more work is realistic"),
    "gradvisBedring": N_("Gradual improvement: extent uncertain"),
    "littEndring": N_("Little change expected"),
    "uavklart": N_("Unclear: depends on ongoing investigation or treatment"),
}

CATEGORY_NAMES: Final[dict[str, str]] = {"BLOCK": N_("Stop"), "WARN": N_("Warning"), "INFO": N_("Info")}

#: The GP's prognosis for return to work (``Plan.prognosis``).
PROGNOSES: Final[dict[Prognosis, str]] = {
    Prognosis.GOOD: N_("Good: return to work expected"),
    Prognosis.UNCERTAIN: N_("Uncertain"),
    Prognosis.POOR: N_("Poor: lasting reduced work capacity likely"),
}

#: Why full leave runs beyond the diagnosis guidance (FMB's qualifiers; peers §11.5).
DEVIATION_REASONS: Final[dict[DeviationReason, str]] = {
    DeviationReason.WORK_LOAD: N_("The demands of the job are high for this condition"),
    DeviationReason.SEVERITY: N_("More severe than usual"),
    DeviationReason.COMPLICATION: N_("A complication"),
    DeviationReason.COMORBIDITY: N_("Other illness at the same time"),
    DeviationReason.WAITING_FOR_TREATMENT: N_("Waiting for assessment or treatment"),
    DeviationReason.OTHER: N_("Other reason"),
}

#: What became of a referral or support option (``ReferralRecord.status``).
REFERRAL_STATUSES: Final[dict[ReferralStatus, str]] = {
    ReferralStatus.DONE: N_("done"),
    ReferralStatus.DECLINED: N_("declined by the patient"),
    ReferralStatus.NOT_RELEVANT: N_("not relevant"),
    ReferralStatus.PLANNED: N_("planned"),
}

#: The options at the 8-week point (ftrl § 8-8 second paragraph; domain brief §1.3).
EIGHT_WEEK_OPTIONS: Final[dict[EightWeekOption, str]] = {
    EightWeekOption.OWN_WORK_ADJUSTED: N_("Own work with adjustments"),
    EightWeekOption.GRADED: N_("Graded sick leave: part of the own work"),
    EightWeekOption.OTHER_TASKS: N_("Other tasks with the same employer"),
    EightWeekOption.WORK_MEASURES: N_("Work-related measures"),
    EightWeekOption.EXCEPTION_MEDICAL: N_("Exception: medical reasons clearly prevent activity"),
    EightWeekOption.EXCEPTION_WORKPLACE: N_("Exception: the workplace cannot make adjustments"),
}

#: How far the job's demand is from what the patient can give now (``gp_tool.rules.function.Gap.level``).
GAP_LEVELS: Final[dict[str, str]] = {
    "GAP": N_("Demand above capacity"),
    "STRAIN": N_("Close to the limit"),
}


def yes_no(value: bool | None, t: Translator) -> str:
    """Yes, no, or not known (None), in the translator's language."""
    if value is None:
        return t.gettext("not known")
    return t.gettext("yes") if value else t.gettext("no")


def date_long(day: dt.date, t: Translator) -> str:
    return format_date(day, t.language, "long")


def date_short(day: dt.date, t: Translator) -> str:
    return format_date(day, t.language, "short")


def period_range(start: dt.date, end: dt.date, t: Translator) -> str:
    return f"{date_short(start, t)}–{date_short(end, t)}"


def percent(value: int, t: Translator) -> str:
    return format_percent_value(value, t.language)


def grade_label(kind: PeriodKind, grade: int | None, t: Translator) -> str:
    """What a bar or a table cell shows for the grade: "60 %", "100 %", or the kind in short."""
    if kind is PeriodKind.AKTIVITET_IKKE_MULIG:
        return percent(100, t)
    if kind is PeriodKind.GRADERT:
        return percent(grade, t) if grade is not None else "–"
    return t.gettext(KIND_SHORT[kind])


def question_label(question_id: str, t: Translator) -> str:
    """The question's text: NAV's own wording in bokmål, our translation in nynorsk and English."""
    if t.language == "nb" or question_id not in QUESTION_KEYS:
        nb = question_text_nb(question_id)
        if nb:
            return nb
    label = QUESTION_LABELS.get(question_id)
    return t.gettext(label) if label else question_id


def answer_text(question_id: str, answer: str, t: Translator) -> str:
    """The answer as printed: 6.5.3 options by their text, free text as written."""
    if question_id == "6.5.3" and answer in PROGNOSIS_OPTIONS:
        return t.gettext(PROGNOSIS_OPTIONS[answer])
    return answer


class PeriodLike(Protocol):
    """What the statements need of a period (both note models' periods have it)."""

    @property
    def kind(self) -> PeriodKind: ...
    @property
    def start(self) -> dt.date: ...
    @property
    def end(self) -> dt.date: ...
    @property
    def grade(self) -> int | None: ...
    @property
    def travel_grant(self) -> bool: ...
    @property
    def treatment_days(self) -> int | None: ...


def work_statement(period: PeriodLike, t: Translator) -> str:
    """What the period means for work, for the employer: "24.10.2026–06.11.2026: can work 40 % …"."""
    kind, start, end, grade = period.kind, period.start, period.end, period.grade
    travel_grant, treatment_days = period.travel_grant, period.treatment_days
    span = period_range(start, end, t)
    if kind is PeriodKind.AKTIVITET_IKKE_MULIG:
        return t.gettext("{period}: cannot work (100 % sick leave).").format(period=span)
    if kind is PeriodKind.GRADERT:
        if grade is None or not 0 < grade < 100:
            text = t.gettext("{period}: graded sick leave.").format(period=span)
        else:
            text = t.gettext("{period}: can work {work} of the position ({grade} sick leave).").format(
                period=span, work=percent(100 - grade, t), grade=percent(grade, t)
            )
        if travel_grant:
            text += " " + t.gettext("Travel to and from work is covered by a travel grant.")
        return text
    if kind is PeriodKind.AVVENTENDE:
        return t.gettext("{period}: can work if the work is adjusted (awaiting sick note).").format(
            period=span
        )
    if kind is PeriodKind.BEHANDLINGSDAGER:
        n = treatment_days or 0
        return t.ngettext(
            "{period}: can work, apart from {count} treatment day.",
            "{period}: can work, apart from {count} treatment days.",
            n,
        ).format(period=span, count=n)
    return t.gettext("{period}: can work when travel to and from work is covered (travel grant).").format(
        period=span
    )


def patient_statement(period: PeriodLike, t: Translator) -> str:
    """The same period in plain words for the patient ("From 24 October to 6 November you …")."""
    kind, start, end, grade = period.kind, period.start, period.end, period.grade
    travel_grant, treatment_days = period.travel_grant, period.treatment_days
    first, last = date_long(start, t), date_long(end, t)
    if kind is PeriodKind.AKTIVITET_IKKE_MULIG:
        return t.gettext(
            "From {start} to {end} you are on full sick leave: you are not expected to work."
        ).format(start=first, end=last)
    if kind is PeriodKind.GRADERT:
        if grade is None or not 0 < grade < 100:
            text = t.gettext("From {start} to {end} you are on graded sick leave.").format(
                start=first, end=last
            )
        else:
            text = t.gettext(
                "From {start} to {end} you are {grade} on sick leave: you work {work} of your position "
                "and are on sick leave for the rest."
            ).format(start=first, end=last, grade=percent(grade, t), work=percent(100 - grade, t))
        if travel_grant:
            text += " " + t.gettext("NAV can also cover extra travel costs to and from work (travel grant).")
        return text
    if kind is PeriodKind.AVVENTENDE:
        return t.gettext(
            "From {start} to {end} you can work if your employer adjusts the work. Your doctor tells "
            "your employer what could help."
        ).format(start=first, end=last)
    if kind is PeriodKind.BEHANDLINGSDAGER:
        n = treatment_days or 0
        return t.ngettext(
            "From {start} to {end} you work as usual, apart from {count} treatment day.",
            "From {start} to {end} you work as usual, apart from {count} treatment days.",
            n,
        ).format(start=first, end=last, count=n)
    return t.gettext(
        "From {start} to {end} you can work, and NAV can cover extra travel costs to and from work (travel grant)."
    ).format(start=first, end=last)
