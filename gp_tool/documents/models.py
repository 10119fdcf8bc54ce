"""The two notes as data: :class:`NavNote` (everything NAV needs) and :class:`EmployerNote`.

What goes where follows NAV's own split (domain brief §2.3, §2.4):

* The employer receives periods with kind and grade, the arbeidsrelatert årsak with its text, the
  innspill til arbeidsgiver of an avventende period, melding til arbeidsgiver, the contact date of a
  back-dated note, the case start, the sykmelder's name and contact, and the employer's own name and
  the occupation. **Never** a diagnosis, annen fraværsgrunn, medisinsk årsak, the week 7/17/39
  answers, melding til NAV, measures asked of NAV, the back-dating justification, or anything about
  the patient's health history.
* :class:`EmployerNote` is therefore built from those fields only and has *no field that can hold a
  diagnosis*: no diagnosis type, no medical reason, no answer, no NAV message. The free texts it does
  carry (the GP's messages to the employer) are screened by :mod:`gp_tool.documents.firewall` before
  any employer output is made.

The notes hold structured data (dates, enums, the GP's own free texts); they are translated when they
are rendered (:mod:`gp_tool.documents.outline`), so one note renders in nb, nn or en.

The work-focused parts of the case (``gp_tool.domain.assessment``) are split by who may read them
(that module's docstring; domain brief §1.3, §2.4; peers §11.1):

* :class:`NavNote` carries the function assessment with its gaps, the latest screening scores, the plan
  with any deviation from the diagnosis guidance, the referrals and the 8-week point, and the
  patient's own part **only when the patient consented** (``patient_part.consent_to_nav``); without
  consent the field is None and no renderer can know the part exists.
* :class:`EmployerNote` carries only ``function.possible_tasks`` and ``function.adjustments``, which
  the firewall screens like the message to the employer.

Sections without content (including ``medical_summary`` and ``activity_assessment``, which the case
file has no field for) are omitted by the renderers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

from gp_tool.codes import code_lists, questions
from gp_tool.documents.context import NoteContext, OpenFinding, TimelineMark
from gp_tool.domain.assessment import (
    ActivityRequirement,
    Demand,
    DeviationReason,
    FunctionDomain,
    Limitation,
    PatientPart,
    Plan,
    ReferralRecord,
    ScreeningResult,
)
from gp_tool.domain.case import (
    ArbeidsrelatertArsak,
    Case,
    Diagnosis,
    DiagnosisSystem,
    HprCategory,
    MedisinskArsak,
    Period,
    PeriodKind,
)
from gp_tool.rules.function import gaps as function_gaps
from gp_tool.rules.guidance import Guidance, full_leave_days, guidance_for
from gp_tool.rules.referrals import ReferralOption
from gp_tool.rules.referrals import option as catalogue_option
from gp_tool.rules.screening import Score, latest_scores

__all__ = [
    "EMPLOYER_MILESTONES",
    "QUESTION_KEYS",
    "DeviationSection",
    "DiagnosisLine",
    "EarlierNoteLine",
    "EmployerNote",
    "EmployerPeriod",
    "FunctionLine",
    "FunctionSection",
    "NavNote",
    "NavPeriod",
    "PastPeriod",
    "QuestionAnswer",
    "ReferralLine",
    "ScreeningLine",
    "SykmelderInfo",
    "build_employer_note",
    "build_nav_note",
    "diagnosis_line",
    "question_text_nb",
    "question_week",
    "referral_name",
]

#: Milestones the employer note lists: the employer's own duties and deadlines. Maksdato (the
#: patient's benefit rights) and milestones this module does not know stay out.
EMPLOYER_MILESTONES: Final = (
    "ARBEIDSGIVERPERIODE_SLUTT",
    "NAV_BETALER_FRA",
    "OPPFOLGINGSPLAN",
    "DIALOGMOTE_1",
    "AKTIVITETSKRAV",
    "DIALOGMOTE_2",
)

#: NAV's 2026 question ids (domain brief §4.1) → the syk-inn key whose text ``gp_tool.codes.questions()``
#: holds. 6.3.x, 6.4.x and 6.5.x have these meanings since 2026; other ids are the legacy set (§4.2).
QUESTION_KEYS: Final[dict[str, str]] = {
    "6.3.1": "medisinskOppsummering",
    "6.3.2": "utfordringerMedArbeid",
    "6.3.3": "hensynPaArbeidsplassen",
    "6.4.1": "sykdomsutvikling",
    "6.4.2": "arbeidsrelaterteUtfordringer",
    "6.4.3": "behandlingOgFremtidigArbeid",
    "6.4.4": "uavklarteForhold",
    "6.5.1": "oppdatertMedisinskStatus",
    "6.5.2": "realistiskMestringArbeid",
    "6.5.3": "forventetHelsetilstandUtvikling",
    "6.5.4": "medisinskeHensyn",
}

_WEEK_OF_GROUP: Final = {"6.3": 7, "6.4": 17, "6.5": 39}


def question_week(question_id: str) -> int | None:
    """7, 17 or 39 for the 2026 question ids; None for legacy and unknown ids."""
    return _WEEK_OF_GROUP.get(question_id.rsplit(".", 1)[0]) if question_id in QUESTION_KEYS else None


# ------------------------------------------------------------------------------------------ records


@dataclass(frozen=True, slots=True)
class SykmelderInfo:
    """Who wrote the note and how to reach them (the employer sees this too)."""

    name: str
    hpr: str
    category: HprCategory
    practice: str = ""
    """Legekontor; empty until the case file carries it."""
    phone: str = ""
    """Telephone; empty until the case file carries it."""
    address: str = ""
    """Postal address; empty until the case file carries it."""


@dataclass(frozen=True, slots=True)
class EmployerPeriod:
    """A period as the employer sees it: dates, kind, grade and the advice meant for the employer."""

    index: int
    """Position in ``sick_note.periods`` (names the field of ``advice_to_employer``)."""
    kind: PeriodKind
    start: dt.date
    end: dt.date
    grade: int | None
    travel_grant: bool
    treatment_days: int | None
    advice_to_employer: str
    """Innspill til arbeidsgiver of an AVVENTENDE period ('' otherwise)."""

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True, slots=True)
class PastPeriod:
    """A period of an earlier sykmelding in the case, as the employer received it: dates, kind, grade."""

    kind: PeriodKind
    start: dt.date
    end: dt.date
    grade: int | None


@dataclass(frozen=True, slots=True)
class NavPeriod:
    """A period as NAV sees it: everything, including the medical reasons."""

    kind: PeriodKind
    start: dt.date
    end: dt.date
    grade: int | None
    travel_grant: bool
    treatment_days: int | None
    advice_to_employer: str
    medical_reasons: tuple[MedisinskArsak, ...]

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True, slots=True)
class DiagnosisLine:
    """A diagnosis with the text of its code list (empty ``text`` when the code is not in the list)."""

    system: DiagnosisSystem
    code: str
    display_code: str
    text: str
    main: bool

    @property
    def known(self) -> bool:
        return bool(self.text)


@dataclass(frozen=True, slots=True)
class QuestionAnswer:
    """One of NAV's questions with the GP's answer ('' when due and not answered yet)."""

    id: str
    week: int | None
    answer: str
    due: bool


@dataclass(frozen=True, slots=True)
class EarlierNoteLine:
    """An earlier sykmelding of the case (NAV note only)."""

    signed: dt.date
    periods: tuple[NavPeriod, ...]
    main_diagnosis: DiagnosisLine | None


@dataclass(frozen=True, slots=True)
class FunctionLine:
    """One function domain: the patient's limitation now against what the job asks."""

    domain: FunctionDomain
    limitation: Limitation | None
    demand: Demand | None
    level: str | None
    """``GAP`` (the job asks more than the patient can give now), ``STRAIN`` (close to the limit) or
    None, as :func:`gp_tool.rules.function.gaps` judges it."""
    note: str


