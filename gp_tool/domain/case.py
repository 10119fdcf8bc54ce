"""The case file model, version 1 (shared contracts §2), as frozen pydantic v2 models.

Names follow NAV's sykmelding vocabulary (domain brief §2) so that a NAV doctor recognises them.
Only *structure* is validated here: types, ISO dates that exist, closed code lists, a valid
fødselsnummer check digit, sane text lengths. Whether a well-formed value is acceptable (a grade of 0
or 150, overlapping periods, an unknown diagnosis code) is a judgement for ``gp_tool.rules``.

Structural problems raise ``PydanticCustomError`` with a stable error type that
``gp_tool.domain.problems`` turns into a translated message naming the field.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any, Final, Literal, Self

from pydantic import (
    AfterValidator,
    Field,
    StringConstraints,
    model_validator,
)
from pydantic_core import PydanticCustomError

from gp_tool.domain.assessment import (
    MAX_REFERRALS,
    MAX_SCREENINGS,
    ActivityRequirement,
    FunctionAssessment,
    PatientPart,
    Plan,
    ReferralRecord,
    ScreeningResult,
)
from gp_tool.domain.base import LongText, Name, ShortText, _Model
from gp_tool.domain.national_id import InvalidNationalIdError, known_birth_date, validate_national_id

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "AnnenFravarsgrunn",
    "ArbeidsrelatertArsak",
    "Backdating",
    "Case",
    "Diagnosis",
    "DiagnosisSystem",
    "EarlierSickNote",
    "HprCategory",
    "MedisinskArsak",
    "Patient",
    "PatientView",
    "Period",
    "PeriodKind",
    "SickNote",
    "Sykmelder",
    "Work",
]

FORMAT: Final = "gp-tool/case"
FORMAT_VERSION: Final = 1

MAX_PERIODS: Final = 100
MAX_EARLIER_NOTES: Final = 500


def _check_national_id(value: str) -> str:
    if value == "":
        return value
    try:
        validate_national_id(value)
    except InvalidNationalIdError as exc:
        raise PydanticCustomError(
            "national_id_" + exc.reason,
            "not a valid fødselsnummer or D-nummer ({reason})",
            {"reason": exc.reason},
        ) from None
    return value


NationalId = Annotated[str, StringConstraints(max_length=20), AfterValidator(_check_national_id)]


class DiagnosisSystem(StrEnum):
    ICPC2 = "ICPC-2"
    ICPC2B = "ICPC-2B"
    ICD10 = "ICD-10"


class HprCategory(StrEnum):
    """Helsepersonellkategori of the sykmelder (HPR)."""

    LE = "LE"  # lege
    TL = "TL"  # tannlege
    MT = "MT"  # manuellterapeut
    FT = "FT"  # fysioterapeut
    KI = "KI"  # kiropraktor


class PeriodKind(StrEnum):
    """Aktivitetstype (syfosm-common PeriodetypeDTO; syk-inn ``aktivitet``)."""

    AKTIVITET_IKKE_MULIG = "AKTIVITET_IKKE_MULIG"
    GRADERT = "GRADERT"
    AVVENTENDE = "AVVENTENDE"
    BEHANDLINGSDAGER = "BEHANDLINGSDAGER"
    REISETILSKUDD = "REISETILSKUDD"


class MedisinskArsak(StrEnum):
    """Medisinsk årsak, OID 2.16.578.1.12.4.1.1.8133 (NAV only)."""

    TILSTAND_HINDRER_AKTIVITET = "TILSTAND_HINDRER_AKTIVITET"
    AKTIVITET_FORVERRER_TILSTAND = "AKTIVITET_FORVERRER_TILSTAND"
    AKTIVITET_FORHINDRER_BEDRING = "AKTIVITET_FORHINDRER_BEDRING"
    ANNET = "ANNET"


class ArbeidsrelatertArsak(StrEnum):
    """Arbeidsrelatert årsak, OID 2.16.578.1.12.4.1.1.8132 (shown to the employer)."""

    MANGLENDE_TILRETTELEGGING = "MANGLENDE_TILRETTELEGGING"
    ANNET = "ANNET"


AnnenFravarsgrunn = Literal["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]
"""Annen lovfestet fraværsgrunn, OID 2.16.578.1.12.4.1.1.8131, codes 1–10 (ftrl § 8-4)."""


class Diagnosis(_Model):
    """A diagnosis code. Whether the code exists in NAV's lists is judged by the rules, not here."""

    system: DiagnosisSystem
    """Code system: ICPC-2, ICPC-2B or ICD-10."""
    code: Annotated[str, StringConstraints(min_length=1, max_length=16, pattern=r"^\S+$")]
    """Code without dot for ICD-10 (``M545``); ICPC-2B with its dot (``L03.0002``)."""


