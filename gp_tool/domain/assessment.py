"""The work-focused parts of a case that NAV's sykmelding has no field for (all optional, contracts §2).

Function against the job, screening answers, referral and support decisions, the plan with its
prognosis and any deviation from the diagnosis guidance, the 8-week dialogue point and the patient's
own part. Field names are English (the tool's own structure); enum values are stable upper-case codes.

As in ``gp_tool.domain.case`` only *structure* is validated here: closed code lists, item counts and
ranges of a screening form, text lengths. Scores, gaps, proposals and consistency are judgements made
by ``gp_tool.rules``.

Who may read what (the notes builders enforce it, ``gp_tool.documents.firewall`` checks it):

* employer: ``function.possible_tasks`` and ``function.adjustments`` only (neutral functional wording);
* NAV: everything here, but ``patient_part`` only when ``patient_part.consent_to_nav`` is true;
* journal: everything.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Final, Self

from pydantic import Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from gp_tool.domain.base import LongText, ShortText, _Model

__all__ = [
    "INSTRUMENT_ITEMS",
    "ITEM_MINIMUM",
    "ActivityRequirement",
    "Demand",
    "DeviationReason",
    "DomainAssessment",
    "EightWeekOption",
    "EnteredBy",
    "FunctionAssessment",
    "FunctionDomain",
    "Instrument",
    "Limitation",
    "PatientPart",
    "Plan",
    "Prognosis",
    "ReferralRecord",
    "ReferralStatus",
    "ScreeningResult",
]

MAX_LIST: Final = 20
MAX_SCREENINGS: Final = 200
MAX_REFERRALS: Final = 200


class FunctionDomain(StrEnum):
    """Function domains, after the ICF core sets and the Dutch FML (Functionele Mogelijkhedenlijst)."""

    LIFTING_CARRYING = "LIFTING_CARRYING"
    STANDING_WALKING = "STANDING_WALKING"
    SITTING = "SITTING"
    HAND_USE = "HAND_USE"
    ENDURANCE = "ENDURANCE"
    PACE = "PACE"
    CONCENTRATION_MEMORY = "CONCENTRATION_MEMORY"
    STRESS_TOLERANCE = "STRESS_TOLERANCE"
    COOPERATION_CONTACT = "COOPERATION_CONTACT"
    TRAVEL_TO_WORK = "TRAVEL_TO_WORK"
    WORKING_HOURS = "WORKING_HOURS"


class Limitation(StrEnum):
    """How limited the patient is in a domain now (ICF qualifier, in four steps)."""

    NONE = "NONE"
    SOME = "SOME"
    MARKED = "MARKED"
    NOT_POSSIBLE = "NOT_POSSIBLE"


class Demand(StrEnum):
    """How much the job asks of a domain."""

    NONE = "NONE"
    LOW = "LOW"
    MEDIUM = "MEDIUM"
    HIGH = "HIGH"


class DomainAssessment(_Model):
    limitation: Limitation | None = None
    """The patient's limitation in this domain now (None: not assessed)."""
    demand: Demand | None = None
    """What the job asks of this domain (None: not known)."""
    note: ShortText = ""
    """A short note (tool, NAV note and journal; never the employer)."""


class FunctionAssessment(_Model):
    """Function against the job's demands (tool, NAV and journal; the employer sees only the two lists)."""

    assessed_on: dt.date | None = None
    """Date of the assessment."""
    domains: dict[FunctionDomain, DomainAssessment] = {}
    """Limitation and job demand per domain."""
    possible_tasks: Annotated[list[ShortText], Field(max_length=MAX_LIST)] = []
    """What the patient can do at work now, in neutral functional words (shown to the employer)."""
    adjustments: Annotated[list[ShortText], Field(max_length=MAX_LIST)] = []
    """Adjustments at work that would help, in neutral words (shown to the employer)."""


class Instrument(StrEnum):
    """Screening instruments (peers §7)."""

    OMPSQ_SF = "OMPSQ_SF"
    """Örebro Musculoskeletal Pain Screening Questionnaire, short form: 10 items 0–10."""
    WAS = "WAS"
    """Work Ability Score: 1 item 0–10."""
    PHQ9 = "PHQ9"
    """Patient Health Questionnaire-9: 9 items 0–3."""
    GAD7 = "GAD7"
    """Generalised Anxiety Disorder-7: 7 items 0–3."""


INSTRUMENT_ITEMS: Final[dict[Instrument, tuple[int, int]]] = {
    Instrument.OMPSQ_SF: (10, 10),
    Instrument.WAS: (1, 10),
    Instrument.PHQ9: (9, 3),
    Instrument.GAD7: (7, 3),
}
"""Per instrument: number of items and the highest answer of an item (the lowest is 0 unless below)."""

ITEM_MINIMUM: Final[dict[Instrument, dict[int, int]]] = {Instrument.OMPSQ_SF: {0: 1}}
"""Items whose lowest answer is not 0, by 0-based index: ÖMPSQ-SF item 1 (how long the pain has
lasted) is answered in ten duration categories scored 1–10 (Linton, Nicholas & MacDonald 2011)."""


class EnteredBy(StrEnum):
    GP = "GP"
    PATIENT = "PATIENT"


