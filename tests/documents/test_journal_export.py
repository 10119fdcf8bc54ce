"""journal.txt (for the patient record) and case-export.json (NAV's vocabulary), exact values."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from gp_tool.documents import OpenFinding, build_nav_note, case_export, journal_text
from gp_tool.domain.case import (
    AnnenFravarsgrunn,
    ArbeidsrelatertArsak,
    Backdating,
    Case,
    Diagnosis,
    DiagnosisSystem,
    EarlierSickNote,
    MedisinskArsak,
    Period,
    PeriodKind,
)
from tests.documents.helpers import context, simple_case

D = dt.date


def full_case() -> Case:
    full = Period(
        kind=PeriodKind.AKTIVITET_IKKE_MULIG,
        from_=D(2026, 11, 20),
        to=D(2026, 11, 30),
        medical_reasons=[MedisinskArsak.TILSTAND_HINDRER_AKTIVITET],
    )
    graded = Period(
        kind=PeriodKind.GRADERT, from_=D(2026, 12, 1), to=D(2026, 12, 14), grade=40, travel_grant=True
    )
    earlier = EarlierSickNote(
        signed=D(2026, 10, 1),
        main_diagnosis=Diagnosis(system=DiagnosisSystem.ICPC2, code="L03"),
        periods=[Period(kind=PeriodKind.AKTIVITET_IKKE_MULIG, from_=D(2026, 10, 1), to=D(2026, 11, 19))],
    )
    case = simple_case(
        main_diagnosis=Diagnosis(system=DiagnosisSystem.ICPC2, code="L03"),
        secondary_diagnoses=[Diagnosis(system=DiagnosisSystem.ICD10, code="M545")],
        periods=[full, graded],
        message_to_employer="Kan gjøre\nlett arbeid.",
        message_to_nav="Ønsker dialogmøte 2 tidlig.",
        answers={"6.3.2": "Smerter ved løft.", "6.5.3": "gradvisBedring"},
        work_related_reasons=[ArbeidsrelatertArsak.MANGLENDE_TILRETTELEGGING],
        work_related_reason_text="Ingen lette oppgaver.",
        backdating=Backdating(contact_date=D(2026, 11, 18), justification="Ventetid på legetime"),
    )
    work = case.work.model_copy(update={"demands": ["Tunge løft", "Skiftarbeid"]})
    return case.model_copy(update={"earlier_sick_notes": [earlier], "work": work})


FINDING = (OpenFinding("GRADERT_X", "WARN", "Sjekk graden"),)


def journal(case: Case, lang: str) -> str:
    ctx = context(case, lang, findings=FINDING, questions_due=("6.3.1",))
    return journal_text(case, build_nav_note(case, ctx), ctx)


def test_journal_text_in_bokmal() -> None:
    assert journal(full_case(), "nb") == (
        "Sykmelding signert 20.11.2026: 100 % sykmelding (aktivitet ikke mulig) 20.11.2026–30.11.2026 (11 dager); "
        "Gradert sykmelding 40 % 01.12.2026–14.12.2026 (14 dager)\n"
        "Diagnoser: L03 Korsrygg symptomer/plager (ICPC-2); M54.5 Lumbago (ICD-10)\n"
        "Fravær: fra 01.10.2026, uke 8, dag 51, aktivitetskrav 25.11.2026, maksdato 29.09.2027\n"
        "Tidligere sykmeldinger: 01.10.2026–19.11.2026 100 %\n"
        "Medisinsk årsak: Helsetilstanden hindrer pasienten i å være i aktivitet\n"
        "Arbeidsrelatert årsak: Tilrettelegging er ikke mulig; Ingen lette oppgaver.\n"
        "Melding til arbeidsgiver: Kan gjøre lett arbeid.\n"
        "Melding til NAV: Ønsker dialogmøte 2 tidlig.\n"
        "Svar på NAVs spørsmål: 6.3.1: ikke besvart / 6.3.2: Smerter ved løft. / "
        "6.5.3: Gradvis bedring – omfang usikkert\n"
        "Tilbakedatering: første kontakt 18.11.2026. Ventetid på legetime\n"
        "Krav i jobben: Tunge løft; Skiftarbeid\n"
        "Åpne funn: Advarsel: Sjekk graden (GRADERT_X)\n"
    )


def test_journal_text_in_nynorsk_and_english() -> None:
    nn = journal(full_case(), "nn").splitlines()
    assert nn[0].startswith("Sjukmelding signert 20.11.2026: 100 % sjukmelding (aktivitet ikkje mogleg)")
    assert nn[2] == "Fråvær: frå 01.10.2026, veke 8, dag 51, aktivitetskrav 25.11.2026, maksdato 29.09.2027"
    assert nn[8] == (
        "Svar på spørsmåla frå NAV: 6.3.1: ikkje svart på / 6.3.2: Smerter ved løft. / "
        "6.5.3: Gradvis betring – omfanget er usikkert"
    )
    en = journal(full_case(), "en").splitlines()
    assert en[0] == (
        "Sick note signed 20/11/2026: Full sick leave (no activity possible) 20/11/2026–30/11/2026 (11 days); "
        "Graded sick leave 40% 01/12/2026–14/12/2026 (14 days)"
    )
    assert en[-1] == "Findings still open: Warning: Sjekk graden (GRADERT_X)"


def test_journal_text_skips_empty_lines_and_counts_one_day() -> None:
    case = simple_case(
        periods=[
            Period(
                kind=PeriodKind.BEHANDLINGSDAGER, from_=D(2026, 11, 20), to=D(2026, 11, 20), treatment_days=1
            )
        ]
    )
    ctx = context(case, "nb")
    assert journal_text(case, build_nav_note(case, ctx), ctx) == (
        "Sykmelding signert 20.11.2026: Behandlingsdager (1) 20.11.2026–20.11.2026 (1 dag)\n"
        "Fravær: fra 01.10.2026, uke 8, dag 51, aktivitetskrav 25.11.2026, maksdato 29.09.2027\n"
    )


def test_case_export_uses_navs_vocabulary() -> None:
    data = case_export(full_case(), context(full_case()))
    assert json.loads(json.dumps(data)) == data  # JSON-ready
    assert data["format"] == "gp-tool/nav-export"
    assert data["syketilfelleStartDato"] == "2026-10-01"
    assert data["pasient"] == {"navn": "Ola Nordmann", "fodselsnummer": None, "fodselsdato": "1980-01-02"}
    assert data["arbeidsgiver"] == {
        "harArbeidsgiver": "EN_ARBEIDSGIVER",
        "navn": "Byggmester AS",
        "yrkesbetegnelse": "Tømrer",
        "stillingsprosent": 100,
    }
    note = data["sykmelding"]
    assert note["medisinskVurdering"] == {
        "hovedDiagnose": {
            "system": "2.16.578.1.12.4.1.1.7170",
            "systemNavn": "ICPC-2",
            "kode": "L03",
            "tekst": "Korsrygg symptomer/plager",
        },
        "biDiagnoser": [
            {"system": "2.16.578.1.12.4.1.1.7110", "systemNavn": "ICD-10", "kode": "M545", "tekst": "Lumbago"}
        ],
        "annenFraversArsak": None,
    }
    assert note["perioder"] == [
        {
            "fom": "2026-11-20",
            "tom": "2026-11-30",
            "aktivitetIkkeMulig": {
                "medisinskArsak": {"arsak": ["TILSTAND_HINDRER_AKTIVITET"], "beskrivelse": None},
                "arbeidsrelatertArsak": {
                    "arsak": ["MANGLENDE_TILRETTELEGGING"],
                    "beskrivelse": "Ingen lette oppgaver.",
                },
            },
        },
        {"fom": "2026-12-01", "tom": "2026-12-14", "gradert": {"grad": 40, "reisetilskudd": True}},
    ]
    assert note["kontaktMedPasient"] == {
        "kontaktDato": "2026-11-18",
        "begrunnelseIkkeKontakt": "Ventetid på legetime",
    }
    assert note["meldingTilNAV"] == {
        "bistandUmiddelbart": False,
        "beskrivBistand": "Ønsker dialogmøte 2 tidlig.",
    }
    assert note["meldingTilArbeidsgiver"] == "Kan gjøre\nlett arbeid."
    assert note["utdypendeOpplysninger"]["6.3"]["6.3.2"] == {
        "sporsmal": "Hva er den viktigste medisinske grunnen til at pasienten ikke kan være i arbeidsrelatert aktivitet "
        "eller gradert  arbeid nå?".replace("  ", " "),
        "svar": "Smerter ved løft.",
        "restriksjoner": ["SKJERMET_FOR_ARBEIDSGIVER"],
    }
    (earlier,) = data["tidligereSykmeldinger"]
    assert earlier["perioder"] == [
        {
            "fom": "2026-10-01",
            "tom": "2026-11-19",
            "aktivitetIkkeMulig": {"medisinskArsak": None, "arbeidsrelatertArsak": None},
        }
    ]


@pytest.mark.parametrize(
    ("kind", "extra", "expected"),
    [
        (
            PeriodKind.AVVENTENDE,
            {"advice_to_employer": "Lette oppgaver"},
            {"avventendeInnspillTilArbeidsgiver": "Lette oppgaver"},
        ),
        (PeriodKind.BEHANDLINGSDAGER, {"treatment_days": 2}, {"behandlingsdager": 2}),
        (PeriodKind.REISETILSKUDD, {}, {"reisetilskudd": True}),
    ],
)
def test_case_export_period_kinds(
    kind: PeriodKind, extra: dict[str, object], expected: dict[str, object]
) -> None:
    period = Period(kind=kind, from_=D(2026, 11, 20), to=D(2026, 11, 30), **extra)  # type: ignore[arg-type]
    case = simple_case(periods=[period])
    assert case_export(case, context(case))["sykmelding"]["perioder"] == [
        {"fom": "2026-11-20", "tom": "2026-11-30", **expected}
    ]


def test_case_export_other_absence_reason_by_navs_name() -> None:
    reason: AnnenFravarsgrunn = "6"
    case = simple_case(other_absence_reason=reason)
    vurdering = case_export(case, context(case))["sykmelding"]["medisinskVurdering"]
    assert vurdering["annenFraversArsak"] == {"grunn": ["SMITTEFARE"], "beskrivelse": None}
    assert vurdering["hovedDiagnose"] is None
