"""Shared helpers for the documents tests: a context with a timeline, PDF text, cases built in code."""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

from pypdf import PdfReader

from gp_tool.documents import NoteContext, OpenFinding, TimelineMark
from gp_tool.documents.context import case_start_of
from gp_tool.domain.assessment import (
    ActivityRequirement,
    Demand,
    DeviationReason,
    DomainAssessment,
    EightWeekOption,
    FunctionAssessment,
    FunctionDomain,
    Instrument,
    Limitation,
    PatientPart,
    Plan,
    Prognosis,
    ReferralRecord,
    ReferralStatus,
    ScreeningResult,
)
from gp_tool.domain.case import (
    Case,
    Diagnosis,
    DiagnosisSystem,
    Patient,
    Period,
    PeriodKind,
    SickNote,
    Sykmelder,
    Work,
)

TODAY = dt.date(2026, 11, 20)

# Labels as the rules would translate them; the notes print whatever the caller passes.
MARK_LABELS = {
    "nb": {
        "ARBEIDSGIVERPERIODE_SLUTT": "Arbeidsgiverperioden slutter",
        "OPPFOLGINGSPLAN": "Oppfølgingsplan",
        "DIALOGMOTE_1": "Dialogmøte 1",
        "AKTIVITETSKRAV": "Aktivitetskravet",
        "DIALOGMOTE_2": "Dialogmøte 2",
        "MAKSDATO": "Maksdato",
    },
    "nn": {
        "ARBEIDSGIVERPERIODE_SLUTT": "Arbeidsgjevarperioden sluttar",
        "OPPFOLGINGSPLAN": "Oppfølgingsplan",
        "DIALOGMOTE_1": "Dialogmøte 1",
        "AKTIVITETSKRAV": "Aktivitetskravet",
        "DIALOGMOTE_2": "Dialogmøte 2",
        "MAKSDATO": "Maksdato",
    },
    "en": {
        "ARBEIDSGIVERPERIODE_SLUTT": "Employer period ends",
        "OPPFOLGINGSPLAN": "Follow-up plan",
        "DIALOGMOTE_1": "Dialogue meeting 1",
        "AKTIVITETSKRAV": "Activity requirement",
        "DIALOGMOTE_2": "Dialogue meeting 2",
        "MAKSDATO": "Benefit end date",
    },
}
# Offsets from the case start (domain brief §7: end of week N = start + 7N - 1).
MARK_OFFSETS = {
    "ARBEIDSGIVERPERIODE_SLUTT": 15,
    "OPPFOLGINGSPLAN": 27,
    "DIALOGMOTE_1": 48,
    "AKTIVITETSKRAV": 55,
    "DIALOGMOTE_2": 181,
    "MAKSDATO": 363,
}


def context(
    case: Case,
    lang: str = "nb",
    today: dt.date = TODAY,
    *,
    findings: tuple[OpenFinding, ...] = (),
    questions_due: tuple[str, ...] = (),
    course: bool = False,
) -> NoteContext:
    """A context with the milestones the rules would compute for the case start."""
    start = case_start_of(case)
    marks: tuple[TimelineMark, ...] = ()
    max_date = None
    if start is not None:
        marks = tuple(
            TimelineMark(mark_id, MARK_LABELS[lang][mark_id], start + dt.timedelta(days=offset))
            for mark_id, offset in MARK_OFFSETS.items()
        )
        max_date = start + dt.timedelta(days=MARK_OFFSETS["MAKSDATO"])
    return NoteContext(
        today=today,
        lang=lang,
        case_start=start,
        max_date=max_date,
        marks=marks,
        findings=findings,
        questions_due=questions_due,
        course=course,
    )


def pdf_pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """Whitespace (line breaks, no-break spaces, tabs) collapsed to single spaces."""
    return re.sub(r"\s+", " ", text.replace("\xa0", " ").replace("\u202f", " ")).strip()


def pdf_text(pdf: bytes) -> str:
    return flat(" ".join(pdf_pages(pdf)))


