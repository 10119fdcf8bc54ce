"""``case-export.json``: the case in NAV's own vocabulary, for a NAV doctor or an EPJ integration.

Names are those of NAV's legacy sykmelding model (domain brief §2.1; syfosm-common ``Sykmelding.kt``),
which every NAV system and EPJ vendor knows, so a NAV doctor reads the export without a glossary.

Mapping from the case file (contracts §2) — one row per case field:

============================================  ==============================================================
case file                                     export
============================================  ==============================================================
``patient.name``                              ``pasient.navn``
``patient.national_id``                       ``pasient.fodselsnummer`` (``null`` when empty)
``patient.birth_date``                        ``pasient.fodselsdato``
``sykmelder.name`` / ``hpr`` / ``category``   ``behandler.navn`` / ``hpr`` / ``helsepersonellkategori``
``work.employer``                             ``arbeidsgiver.navn``; ``harArbeidsgiver`` = ``EN_ARBEIDSGIVER``
                                              when named, else ``INGEN_ARBEIDSGIVER``
``work.occupation``                           ``arbeidsgiver.yrkesbetegnelse``
``work.position_percent``                     ``arbeidsgiver.stillingsprosent``
``case_start`` (or the caller's case start)   ``syketilfelleStartDato``
``sick_note.signed``                          ``sykmelding.behandletTidspunkt`` and ``signaturDato`` (dates)
``main_diagnosis``                            ``medisinskVurdering.hovedDiagnose`` {``system`` (OID),
                                              ``kode``, ``tekst``}
``secondary_diagnoses``                       ``medisinskVurdering.biDiagnoser``
``other_absence_reason``                      ``medisinskVurdering.annenFraversArsak.grunn`` (NAV's name,
                                              e.g. ``SMITTEFARE``)
``periods[]`` ``from`` / ``to``               ``perioder[].fom`` / ``tom``
kind ``AKTIVITET_IKKE_MULIG``                 ``aktivitetIkkeMulig`` {``medisinskArsak.arsak`` ←
                                              ``medical_reasons``; ``arbeidsrelatertArsak.arsak`` ←
                                              ``work_related_reasons``, ``.beskrivelse`` ←
                                              ``work_related_reason_text``}
kind ``GRADERT``                              ``gradert`` {``grad`` ← ``grade``, ``reisetilskudd`` ←
                                              ``travel_grant``}
kind ``AVVENTENDE``                           ``avventendeInnspillTilArbeidsgiver`` ← ``advice_to_employer``
kind ``BEHANDLINGSDAGER``                     ``behandlingsdager`` ← ``treatment_days``
kind ``REISETILSKUDD``                        ``reisetilskudd`` = true
``backdating``                                ``kontaktMedPasient`` {``kontaktDato``, ``begrunnelseIkkeKontakt``}
``message_to_nav``                            ``meldingTilNAV`` {``bistandUmiddelbart`` = false,
                                              ``beskrivBistand``} (as syk-inn sends it), or ``null``
``message_to_employer``                       ``meldingTilArbeidsgiver`` (``null`` when empty)
``answers``                                   ``utdypendeOpplysninger`` {group id → {question id →
                                              {``sporsmal``, ``svar``, ``restriksjoner``:
                                              [``SKJERMET_FOR_ARBEIDSGIVER``]}}}
``earlier_sick_notes[]``                      ``tidligereSykmeldinger[]`` (same shape as ``sykmelding``)
``plan.measures_from_nav``                    ``sykmelding.tiltakNAV`` (legacy; ``null`` when empty)
``plan.expected_return`` / ``reassess_on``    ``sykmelding.prognose.erIArbeid.arbeidFOM`` / ``.vurderingsdato``
                                              (``erIkkeIArbeid.arbeidsforFOM`` / ``.vurderingsdato`` without
                                              an employer); ``prognose`` is ``null`` without a plan
============================================  ==============================================================

The work-focused parts NAV's sykmelding has no field for go under ``arbeidsfokus`` in the case file's
own names (contracts §2), with what the tool computed from them: ``function`` (+ ``gaps``: domain and
level), ``screening`` (the latest score per instrument, ``Score.to_json``), ``referrals`` (+ the
option's ``name``), ``plan``, ``guidance`` (key and days, when the main diagnosis has guidance),
``activity_requirement`` and ``patient_part`` — the last **only with the patient's consent to NAV**
(``patient_part.consent_to_nav``), as in the NAV note. Parts the case does not have are ``null`` or
``[]``.

``arbeidsrelatertArsak`` exists only inside ``aktivitetIkkeMulig`` in NAV's model; with no such
period the work-related reasons have no place there and are not exported (the rules flag that case).
The job demands and the patient's own view (``work.demands``, ``work.patient_view``) stay in the tool
and the journal and are not exported.

In course mode (``NoteContext.course``: a fictional training case, issue 9) the export has the added
top-level key ``"course": true``, so no system takes a course case for a real patient; outside course
mode the key is absent and the export is unchanged.
"""

