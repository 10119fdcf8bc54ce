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

Sections that the case file cannot fill yet (functional assessment, treatment plan, prognosis,
referrals, measures asked of NAV) exist as fields and stay empty until the case gains those fields;
renderers omit empty sections.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

from gp_tool.codes import code_lists, questions
from gp_tool.documents.context import NoteContext, OpenFinding, TimelineMark
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

__all__ = [
    "EMPLOYER_MILESTONES",
    "QUESTION_KEYS",
    "DiagnosisLine",
    "EarlierNoteLine",
    "EmployerNote",
    "EmployerPeriod",
    "NavNote",
    "NavPeriod",
    "PastPeriod",
    "QuestionAnswer",
    "SykmelderInfo",
    "build_employer_note",
    "build_nav_note",
    "diagnosis_line",
    "question_text_nb",
    "question_week",
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
    # Sections the case file cannot fill yet (functional assessment, plan, referrals); empty until then.
    medical_summary: str = ""
    functional_limits: str = ""
    activity_assessment: str = ""
    """Why work-related activity is or is not possible now, in the GP's words."""
    treatment_plan: str = ""
    prognosis: str = ""
    referrals_done: tuple[str, ...] = ()
    referrals_declined: tuple[str, ...] = ()
    measures_requested: tuple[str, ...] = ()
    """Measures asked of NAV (dialogmøte, arbeidsrettet rehabilitering, ekspertbistand …)."""


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
    # Employer-visible sections the case file cannot fill yet; empty until then.
    can_do: str = ""
    """What the employee can do, from the functional assessment."""
    adjustments: tuple[str, ...] = ()
    """Suggested adjustments the GP ticked for the employer."""
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