@dataclass(frozen=True, slots=True)
class FunctionSection:
    """The function assessment as NAV reads it (the employer gets only the two lists, see EmployerNote)."""

    assessed_on: dt.date | None
    domains: tuple[FunctionLine, ...]
    """Assessed domains (limitation, demand or note given), in ``FunctionDomain`` order."""
    possible_tasks: tuple[str, ...]
    adjustments: tuple[str, ...]

    @property
    def gaps(self) -> tuple[FunctionLine, ...]:
        return tuple(line for line in self.domains if line.level is not None)


@dataclass(frozen=True, slots=True)
class ScreeningLine:
    """The newest score of one instrument with the GP's view of it."""

    score: Score
    """Total, band, signal and the GP's agreement (:func:`gp_tool.rules.screening.score`)."""
    comment: str
    """The GP's comment on the result."""


@dataclass(frozen=True, slots=True)
class DeviationSection:
    """Full sick leave beyond the diagnosis guidance and the GP's structured reasons (peers §11.5)."""

    reasons: tuple[DeviationReason, ...]
    text: str
    guidance: Guidance | None
    """The guidance for the main diagnosis (None: no guidance for it)."""
    full_leave_days: int | None
    """Days of 100 % leave in the case up to the new note's end (None: no guidance to compare with)."""