class Period(_Model):
    """One sick-leave period, inclusive ``from``–``to`` (NAV's fom/tom)."""

    kind: PeriodKind
    """Aktivitetstype of the period."""
    from_: dt.date = Field(alias="from")
    """First day (fom), inclusive."""
    to: dt.date
    """Last day (tom), inclusive."""
    grade: int | None = None
    """Sick-leave grade in % for GRADERT (the rules judge values outside 1–99)."""
    travel_grant: bool | None = None
    """True when a GRADERT period also has reisetilskudd."""
    treatment_days: int | None = None
    """Number of behandlingsdager for BEHANDLINGSDAGER."""
    advice_to_employer: LongText | None = None
    """Innspill til arbeidsgiver for AVVENTENDE (shown to the employer)."""
    medical_reasons: list[MedisinskArsak] | None = None
    """Medisinsk årsak for AKTIVITET_IKKE_MULIG (NAV only)."""


class Backdating(_Model):
    """Tilbakedatering: first contact with the patient and why the note starts earlier."""

    contact_date: dt.date
    """Date of first contact (kontaktDato)."""
    justification: LongText = ""
    """Begrunnelse for tilbakedatering (NAV only)."""


class _SickNoteFields(_Model):
    signed: dt.date
    """Date the sykmelding is signed (the consultation date for the new note)."""
    main_diagnosis: Diagnosis | None = None
    """Hoveddiagnose, or null when other_absence_reason says why there is none (NAV only)."""
    secondary_diagnoses: Annotated[list[Diagnosis], Field(max_length=20)] = []
    """Bidiagnoser (NAV only)."""
    other_absence_reason: AnnenFravarsgrunn | None = None
    """Annen lovfestet fraværsgrunn, code "1"–"10" (ftrl § 8-4), or null."""
    periods: Annotated[list[Period], Field(max_length=MAX_PERIODS)]
    """The periods of this sykmelding."""
    backdating: Backdating | None = None
    """Tilbakedatering, or null."""
    work_related_reasons: list[ArbeidsrelatertArsak] = []
    """Arbeidsrelatert årsak names (shown to the employer)."""
    work_related_reason_text: LongText = ""
    """Free text for arbeidsrelatert årsak ANNET (shown to the employer)."""
    message_to_nav: LongText = ""
    """Melding til NAV (NAV only)."""
    message_to_employer: LongText = ""
    """Melding til arbeidsgiver (shown to the employer: never health information)."""
    answers: dict[Annotated[str, StringConstraints(max_length=40)], LongText] = {}
    """Answers to NAV's week 7/17/39 questions keyed by question id (6.3.1 …) (NAV only)."""
    pregnancy: bool | None = None
    """Svangerskap: the sick leave is related to pregnancy (NAV only), or null when not stated."""
    occupational_injury: bool | None = None
    """Yrkesskade: the sick leave may be due to an occupational injury (NAV only), or null."""
    occupational_injury_date: dt.date | None = None
    """Date of the occupational injury (skadedato), or null."""


class EarlierSickNote(_SickNoteFields):
    """A sykmelding already sent in this case (only ``signed``, ``periods``, ``main_diagnosis`` required)."""

    main_diagnosis: Diagnosis | None
    message_id: Annotated[str, StringConstraints(max_length=100)] = ""
    """MsgId of the message it was read from (``gp-tool import``), or empty."""


class SickNote(_SickNoteFields):
    """The sykmelding being written in this consultation."""

    @model_validator(mode="after")
    def _needs_a_period(self) -> Self:
        if not self.periods:
            raise PydanticCustomError("periods_empty", "at least one period is needed")
        return self


class Patient(_Model):
    name: Name = ""
    """Full name."""
    national_id: NationalId = ""
    """Fødselsnummer or D-nummer (mod-11 checked), or empty."""
    birth_date: dt.date | None = None
    """Required when national_id is empty."""

    @model_validator(mode="after")
    def _birth_date_known(self) -> Self:
        if not self.national_id and self.birth_date is None:
            raise PydanticCustomError(
                "birth_date_required", "birth_date is required when national_id is empty"
            )
        return self

    def known_birth_date(self) -> dt.date | None:
        """``birth_date``, else the one encoded in the national id (None when neither gives one)."""
        return known_birth_date(self.birth_date, self.national_id)