from __future__ import annotations

from typing import Any, Final

from gp_tool.codes import kodeverk
from gp_tool.documents.context import NoteContext
from gp_tool.documents.models import NavNote, build_nav_note, diagnosis_line, question_text_nb
from gp_tool.domain.case import (
    Case,
    Diagnosis,
    DiagnosisSystem,
    EarlierSickNote,
    Period,
    PeriodKind,
    SickNote,
)

__all__ = ["EXPORT_FORMAT", "EXPORT_VERSION", "case_export"]

EXPORT_FORMAT: Final = "gp-tool/nav-export"
EXPORT_VERSION: Final = 1

#: Code system OIDs NAV uses for diagnoses (domain brief §2.1).
SYSTEM_OIDS: Final = {
    DiagnosisSystem.ICPC2: "2.16.578.1.12.4.1.1.7170",
    DiagnosisSystem.ICPC2B: "2.16.578.1.12.4.1.1.7171",
    DiagnosisSystem.ICD10: "2.16.578.1.12.4.1.1.7110",
}


def _diagnose(d: Diagnosis) -> dict[str, Any]:
    line = diagnosis_line(d, main=False)
    return {
        "system": SYSTEM_OIDS[d.system],
        "systemNavn": d.system.value,
        "kode": line.code,
        "tekst": line.text or None,
    }


def _annen_fraversgrunn_name(code: str) -> str | None:
    for entry in kodeverk()["lists"]["annen_fravarsgrunn"]["codes"]:
        if entry["code"] == code:
            return str(entry["name"])
    return None


def _periode(p: Period, *, reasons: list[str], reason_text: str) -> dict[str, Any]:
    out: dict[str, Any] = {"fom": p.from_.isoformat(), "tom": p.to.isoformat()}
    if p.kind is PeriodKind.AKTIVITET_IKKE_MULIG:
        medical = [r.value for r in p.medical_reasons or []]
        out["aktivitetIkkeMulig"] = {
            "medisinskArsak": {"arsak": medical, "beskrivelse": None} if medical else None,
            "arbeidsrelatertArsak": {"arsak": reasons, "beskrivelse": reason_text or None}
            if reasons or reason_text
            else None,
        }
    elif p.kind is PeriodKind.GRADERT:
        out["gradert"] = {"grad": p.grade, "reisetilskudd": bool(p.travel_grant)}
    elif p.kind is PeriodKind.AVVENTENDE:
        out["avventendeInnspillTilArbeidsgiver"] = p.advice_to_employer or ""
    elif p.kind is PeriodKind.BEHANDLINGSDAGER:
        out["behandlingsdager"] = p.treatment_days
    else:
        out["reisetilskudd"] = True
    return out


def _sykmelding(note: SickNote | EarlierSickNote) -> dict[str, Any]:
    reasons = [r.value for r in note.work_related_reasons]
    reason_text = note.work_related_reason_text
    annen = note.other_absence_reason
    groups: dict[str, dict[str, Any]] = {}
    for qid in sorted(note.answers, key=lambda q: [int(x) if x.isdigit() else 10**6 for x in q.split(".")]):
        group = qid.rsplit(".", 1)[0]
        groups.setdefault(group, {})[qid] = {
            "sporsmal": question_text_nb(qid) or None,
            "svar": note.answers[qid],
            "restriksjoner": ["SKJERMET_FOR_ARBEIDSGIVER"],
        }
    backdating = note.backdating
    message_to_nav = note.message_to_nav
    message_to_employer = note.message_to_employer
    return {
        "behandletTidspunkt": note.signed.isoformat(),
        "signaturDato": note.signed.isoformat(),
        "medisinskVurdering": {
            "hovedDiagnose": _diagnose(note.main_diagnosis) if note.main_diagnosis is not None else None,
            "biDiagnoser": [_diagnose(d) for d in note.secondary_diagnoses],
            "annenFraversArsak": {"grunn": [_annen_fraversgrunn_name(annen) or annen], "beskrivelse": None}
            if annen is not None
            else None,
        },
        "perioder": [_periode(p, reasons=reasons, reason_text=reason_text) for p in note.periods],
        "kontaktMedPasient": {
            "kontaktDato": backdating.contact_date.isoformat(),
            "begrunnelseIkkeKontakt": backdating.justification or None,
        }
        if backdating is not None
        else None,
        "meldingTilNAV": {"bistandUmiddelbart": False, "beskrivBistand": message_to_nav}
        if message_to_nav.strip()
        else None,
        "meldingTilArbeidsgiver": message_to_employer or None,
        "utdypendeOpplysninger": groups,
    }


