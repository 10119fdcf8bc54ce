"""The sykmelding message as data: one model for what NAV receives and what the NAV note prints.

:func:`message_from_case` turns a case's new sick note into a :class:`SykmeldingMessage`;
:func:`earlier_note` turns a read message back into an :class:`EarlierSickNote`. The XML lives in
:mod:`gp_tool.messages.sm2013`; this module knows only the case model and the code lists.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from typing import Final, Literal

from gp_tool.codes import questions
from gp_tool.domain.case import (
    ArbeidsrelatertArsak,
    Backdating,
    Case,
    Diagnosis,
    EarlierSickNote,
    MedisinskArsak,
    Period,
    PeriodKind,
)
from gp_tool.domain.problems import Problem, ProblemError
from gp_tool.i18n.markers import N_
from gp_tool.messages.codes import GROUP_TEXTS_2026, QUESTION_KEYS_2026
from gp_tool.rules.absence import case_start

__all__ = [
    "Answer",
    "MessagePeriod",
    "Sender",
    "SykmeldingMessage",
    "earlier_note",
    "message_from_case",
    "question_text",
]

Employers = Literal["ONE", "SEVERAL", "NONE"]


@dataclass(frozen=True, slots=True)
class MessagePeriod:
    """One ``Aktivitet/Periode``: the case's period with the note's reasons (SM2013 keeps them per period)."""

    kind: PeriodKind
    from_: dt.date
    to: dt.date
    grade: int | None = None
    travel_grant: bool | None = None
    treatment_days: int | None = None
    advice_to_employer: str | None = None
    medical_reasons: tuple[MedisinskArsak, ...] = ()
    work_reasons: tuple[ArbeidsrelatertArsak, ...] = ()
    work_reason_text: str = ""


@dataclass(frozen=True, slots=True)
class Answer:
    """One ``UtdypendeOpplysninger/SpmGruppe/SpmSvar``."""

    question_id: str
    text: str

    @property
    def group_id(self) -> str:
        return self.question_id.rsplit(".", 1)[0]


@dataclass(frozen=True, slots=True)
class Sender:
    """The practice and the GP (MsgHead ``Sender`` and SM2013 ``Behandler``)."""

    practice: str = ""
    org_number: str = ""
    name: str = ""
    hpr: str = ""
    national_id: str = ""
    phone: str = ""


@dataclass(frozen=True, slots=True)
class SykmeldingMessage:
    """Everything the SM2013 document says, in the case model's terms."""

    msg_id: str
    generated: dt.datetime
    sender: Sender
    patient_name: str
    national_id: str
    case_start: dt.date
    employers: Employers
    employer: str
    occupation: str
    position_percent: int | None
    main_diagnosis: Diagnosis | None
    secondary_diagnoses: tuple[Diagnosis, ...]
    other_absence_reason: str | None
    pregnancy: bool | None
    occupational_injury: bool | None
    occupational_injury_date: dt.date | None
    periods: tuple[MessagePeriod, ...]
    answers: tuple[Answer, ...]
    measures_workplace: str = ""
    measures_other: str = ""
    message_to_nav: str = ""
    message_to_employer: str = ""
    treated: dt.date = dt.date.min
    """BehandletDato: the day the note is signed."""
    backdating: Backdating | None = None
    expected_return: dt.date | None = None
    system_name: str = "Arbeidsfokus"
    system_version: str = ""
    notes: tuple[str, ...] = field(default=())
    """What the reader accepted although the schema does not (e.g. the default-namespace variant)."""


def _split_name(name: str) -> tuple[str, str]:
    """(family name, given names): the last word is the family name."""
    parts = name.split()
    if not parts:
        return "", ""
    return parts[-1], " ".join(parts[:-1])


split_name: Final = _split_name


def _periods(case: Case) -> tuple[MessagePeriod, ...]:
    note = case.sick_note
    out: list[MessagePeriod] = []
    for p in note.periods:
        ikke_mulig = p.kind is PeriodKind.AKTIVITET_IKKE_MULIG
        out.append(
            MessagePeriod(
                kind=p.kind,
                from_=p.from_,
                to=p.to,
                grade=p.grade,
                travel_grant=p.travel_grant,
                treatment_days=p.treatment_days,
                advice_to_employer=p.advice_to_employer,
                medical_reasons=tuple(p.medical_reasons or ()) if ikke_mulig else (),
                work_reasons=tuple(note.work_related_reasons) if ikke_mulig else (),
                work_reason_text=note.work_related_reason_text if ikke_mulig else "",
            )
        )
    return tuple(out)


def _required(case: Case) -> list[Problem]:
    """What a message cannot be sent without (MsgHead and SM2013 required elements)."""
    need = N_("needed in the message to NAV: fill it in")
    checks = {
        "patient.name": case.patient.name.strip(),
        "patient.national_id": case.patient.national_id,
        "sykmelder.name": case.sykmelder.name.strip(),
        "sykmelder.hpr": case.sykmelder.hpr,
        "sykmelder.practice": case.sykmelder.practice.strip(),
        "sykmelder.practice_org_number": case.sykmelder.practice_org_number,
        "sykmelder.phone": case.sykmelder.phone.strip(),
    }
    return [Problem(path, "message_field_missing", need) for path, value in checks.items() if not value]