class Sykmelder(_Model):
    name: Name = ""
    """Name of the sykmelder."""
    hpr: Annotated[str, StringConstraints(max_length=12, pattern=r"^\d*$")] = ""
    """HPR number (digits), or empty."""
    category: HprCategory = HprCategory.LE
    """HPR category: LE lege, TL tannlege, MT manuellterapeut, FT fysioterapeut, KI kiropraktor."""
    national_id: NationalId = ""
    """The sykmelder's own fødselsnummer (to detect a self-issued sykmelding), or empty."""
    practice: Name = ""
    """Name of the practice (legekontor) sending the message, or empty."""
    practice_org_number: Annotated[str, StringConstraints(max_length=9, pattern=r"^(\d{9})?$")] = ""
    """The practice's organisation number (9 digits, Enhetsregisteret), or empty."""
    phone: Annotated[str, StringConstraints(max_length=20, pattern=r"^[0-9+ ]*$")] = ""
    """The sykmelder's telephone number, or empty."""


class PatientView(_Model):
    """The patient's own view of work and health, in their words (tool and journal only; never sent)."""

    life_factors: LongText = ""
    """Answer to «Er det forhold i livet ditt som påvirker arbeidstilknytningen din?»."""
    workplace_factors: LongText = ""
    """Answer to «Er det utfordringer på arbeidsplassen som påvirker helsen din?»."""
    own_assessment: LongText = ""
    """What the patient thinks they can do at work now, and what would help them stay or return."""


class Work(_Model):
    employer: Name = ""
    """Employer's name (shown to the employer)."""
    occupation: Name = ""
    """Occupation / yrkesbetegnelse (shown to the employer)."""
    position_percent: Annotated[int, Field(ge=0, le=100)] | None = None
    """Stillingsprosent, 0–100."""
    employers: Literal["ONE", "SEVERAL", "NONE"] | None = None
    """How many employers the patient has (SM2013 HarArbeidsgiver), or null: one when an employer is named."""
    demands: Annotated[list[ShortText], Field(max_length=20)] = []
    """The job's main demands (tasks, physical and mental load, hours, shifts), one per entry (tool and journal only)."""
    patient_view: PatientView = Field(default_factory=PatientView)
    """The patient's own view of work and health (tool and journal only)."""


class Case(_Model):
    """A sick-leave case as stored in a case file (contracts §2)."""

    format: Literal["gp-tool/case"] = FORMAT
    """Always "gp-tool/case"."""
    version: Literal[1] = FORMAT_VERSION
    """Format version; older versions are migrated, newer ones refused."""
    patient: Patient
    sykmelder: Sykmelder = Sykmelder()
    work: Work = Work()
    case_start: dt.date | None = None
    """First day of the continuous absence; when absent, derived from the notes with NAV's 16-day rule."""
    earlier_sick_notes: Annotated[list[EarlierSickNote], Field(max_length=MAX_EARLIER_NOTES)] = []
    """Sykmeldinger already sent in this case, chained with NAV's rules."""
    sick_note: SickNote
    """The sykmelding being written now."""
    function: FunctionAssessment | None = None
    """Function against the job's demands (the employer sees only possible tasks and adjustments)."""
    screening: Annotated[list[ScreeningResult], Field(max_length=MAX_SCREENINGS)] = []
    """Screening forms filled in during the case (NAV note and journal)."""
    referrals: Annotated[list[ReferralRecord], Field(max_length=MAX_REFERRALS)] = []
    """What became of referral and support options (NAV note and journal)."""
    plan: Plan | None = None
    """Treatment and work measures, prognosis and guidance deviations (NAV note and journal)."""
    activity_requirement: ActivityRequirement | None = None
    """The 8-week dialogue point: follow-up plan, dialogue meeting, option chosen, exception facts."""
    patient_part: PatientPart | None = None
    """The patient's own part (NAV note only with consent)."""

    def to_json_dict(self) -> dict[str, Any]:
        """The JSON document (only the fields that were set, so a loaded file saves back unchanged)."""
        return self.model_dump(mode="json", by_alias=True, exclude_unset=True)