@dataclass(frozen=True, slots=True)
class ReferralLine:
    """One referral or support option and what became of it."""

    record: ReferralRecord
    option: ReferralOption | None
    """The catalogue entry (None: a local service or an id the catalogue does not know)."""
    local_name: str | None = None
    """For a ``local:`` id: the service's name from the practice's settings (None: not known here)."""

    def name(self, lang: str) -> str:
        return referral_name(self.record.option, self.option, lang, self.local_name)


def referral_name(
    option_id: str, entry: ReferralOption | None, lang: str, local_name: str | None = None
) -> str:
    """The option's name in ``lang``; a practice's ``local:`` service by its name in the settings, else
    by the part after ``local:``; an unknown id as itself."""
    if entry is not None:
        return entry.text("name", lang)
    if option_id.startswith("local:"):
        return local_name or option_id.removeprefix("local:") or option_id
    return option_id


@dataclass(frozen=True, slots=True)
class NavNote:
    """Everything NAV should read about this sykmelding (domain brief §1.3, §2.4, §4)."""

    patient_name: str
    national_id: str
    birth_date: dt.date | None
    employer: str
    occupation: str
    position_percent: int | None
    sykmelder: SykmelderInfo
    signed: dt.date
    case_start: dt.date | None
    max_date: dt.date | None
    periods: tuple[NavPeriod, ...]
    earlier_notes: tuple[EarlierNoteLine, ...]
    diagnoses: tuple[DiagnosisLine, ...]
    other_absence_reason: str | None
    """Annen lovfestet fraværsgrunn code "1"–"10", or None."""
    work_related_reasons: tuple[ArbeidsrelatertArsak, ...]
    work_related_text: str
    message_to_nav: str
    message_to_employer: str
    """What the employer is told (NAV sees the whole sykmelding)."""
    answers: tuple[QuestionAnswer, ...]
    backdating_contact: dt.date | None
    backdating_justification: str
    marks: tuple[TimelineMark, ...]
    findings: tuple[OpenFinding, ...]
    """Open rule findings."""
    function: FunctionSection | None = None
    """Function against the job's demands (None: not assessed)."""
    screening: tuple[ScreeningLine, ...] = ()
    """The newest result per screening instrument, in instrument order."""
    plan: Plan | None = None
    """Prognosis, expected return, treatment, work measures, measures asked of NAV, reassessment."""
    deviation: DeviationSection | None = None
    """Why full leave runs beyond the diagnosis guidance (None: no deviation recorded)."""
    referrals: tuple[ReferralLine, ...] = ()
    """Referral and support options with what became of them, in the case's order."""
    activity_requirement: ActivityRequirement | None = None
    """The 8-week point: follow-up plan, dialogue meeting, the option chosen, exception facts."""
    patient_part: PatientPart | None = None
    """The patient's own part: set **only** when the patient consented to NAV seeing it."""
    # Sections the case file has no field for; empty until it has.
    medical_summary: str = ""
    activity_assessment: str = ""
    """Why work-related activity is or is not possible now, in the GP's words."""