def _prognose(case: Case) -> dict[str, Any] | None:
    plan = case.plan
    if plan is None:
        return None
    arbeid_fom = plan.expected_return.isoformat() if plan.expected_return else None
    vurdering = plan.reassess_on.isoformat() if plan.reassess_on else None
    if case.work.employer:
        i_arbeid: dict[str, Any] = {
            "egetArbeidPaSikt": None,
            "annetArbeidPaSikt": None,
            "arbeidFOM": arbeid_fom,
            "vurderingsdato": vurdering,
        }
        return {
            "arbeidsforEtterPeriode": None,
            "hensynArbeidsplassen": None,
            "erIArbeid": i_arbeid,
            "erIkkeIArbeid": None,
        }
    return {
        "arbeidsforEtterPeriode": None,
        "hensynArbeidsplassen": None,
        "erIArbeid": None,
        "erIkkeIArbeid": {"arbeidsforPaSikt": None, "arbeidsforFOM": arbeid_fom, "vurderingsdato": vurdering},
    }


def _arbeidsfokus(case: Case, nav: NavNote, lang: str) -> dict[str, Any]:
    """The work-focused parts in the case file's names, filtered as the NAV note filters them."""
    function = None
    if case.function is not None:
        function = case.function.model_dump(mode="json")
        function["gaps"] = [
            {"domain": line.domain.value, "level": line.level}
            for line in (nav.function.gaps if nav.function is not None else ())
        ]
    referrals = []
    for line in nav.referrals:
        entry = line.record.model_dump(mode="json")
        entry["name"] = line.name(lang)
        referrals.append(entry)
    guidance = None
    if nav.deviation is not None and nav.deviation.guidance is not None:
        guidance = {
            "key": nav.deviation.guidance.key,
            "fullLeaveDays": nav.deviation.guidance.full_leave_days,
            "fullLeaveDaysInCase": nav.deviation.full_leave_days,
            "url": nav.deviation.guidance.url,
            "source": nav.deviation.guidance.source,
        }
    return {
        "function": function,
        "screening": [
            {**line.score.to_json(lang), "comment": line.comment or None} for line in nav.screening
        ],
        "referrals": referrals,
        "plan": None if case.plan is None else case.plan.model_dump(mode="json"),
        "guidance": guidance,
        "activity_requirement": None
        if case.activity_requirement is None
        else case.activity_requirement.model_dump(mode="json"),
        # only with the patient's consent (build_nav_note leaves it out otherwise)
        "patient_part": None if nav.patient_part is None else nav.patient_part.model_dump(mode="json"),
    }


def case_export(case: Case, ctx: NoteContext, *, nav_note: NavNote | None = None) -> dict[str, Any]:
    """The case as a JSON-ready dict in NAV's vocabulary (see the module docstring for the mapping).

    ``nav_note`` is the case's NAV note when the caller has built it already (``write_notes``); the
    ``arbeidsfokus`` part is taken from it, so the export holds exactly what the NAV note holds.
    """
    start = ctx.case_start or case.case_start
    sykmelding = _sykmelding(case.sick_note)
    plan = case.plan
    sykmelding["tiltakNAV"] = (
        plan.measures_from_nav if plan is not None and plan.measures_from_nav.strip() else None
    )
    sykmelding["prognose"] = _prognose(case)
    course: dict[str, Any] = {"course": True} if ctx.course else {}
    if ctx.draft:
        course["draft"] = True
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        **course,
        "eksportert": ctx.today.isoformat(),
        "pasient": {
            "navn": case.patient.name,
            "fodselsnummer": case.patient.national_id or None,
            "fodselsdato": case.patient.birth_date.isoformat() if case.patient.birth_date else None,
        },
        "behandler": {
            "navn": case.sykmelder.name,
            "hpr": case.sykmelder.hpr or None,
            "helsepersonellkategori": case.sykmelder.category.value,
        },
        "arbeidsgiver": {
            "harArbeidsgiver": "EN_ARBEIDSGIVER" if case.work.employer else "INGEN_ARBEIDSGIVER",
            "navn": case.work.employer or None,
            "yrkesbetegnelse": case.work.occupation or None,
            "stillingsprosent": case.work.position_percent,
        },
        "syketilfelleStartDato": start.isoformat() if start else None,
        "maksdato": ctx.max_date.isoformat() if ctx.max_date else None,
        "sykmelding": sykmelding,
        "tidligereSykmeldinger": [
            _sykmelding(e) for e in sorted(case.earlier_sick_notes, key=lambda e: e.signed)
        ],
        "arbeidsfokus": _arbeidsfokus(
            case, nav_note if nav_note is not None else build_nav_note(case, ctx), ctx.lang
        ),
    }