def simple_case(**sick_note: Any) -> Case:
    """A small valid case; keyword arguments replace fields of the new sick note."""
    fields: dict[str, Any] = {
        "signed": dt.date(2026, 11, 20),
        "main_diagnosis": None,
        "periods": [
            Period(kind=PeriodKind.GRADERT, from_=dt.date(2026, 11, 20), to=dt.date(2026, 12, 3), grade=50)
        ],
    }
    fields.update(sick_note)
    return Case(
        patient=Patient(name="Ola Nordmann", birth_date=dt.date(1980, 1, 2)),
        sykmelder=Sykmelder(name="Lege Legesen", hpr="123456"),
        work=Work(employer="Byggmester AS", occupation="Tømrer", position_percent=100),
        case_start=dt.date(2026, 10, 1),
        sick_note=SickNote(**fields),
    )


def work_case(*, consent: bool = True) -> Case:
    """A week-9 case with every work-focused part filled; NAV-only texts say so ("NAV-ONLY …")."""
    d = dt.date
    case = simple_case(
        main_diagnosis=Diagnosis(system=DiagnosisSystem.ICPC2, code="L03"),
        periods=[Period(kind=PeriodKind.AKTIVITET_IKKE_MULIG, from_=d(2026, 11, 20), to=d(2026, 12, 3))],
        message_to_employer="Kan gjøre lette oppgaver.",
    )
    return case.model_copy(
        update={
            "function": FunctionAssessment(
                assessed_on=d(2026, 11, 18),
                domains={
                    FunctionDomain.LIFTING_CARRYING: DomainAssessment(
                        limitation=Limitation.MARKED, demand=Demand.HIGH, note="NAV-ONLY løfter 5 kg"
                    ),
                    FunctionDomain.SITTING: DomainAssessment(limitation=Limitation.NONE, demand=Demand.LOW),
                    FunctionDomain.CONCENTRATION_MEMORY: DomainAssessment(),
                },
                possible_tasks=["Lette oppgaver i verkstedet", " "],
                adjustments=["Unngå løft over 10 kg"],
            ),
            "screening": [
                ScreeningResult(
                    instrument=Instrument.OMPSQ_SF,
                    date=d(2026, 11, 1),
                    answers=[1] * 10,
                    comment="NAV-ONLY older form",
                ),
                ScreeningResult(
                    instrument=Instrument.OMPSQ_SF,
                    date=d(2026, 11, 18),
                    answers=[8, 7, 6, 5, 8, 7, 6, 5, 8, 7],
                    gp_agrees=True,
                    comment="NAV-ONLY fits the picture",
                ),
                ScreeningResult(instrument=Instrument.WAS, date=d(2026, 11, 18), answers=[None]),
            ],
            "referrals": [
                ReferralRecord(
                    option="fysioterapi",
                    status=ReferralStatus.DONE,
                    date=d(2026, 11, 2),
                    note="NAV-ONLY 2x/uke",
                ),
                ReferralRecord(option="local:ryggskolen-sentrum", status=ReferralStatus.DECLINED),
                ReferralRecord(
                    option="ukjent-tilbud", status=ReferralStatus.NOT_RELEVANT, date=d(2026, 11, 3)
                ),
            ],
            "plan": Plan(
                prognosis=Prognosis.GOOD,
                expected_return=d(2026, 12, 4),
                treatment="NAV-ONLY treatment",
                work_measures="NAV-ONLY work measures",
                measures_from_nav="NAV-ONLY measures from NAV",
                reassess_on=d(2026, 12, 1),
                guidance_deviation=[DeviationReason.WORK_LOAD, DeviationReason.WAITING_FOR_TREATMENT],
                guidance_deviation_text="NAV-ONLY deviation",
            ),
            "activity_requirement": ActivityRequirement(
                follow_up_plan_received=True,
                dialogue_meeting_held=False,
                gp_invited=None,
                dialogue_meeting_outcome="",
                option=EightWeekOption.EXCEPTION_MEDICAL,
                why_activity_impossible="NAV-ONLY why impossible",
                what_would_change_it="NAV-ONLY what would change it",
                workplace_facts="",
                reassess_on=d(2026, 12, 10),
                ask_nav_for_dialogue_meeting=True,
                gp_will_attend=False,
            ),
            "patient_part": PatientPart(
                filled_on=d(2026, 11, 17),
                tasks_i_can_do="PATIENT-OWN tasks",
                what_would_help="PATIENT-OWN help",
                worries="PATIENT-OWN worries",
                consent_to_nav=consent,
            ),
        }
    )
