"""Field labels as the GP knows them, for every case-file path (contracts §1), in nb, nn and en.

``field_label("sick_note.periods[0].to", "nb")`` → "Siste dag, periode 1". Indexed paths name the
number the window shows (index + 1); a path without a label of its own is named by its nearest
labelled parent, and an unknown path is returned unchanged (never an empty label).
"""

from __future__ import annotations

import re
from typing import Final

from gp_tool.i18n.catalog import Translator, translator
from gp_tool.i18n.markers import N_

__all__ = ["field_label"]

_PLAIN: Final[dict[str, str]] = {
    "file": N_("The case file"),
    "format": N_("File format"),
    "version": N_("File format version"),
    "patient": N_("Patient"),
    "patient.name": N_("Name"),
    "patient.national_id": N_("National ID number"),
    "patient.birth_date": N_("Birth date"),
    "sykmelder": N_("Sykmelder"),
    "sykmelder.name": N_("Sykmelder's name"),
    "sykmelder.hpr": N_("HPR number"),
    "sykmelder.category": N_("HPR category"),
    "sykmelder.national_id": N_("Sykmelder's national ID number"),
    "work": N_("Work"),
    "work.employer": N_("Employer"),
    "work.occupation": N_("Occupation"),
    "work.position_percent": N_("Position (%)"),
    "work.demands": N_("The job's main demands"),
    "work.patient_view.life_factors": N_(
        "Is there anything in your life that affects your attachment to work?"
    ),
    "work.patient_view.workplace_factors": N_(
        "Are there challenges at the workplace that affect your health?"
    ),
    "work.patient_view.own_assessment": N_("The patient's own assessment: what can they do at work now?"),
    "case_start": N_("First day of absence"),
    "earlier_sick_notes": N_("Earlier sick notes"),
    "sick_note": N_("The new sick note"),
    "sick_note.signed": N_("Date signed"),
    "sick_note.periods": N_("Periods of the new sick note"),
    "sick_note.main_diagnosis": N_("Main diagnosis"),
    "sick_note.main_diagnosis.code": N_("Main diagnosis"),
    "sick_note.main_diagnosis.system": N_("Code system"),
    "sick_note.secondary_diagnoses": N_("Secondary diagnoses"),
    "sick_note.other_absence_reason": N_("Other legal absence reason"),
    "sick_note.backdating": N_("Back-dating"),
    "sick_note.backdating.contact_date": N_("First contact"),
    "sick_note.backdating.justification": N_("Justification for back-dating"),
    "sick_note.work_related_reasons": N_("Work-related reasons"),
    "sick_note.work_related_reason_text": N_("Work-related reason in words"),
    "sick_note.message_to_nav": N_("Message to NAV"),
    "sick_note.message_to_employer": N_("Message to the employer"),
    "sick_note.answers": N_("NAV's questions"),
    "function": N_("Function and the job"),
    "screening": N_("Screening"),
    "referrals": N_("Referrals and support"),
    "plan": N_("Plan"),
    "activity_requirement": N_("The 8-week dialogue point"),
    "patient_part": N_("The patient's own part"),
}

_PERIOD_FIELDS: Final[dict[str, str]] = {
    "": N_("Period {number}"),
    "kind": N_("Kind of sick leave, period {number}"),
    "from": N_("First day, period {number}"),
    "to": N_("Last day, period {number}"),
    "grade": N_("Sick-leave percentage, period {number}"),
    "travel_grant": N_("Travel grant, period {number}"),
    "treatment_days": N_("Number of treatment days, period {number}"),
    "advice_to_employer": N_("Advice to the employer, period {number}"),
    "medical_reasons": N_("Medical reasons, period {number}"),
}

_PERIOD: Final = re.compile(r"^sick_note\.periods\[(\d+)\](?:\.(\w+))?")
_EARLIER: Final = re.compile(r"^earlier_sick_notes\[(\d+)\]")
_SECONDARY: Final = re.compile(r"^sick_note\.secondary_diagnoses\[(\d+)\]")
_ANSWER: Final = re.compile(r"^sick_note\.answers\.(\S+)$")
_DEMAND: Final = re.compile(r"^work\.demands\[(\d+)\]")
_INDEX: Final = re.compile(r"\[\d+\]$")


def _tr(lang: str | Translator) -> Translator:
    return lang if isinstance(lang, Translator) else translator(lang)


def field_label(path: str, lang: str | Translator) -> str:
    """The label of the case-file field ``path`` in ``lang`` (nb, nn, en), e.g. "Siste dag, periode 1"."""
    t = _tr(lang)
    m = _PERIOD.match(path)
    if m:
        msgid = _PERIOD_FIELDS.get(m.group(2) or "", _PERIOD_FIELDS[""])
        return t.gettext(msgid).format(number=int(m.group(1)) + 1)
    m = _EARLIER.match(path)
    if m:
        return t.gettext(N_("Earlier sick note {number}")).format(number=int(m.group(1)) + 1)
    m = _SECONDARY.match(path)
    if m:
        return t.gettext(N_("Secondary diagnosis {number}")).format(number=int(m.group(1)) + 1)
    m = _ANSWER.match(path)
    if m:
        return t.gettext(N_("NAV's question {id}")).format(id=m.group(1))
    m = _DEMAND.match(path)
    if m:
        return t.gettext(N_("The job's demand {number}")).format(number=int(m.group(1)) + 1)
    probe = path
    while probe:
        if probe in _PLAIN:
            return t.gettext(_PLAIN[probe])
        stripped = _INDEX.sub("", probe)
        if stripped != probe:
            probe = stripped
            continue
        if "." not in probe:
            break
        probe = probe.rsplit(".", 1)[0]
    return path