@dataclass(frozen=True, slots=True)
class EmployerNote:
    """What the employer may see (domain brief §2.3). No field of this class can hold a diagnosis."""

    employee_name: str
    employer: str
    occupation: str
    sykmelder: SykmelderInfo
    signed: dt.date
    case_start: dt.date | None
    periods: tuple[EmployerPeriod, ...]
    earlier_periods: tuple[PastPeriod, ...]
    """Periods of the earlier sykmeldinger in the case (drawn in the timeline)."""
    work_related_reasons: tuple[ArbeidsrelatertArsak, ...]
    work_related_text: str
    message_to_employer: str
    contact_date: dt.date | None
    """Date of first contact when the note is back-dated (kontaktDato; not the justification)."""
    milestones: tuple[TimelineMark, ...]
    """The employer's deadlines (:data:`EMPLOYER_MILESTONES`)."""
    possible_tasks: tuple[str, ...] = ()
    """``function.possible_tasks`` as written (stripped; index = position in the case file)."""
    adjustments: tuple[str, ...] = ()
    """``function.adjustments`` as written (stripped; index = position in the case file)."""
    # Employer-visible sections the case file cannot fill yet; empty until then.
    workplace_considerations: str = ""
    """Hensyn på arbeidsplassen (legacy prognose.hensynArbeidsplassen)."""
    fit_after_period: bool | None = None
    """Arbeidsfør etter perioden (legacy prognose.arbeidsforEtterPeriode)."""

    @property
    def expected_end(self) -> dt.date | None:
        """The last day of the last period: how long the employer should plan for."""
        return max((p.end for p in self.periods), default=None)


# ------------------------------------------------------------------------------------------ building


def _sykmelder(case: Case) -> SykmelderInfo:
    s = case.sykmelder

    def optional(name: str) -> str:
        # Contact fields the case file may gain (contracts: optional fields are added compatibly).
        value = getattr(s, name, "")
        return value if isinstance(value, str) else ""

    return SykmelderInfo(
        name=s.name,
        hpr=s.hpr,
        category=s.category,
        practice=optional("practice"),
        phone=optional("phone"),
        address=optional("address"),
    )


def _nav_period(p: Period) -> NavPeriod:
    return NavPeriod(
        kind=p.kind,
        start=p.from_,
        end=p.to,
        grade=p.grade,
        travel_grant=bool(p.travel_grant),
        treatment_days=p.treatment_days,
        advice_to_employer=p.advice_to_employer or "",
        medical_reasons=tuple(p.medical_reasons or ()),
    )


def diagnosis_line(d: Diagnosis, *, main: bool) -> DiagnosisLine:
    """The diagnosis with its code-list text (the list is loaded on first use of its system)."""
    entry = code_lists().lookup(d.system, d.code)
    if entry is None:
        return DiagnosisLine(d.system, d.code, d.code, "", main)
    return DiagnosisLine(d.system, entry.code, entry.display_code, entry.text_full, main)