def message_from_case(case: Case, today: dt.date, msg_id: str, version: str) -> SykmeldingMessage:
    """The message for the case's new sick note; :class:`ProblemError` when a required field is empty."""
    problems = _required(case)
    if problems:
        raise ProblemError(problems)
    note = case.sick_note
    work = case.work
    employers: Employers = work.employers or ("ONE" if work.employer.strip() else "NONE")
    plan = case.plan
    function = case.function
    return SykmeldingMessage(
        msg_id=msg_id,
        generated=dt.datetime.combine(today, dt.time()),
        sender=Sender(
            practice=case.sykmelder.practice,
            org_number=case.sykmelder.practice_org_number,
            name=case.sykmelder.name,
            hpr=case.sykmelder.hpr,
            national_id=case.sykmelder.national_id,
            phone=case.sykmelder.phone,
        ),
        patient_name=case.patient.name,
        national_id=case.patient.national_id,
        case_start=case_start(case),
        employers=employers,
        employer=work.employer,
        occupation=work.occupation,
        position_percent=work.position_percent,
        main_diagnosis=note.main_diagnosis,
        secondary_diagnoses=tuple(note.secondary_diagnoses),
        other_absence_reason=note.other_absence_reason,
        pregnancy=note.pregnancy,
        occupational_injury=note.occupational_injury,
        occupational_injury_date=note.occupational_injury_date,
        periods=_periods(case),
        answers=tuple(Answer(k, v) for k, v in sorted(note.answers.items()) if v.strip()),
        measures_workplace="; ".join(function.adjustments) if function is not None else "",
        measures_other=plan.treatment if plan is not None else "",
        message_to_nav=note.message_to_nav,
        message_to_employer=note.message_to_employer,
        treated=note.signed,
        backdating=note.backdating,
        expected_return=plan.expected_return if plan is not None else None,
        system_version=version,
    )


def _period_fields(p: MessagePeriod) -> dict[str, object]:
    fields: dict[str, object] = {
        "kind": p.kind,
        "from": p.from_,
        "to": p.to,
        "grade": p.grade,
        "travel_grant": p.travel_grant,
        "treatment_days": p.treatment_days,
        "advice_to_employer": p.advice_to_employer,
        "medical_reasons": list(p.medical_reasons) or None,
    }
    return {k: v for k, v in fields.items() if v is not None}


def earlier_note(message: SykmeldingMessage) -> EarlierSickNote:
    """The read message as an earlier sick note of the case."""
    periods = [Period.model_validate(_period_fields(p), strict=False) for p in message.periods]
    with_reasons = next((p for p in message.periods if p.work_reasons or p.work_reason_text), None)
    fields: dict[str, object] = {
        "signed": message.treated,
        "main_diagnosis": message.main_diagnosis,
        "periods": periods,
    }
    optional: dict[str, object] = {
        "secondary_diagnoses": list(message.secondary_diagnoses),
        "other_absence_reason": message.other_absence_reason,
        "backdating": message.backdating,
        "work_related_reasons": list(with_reasons.work_reasons) if with_reasons else [],
        "work_related_reason_text": with_reasons.work_reason_text if with_reasons else "",
        "message_to_nav": message.message_to_nav,
        "message_to_employer": message.message_to_employer,
        "answers": {a.question_id: a.text for a in message.answers},
        "pregnancy": message.pregnancy,
        "occupational_injury": message.occupational_injury,
        "occupational_injury_date": message.occupational_injury_date,
        "message_id": message.msg_id,
    }
    # Only what the message says is set, so the case file stays as small as a hand-written one.
    fields.update({k: v for k, v in optional.items() if v not in (None, "", [], {})})
    return EarlierSickNote(**fields)  # type: ignore[arg-type]


@cache
def _question_texts() -> dict[str, tuple[str, str]]:
    """Question id → (group text, question text), NAV's own wording (nb)."""
    data = questions()
    out: dict[str, tuple[str, str]] = {}
    for group in data["legacy_spmgrupper"]["groups"]:
        for q in group["questions"]:
            out[q["id"]] = (group["group_text"], q["text"])
    labels = {q["key"]: q["label"] for q in data["syk_inn_2026"]["questions"]}
    for qid, key in QUESTION_KEYS_2026.items():
        out[qid] = (GROUP_TEXTS_2026[qid.rsplit(".", 1)[0]], labels.get(key, qid))
    return out


def question_text(question_id: str) -> tuple[str, str]:
    """(SpmGruppeTekst, SpmTekst) for a question id; the id itself for an id NAV does not list."""
    group = question_id.rsplit(".", 1)[0]
    return _question_texts().get(question_id, (group, question_id))