class ScreeningResult(_Model):
    """The answers to one screening form; the score is computed by ``gp_tool.rules.screening``."""

    instrument: Instrument
    date: dt.date
    """Date the form was filled in."""
    answers: Annotated[list[Annotated[int, Field(ge=0, le=10)] | None], Field(max_length=10)]
    """One answer per item in the instrument's order, None when the item was left blank."""
    entered_by: EnteredBy = EnteredBy.GP
    """Who filled in the form."""
    gp_agrees: bool | None = None
    """Whether the GP agrees with the signal of the score (a score is a signal, not a decision)."""
    comment: ShortText = ""
    """The GP's comment on the result (NAV note and journal)."""

    @model_validator(mode="after")
    def _fits_the_instrument(self) -> Self:
        count, highest = INSTRUMENT_ITEMS[self.instrument]
        if len(self.answers) != count:
            raise PydanticCustomError(
                "screening_item_count",
                "{instrument} has {count} items, not {given}",
                {"instrument": self.instrument.value, "count": count, "given": len(self.answers)},
            )
        minimum = ITEM_MINIMUM.get(self.instrument, {})
        for index, answer in enumerate(self.answers):
            lowest = minimum.get(index, 0)
            if answer is not None and not lowest <= answer <= highest:
                raise PydanticCustomError(
                    "screening_item_range",
                    "answer {item} of {instrument} must be between {lowest} and {highest}",
                    {
                        "item": index + 1,
                        "instrument": self.instrument.value,
                        "lowest": lowest,
                        "highest": highest,
                    },
                )
        return self


class ReferralStatus(StrEnum):
    PLANNED = "PLANNED"
    """The GP will do it or has started (referral being written, patient told)."""
    DONE = "DONE"
    """Referred, applied for or in progress."""
    DECLINED = "DECLINED"
    """Offered and declined by the patient."""
    NOT_RELEVANT = "NOT_RELEVANT"
    """Considered and judged not relevant."""


OptionId = Annotated[str, StringConstraints(min_length=1, max_length=80, pattern=r"^[a-z0-9_.:-]+$")]


class ReferralRecord(_Model):
    """What became of one referral or support option (NAV note and journal)."""

    option: OptionId
    """Id of the option in the referral catalogue, or ``local:<id>`` for a practice's local service."""
    status: ReferralStatus
    date: dt.date | None = None
    """When it was done, declined or judged not relevant."""
    note: ShortText = ""


class Prognosis(StrEnum):
    GOOD = "GOOD"
    UNCERTAIN = "UNCERTAIN"
    POOR = "POOR"


class DeviationReason(StrEnum):
    """Why full leave runs beyond the diagnosis guidance (after the Swedish FMB qualifiers)."""

    WORK_LOAD = "WORK_LOAD"
    SEVERITY = "SEVERITY"
    COMPLICATION = "COMPLICATION"
    COMORBIDITY = "COMORBIDITY"
    WAITING_FOR_TREATMENT = "WAITING_FOR_TREATMENT"
    OTHER = "OTHER"


class Plan(_Model):
    """The plan: treatment and work measures at the same time, the prognosis, and guidance deviations."""

    prognosis: Prognosis | None = None
    """The GP's prognosis for return to work."""
    expected_return: dt.date | None = None
    """When the GP expects the patient back in (part of) the job."""
    treatment: LongText = ""
    """Treatment plan (NAV note and journal)."""
    work_measures: LongText = ""
    """Measures at work run alongside treatment (NAV note and journal)."""
    measures_from_nav: LongText = ""
    """What the GP asks NAV to consider (NAV note)."""
    reassess_on: dt.date | None = None
    """When the GP will reassess."""
    guidance_deviation: Annotated[list[DeviationReason], Field(max_length=len(DeviationReason))] = []
    """Why full leave runs beyond the diagnosis guidance."""
    guidance_deviation_text: LongText = ""
    """The reason in the GP's words (NAV note)."""


class EightWeekOption(StrEnum):
    """The options at the 8-week point, in the order the law and the strategy want them weighed."""

    OWN_WORK_ADJUSTED = "OWN_WORK_ADJUSTED"
    GRADED = "GRADED"
    OTHER_TASKS = "OTHER_TASKS"
    WORK_MEASURES = "WORK_MEASURES"
    EXCEPTION_MEDICAL = "EXCEPTION_MEDICAL"
    EXCEPTION_WORKPLACE = "EXCEPTION_WORKPLACE"


class ActivityRequirement(_Model):
    """The 8-week dialogue point (ftrl § 8-8 (2)): what happened, what was chosen and why."""

    follow_up_plan_received: bool | None = None
    """The employer's oppfølgingsplan has reached the GP."""
    dialogue_meeting_held: bool | None = None
    """Dialogmøte 1 has been held."""
    gp_invited: bool | None = None
    """The GP was invited to dialogmøte 1."""
    dialogue_meeting_outcome: LongText = ""
    """What came out of dialogmøte 1 (journal and NAV note)."""
    option: EightWeekOption | None = None
    """The option chosen at the 8-week point."""
    why_activity_impossible: LongText = ""
    """For an exception: why work-related activity is not possible now (not the diagnosis alone)."""
    what_would_change_it: LongText = ""
    """For an exception: what would make activity possible."""
    workplace_facts: LongText = ""
    """For a workplace exception: what adjustment was tried or asked for, and why it is not possible."""
    reassess_on: dt.date | None = None
    """For an exception: when it will be reassessed."""
    ask_nav_for_dialogue_meeting: bool = False
    """The GP asks NAV for a dialogue meeting."""
    gp_will_attend: bool = False
    """The GP will take part in the dialogue meeting."""


class PatientPart(_Model):
    """The patient's own part, from the one-page form (NAV note only with consent)."""

    filled_on: dt.date | None = None
    tasks_i_can_do: LongText = ""
    what_would_help: LongText = ""
    worries: LongText = ""
    consent_to_nav: bool = False
    """The patient agrees that what they wrote goes into the NAV note."""