def _answers(case: Case, ctx: NoteContext) -> tuple[QuestionAnswer, ...]:
    given = dict(case.sick_note.answers)
    ids = list(dict.fromkeys([*ctx.questions_due, *given]))
    ids.sort(key=_question_sort_key)
    return tuple(
        QuestionAnswer(
            id=q, week=question_week(q), answer=given.get(q, "").strip(), due=q in ctx.questions_due
        )
        for q in ids
        if given.get(q, "").strip() or q in ctx.questions_due
    )


def _question_sort_key(question_id: str) -> tuple[int, ...]:
    parts = []
    for part in question_id.split("."):
        parts.append(int(part) if part.isdigit() else 1_000_000)
    return tuple(parts)


def _function_section(case: Case) -> FunctionSection | None:
    assessment = case.function
    if assessment is None:
        return None
    levels = {gap.domain: gap.level for gap in function_gaps(assessment)}
    lines: list[FunctionLine] = []
    for domain in FunctionDomain:
        entry = assessment.domains.get(domain)
        if entry is None:
            continue
        note = entry.note.strip()
        if entry.limitation is None and entry.demand is None and not note and domain not in levels:
            continue
        lines.append(FunctionLine(domain, entry.limitation, entry.demand, levels.get(domain), note))
    return FunctionSection(
        assessed_on=assessment.assessed_on,
        domains=tuple(lines),
        possible_tasks=tuple(x.strip() for x in assessment.possible_tasks),
        adjustments=tuple(x.strip() for x in assessment.adjustments),
    )


def _screening(case: Case) -> tuple[ScreeningLine, ...]:
    lines: list[ScreeningLine] = []
    for score in latest_scores(case):
        result = _result_of(case.screening, score)
        lines.append(ScreeningLine(score, "" if result is None else result.comment.strip()))
    return tuple(lines)


def _result_of(results: list[ScreeningResult], score: Score) -> ScreeningResult | None:
    """The form a score was computed from: the last of the case's results of its instrument and date."""
    found = None
    for result in results:
        if result.instrument is score.instrument and result.date == score.date:
            found = result
    return found


def _deviation(case: Case, ctx: NoteContext) -> DeviationSection | None:
    plan = case.plan
    if plan is None or not (plan.guidance_deviation or plan.guidance_deviation_text.strip()):
        return None
    guidance = guidance_for(case.sick_note.main_diagnosis)
    return DeviationSection(
        reasons=tuple(dict.fromkeys(plan.guidance_deviation)),
        text=plan.guidance_deviation_text.strip(),
        guidance=guidance,
        full_leave_days=None if guidance is None else full_leave_days(case, ctx.today),
    )


def build_nav_note(case: Case, ctx: NoteContext) -> NavNote:
    """The NAV note of the case's new sykmelding."""
    note = case.sick_note
    diagnoses: list[DiagnosisLine] = []
    if note.main_diagnosis is not None:
        diagnoses.append(diagnosis_line(note.main_diagnosis, main=True))
    diagnoses += [diagnosis_line(d, main=False) for d in note.secondary_diagnoses]
    earlier = tuple(
        EarlierNoteLine(
            signed=e.signed,
            periods=tuple(_nav_period(p) for p in e.periods),
            main_diagnosis=None if e.main_diagnosis is None else diagnosis_line(e.main_diagnosis, main=True),
        )
        for e in sorted(case.earlier_sick_notes, key=lambda e: (e.signed, [p.from_ for p in e.periods]))
    )
    return NavNote(
        patient_name=case.patient.name,
        national_id=case.patient.national_id,
        birth_date=case.patient.birth_date,
        employer=case.work.employer,
        occupation=case.work.occupation,
        position_percent=case.work.position_percent,
        sykmelder=_sykmelder(case),
        signed=note.signed,
        case_start=ctx.case_start,
        max_date=ctx.max_date,
        periods=tuple(_nav_period(p) for p in note.periods),
        earlier_notes=earlier,
        diagnoses=tuple(diagnoses),
        other_absence_reason=note.other_absence_reason,
        work_related_reasons=tuple(dict.fromkeys(note.work_related_reasons)),
        work_related_text=note.work_related_reason_text.strip(),
        message_to_nav=note.message_to_nav.strip(),
        message_to_employer=note.message_to_employer.strip(),
        answers=_answers(case, ctx),
        backdating_contact=None if note.backdating is None else note.backdating.contact_date,
        backdating_justification="" if note.backdating is None else note.backdating.justification.strip(),
        marks=tuple(sorted(ctx.marks, key=lambda m: (m.date, m.id))),
        findings=tuple(ctx.findings),
        function=_function_section(case),
        screening=_screening(case),
        plan=case.plan,
        deviation=_deviation(case, ctx),
        referrals=tuple(
            ReferralLine(r, catalogue_option(r.option), dict(ctx.local_services).get(r.option))
            for r in case.referrals
        ),
        activity_requirement=case.activity_requirement,
        # the patient's own words reach NAV only with the patient's consent (assessment.PatientPart)
        patient_part=case.patient_part
        if case.patient_part is not None and case.patient_part.consent_to_nav
        else None,
    )


def build_employer_note(case: Case, ctx: NoteContext) -> EmployerNote:
    """The employer note: built only from what NAV lets the employer see (domain brief §2.3)."""
    note = case.sick_note
    periods = tuple(
        EmployerPeriod(
            index=i,
            kind=p.kind,
            start=p.from_,
            end=p.to,
            grade=p.grade,
            travel_grant=bool(p.travel_grant),
            treatment_days=p.treatment_days,
            advice_to_employer=(p.advice_to_employer or "").strip()
            if p.kind is PeriodKind.AVVENTENDE
            else "",
        )
        for i, p in enumerate(note.periods)
    )
    # arbeidsrelatert årsak belongs to AKTIVITET_IKKE_MULIG periods (aktivitetIkkeMulig.arbeidsrelatertArsak)
    full_leave = any(p.kind is PeriodKind.AKTIVITET_IKKE_MULIG for p in note.periods)
    milestones = tuple(
        sorted((m for m in ctx.marks if m.id in EMPLOYER_MILESTONES), key=lambda m: (m.date, m.id))
    )
    # of the work-focused parts only these two lists, in neutral functional words (assessment module)
    function = case.function
    return EmployerNote(
        employee_name=case.patient.name,
        employer=case.work.employer,
        occupation=case.work.occupation,
        sykmelder=_sykmelder(case),
        signed=note.signed,
        case_start=ctx.case_start,
        periods=periods,
        earlier_periods=tuple(
            sorted(
                (
                    PastPeriod(p.kind, p.from_, p.to, p.grade)
                    for e in case.earlier_sick_notes
                    for p in e.periods
                ),
                key=lambda p: (p.start, p.end),
            )
        ),
        work_related_reasons=tuple(dict.fromkeys(note.work_related_reasons)) if full_leave else (),
        work_related_text=note.work_related_reason_text.strip() if full_leave else "",
        message_to_employer=note.message_to_employer.strip(),
        contact_date=None if note.backdating is None else note.backdating.contact_date,
        milestones=milestones,
        possible_tasks=() if function is None else tuple(x.strip() for x in function.possible_tasks),
        adjustments=() if function is None else tuple(x.strip() for x in function.adjustments),
    )


def question_text_nb(question_id: str) -> str:
    """NAV's own (bokmål) text of a question id: the 2026 set for 6.3–6.5, else the legacy set; '' if unknown."""
    data = questions()
    key = QUESTION_KEYS.get(question_id)
    if key is not None:
        for q in data["syk_inn_2026"]["questions"]:
            if q.get("key") == key:
                return " ".join(str(q["label"]).split())
    for group in data["legacy_spmgrupper"]["groups"]:
        for q in group["questions"]:
            if q.get("id") == question_id:
                return " ".join(str(q["text"]).split())
    return ""
