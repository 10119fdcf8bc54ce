"""NAV's receiving rules, trees 1-6 (domain brief §3.2.2-§3.2.7), as scenario tables a GP can read.

Each row: what the sick note looks like -> which findings the tool must show and what NAV would
decide. Every rule is tested on the day before, on and after its boundary. The case starts on
Tuesday 2026-09-01 unless a row says otherwise; graded sick leave is used where a long 100 % note
would bring in the 8-week activity requirement, which has its own table.
"""

from __future__ import annotations

import pytest

from tests.rules.builders import (
    Scenario,
    awaiting,
    fnr,
    full,
    graded,
    make_case,
    note,
    period,
    rows,
    treatment,
)

PATIENT_ID = fnr("050585123")
OTHER_ID = fnr("010170999")

STRUCTURE = [
    Scenario(
        "GP writes a sick note for themself -> both NAV self-certification rules, INVALID",
        "AVSENDER_FNR_ER_SAMME_SOM_PASIENT_FNR",
        make_case(
            note(full("2026-09-01", "2026-09-07")),
            patient={"national_id": PATIENT_ID},
            sykmelder={"name": "Lege", "category": "LE", "national_id": PATIENT_ID},
        ),
        ("AVSENDER_FNR_ER_SAMME_SOM_PASIENT_FNR", "BEHANDLER_FNR_ER_SAMME_SOM_PASIENT_FNR"),
        "INVALID",
    ),
    Scenario(
        "certifying practitioner is the patient -> BEHANDLER_FNR_ER_SAMME_SOM_PASIENT_FNR (and the sender rule), INVALID",
        "BEHANDLER_FNR_ER_SAMME_SOM_PASIENT_FNR",
        make_case(
            note(graded("2026-09-01", "2026-09-14")),
            patient={"national_id": PATIENT_ID},
            sykmelder={"name": "Lege", "category": "LE", "national_id": PATIENT_ID},
        ),
        ("AVSENDER_FNR_ER_SAMME_SOM_PASIENT_FNR", "BEHANDLER_FNR_ER_SAMME_SOM_PASIENT_FNR"),
        "INVALID",
    ),
    Scenario(
        "GP and patient are different people -> no finding",
        "AVSENDER_FNR_ER_SAMME_SOM_PASIENT_FNR",
        make_case(
            note(full("2026-09-01", "2026-09-07")),
            patient={"national_id": PATIENT_ID},
            sykmelder={"name": "Lege", "category": "LE", "national_id": OTHER_ID},
        ),
    ),
    Scenario(
        "GP's own national id not given -> cannot compare, no finding",
        "BEHANDLER_FNR_ER_SAMME_SOM_PASIENT_FNR",
        make_case(note(full("2026-09-01", "2026-09-07")), patient={"national_id": PATIENT_ID}),
    ),
]

PERIODS = [
    Scenario(
        "period 10 Sep to 9 Sep (ends before it starts) -> FRADATO_ETTER_TILDATO, INVALID",
        "FRADATO_ETTER_TILDATO",
        make_case(note(full("2026-09-10", "2026-09-09"))),
        ("FRADATO_ETTER_TILDATO",),
        "INVALID",
    ),
    Scenario(
        "one-day period 10 Sep to 10 Sep -> no finding",
        "FRADATO_ETTER_TILDATO",
        make_case(note(full("2026-09-10", "2026-09-10"))),
    ),
    Scenario(
        "second period starts on the last day of the first -> OVERLAPPENDE_PERIODER, INVALID",
        "OVERLAPPENDE_PERIODER",
        make_case(note(full("2026-09-01", "2026-09-10"), graded("2026-09-10", "2026-09-20"))),
        ("OVERLAPPENDE_PERIODER",),
        "INVALID",
    ),
    Scenario(
        "second period starts the day after the first ends -> no finding",
        "OVERLAPPENDE_PERIODER",
        make_case(note(full("2026-09-01", "2026-09-10"), graded("2026-09-11", "2026-09-20"))),
    ),
    Scenario(
        "the same period twice -> accepted (NAV compares periods by value)",
        "OVERLAPPENDE_PERIODER",
        make_case(note(full("2026-09-01", "2026-09-10"), full("2026-09-01", "2026-09-10"))),
    ),
    Scenario(
        "Friday to Tuesday leaves Monday out -> OPPHOLD_MELLOM_PERIODER, INVALID",
        "OPPHOLD_MELLOM_PERIODER",
        make_case(note(full("2026-09-01", "2026-09-04"), graded("2026-09-08", "2026-09-18"))),
        ("OPPHOLD_MELLOM_PERIODER",),
        "INVALID",
    ),
    Scenario(
        "Friday to Monday (only a weekend between) -> no finding",
        "OPPHOLD_MELLOM_PERIODER",
        make_case(note(full("2026-09-01", "2026-09-04"), graded("2026-09-07", "2026-09-18"))),
    ),
    Scenario(
        "graded period without a percentage -> IKKE_DEFINERT_PERIODE, INVALID",
        "IKKE_DEFINERT_PERIODE",
        make_case(note(graded("2026-09-01", "2026-09-14", grade=None))),
        ("IKKE_DEFINERT_PERIODE",),
        "INVALID",
    ),
    Scenario(
        "treatment days without a number -> IKKE_DEFINERT_PERIODE (INVALID) and manual processing",
        "IKKE_DEFINERT_PERIODE",
        make_case(note(treatment("2026-09-01", "2026-09-14", days=None))),
        ("IKKE_DEFINERT_PERIODE", "SYKMELDING_MED_BEHANDLINGSDAGER"),
        "INVALID",
    ),
    Scenario(
        "graded 50 % with its percentage -> no finding",
        "IKKE_DEFINERT_PERIODE",
        make_case(note(graded("2026-09-01", "2026-09-14", grade=50))),
    ),
    Scenario(
        "signed 3 Sep, NAV receives it 1 Sep (two days before) -> BEHANDLINGSDATO_ETTER_MOTTATTDATO, INVALID",
        "BEHANDLINGSDATO_ETTER_MOTTATTDATO",
        make_case(note(full("2026-09-03", "2026-09-10"))),
        ("BEHANDLINGSDATO_ETTER_MOTTATTDATO",),
        "INVALID",
        today="2026-09-01",
    ),
    Scenario(
        "signed 1 Sep, received the same day -> no finding",
        "BEHANDLINGSDATO_ETTER_MOTTATTDATO",
        make_case(note(full("2026-09-01", "2026-09-10"))),
        today="2026-09-01",
    ),
    Scenario(
        "signed 2 Sep, received 1 Sep (one day before) -> no finding",
        "BEHANDLINGSDATO_ETTER_MOTTATTDATO",
        make_case(note(full("2026-09-02", "2026-09-10"))),
        today="2026-09-01",
    ),
    Scenario(
        "awaiting period plus a 100 % period -> AVVENTENDE_SYKMELDING_KOMBINERT, INVALID",
        "AVVENTENDE_SYKMELDING_KOMBINERT",
        make_case(note(awaiting("2026-09-01", "2026-09-05"), full("2026-09-06", "2026-09-10"))),
        ("AVVENTENDE_SYKMELDING_KOMBINERT",),
        "INVALID",
    ),
    Scenario(
        "awaiting period alone -> no finding",
        "AVVENTENDE_SYKMELDING_KOMBINERT",
        make_case(note(awaiting("2026-09-01", "2026-09-05"))),
    ),
    Scenario(
        "awaiting period with blank advice to the employer -> MANGLENDE_INNSPILL_TIL_ARBEIDSGIVER, INVALID",
        "MANGLENDE_INNSPILL_TIL_ARBEIDSGIVER",
        make_case(note(awaiting("2026-09-01", "2026-09-05", advice="   "))),
        ("MANGLENDE_INNSPILL_TIL_ARBEIDSGIVER",),
        "INVALID",
    ),
    Scenario(
        "awaiting period with advice -> no finding",
        "MANGLENDE_INNSPILL_TIL_ARBEIDSGIVER",
        make_case(note(awaiting("2026-09-01", "2026-09-05", advice="Lette oppgaver"))),
    ),
    Scenario(
        "awaiting 1-16 Sep (16 days, brief §7) -> no finding",
        "AVVENTENDE_SYKMELDING_OVER_16_DAGER",
        make_case(note(awaiting("2026-09-01", "2026-09-16"))),
    ),
    Scenario(
        "awaiting 1-17 Sep (17 days) -> NAV accepts; the tool's stricter legal check stops it",
        "AVVENTENDE_SYKMELDING_OVER_16_DAGER",
        make_case(note(awaiting("2026-09-01", "2026-09-17"))),
        ("AVVENTENDE_UTOVER_ARBEIDSGIVERPERIODEN",),
    ),
    Scenario(
        "awaiting 1-18 Sep (18 days, brief §7) -> AVVENTENDE_SYKMELDING_OVER_16_DAGER, INVALID",
        "AVVENTENDE_SYKMELDING_OVER_16_DAGER",
        make_case(note(awaiting("2026-09-01", "2026-09-18"))),
        ("AVVENTENDE_SYKMELDING_OVER_16_DAGER", "AVVENTENDE_UTOVER_ARBEIDSGIVERPERIODEN"),
        "INVALID",
    ),
    Scenario(
        "1 treatment day in 7 days (1 started week) -> manual processing only",
        "FOR_MANGE_BEHANDLINGSDAGER_PER_UKE",
        make_case(note(treatment("2026-09-01", "2026-09-07", days=1))),
        ("SYKMELDING_MED_BEHANDLINGSDAGER",),
        "MANUAL_PROCESSING",
    ),
    Scenario(
        "2 treatment days in 7 days (1 started week) -> FOR_MANGE_BEHANDLINGSDAGER_PER_UKE, INVALID",
        "FOR_MANGE_BEHANDLINGSDAGER_PER_UKE",
        make_case(note(treatment("2026-09-01", "2026-09-07", days=2))),
        ("FOR_MANGE_BEHANDLINGSDAGER_PER_UKE", "SYKMELDING_MED_BEHANDLINGSDAGER"),
        "INVALID",
    ),
    Scenario(
        "2 treatment days in 8 days (2 started weeks) -> manual processing only",
        "FOR_MANGE_BEHANDLINGSDAGER_PER_UKE",
        make_case(note(treatment("2026-09-01", "2026-09-08", days=2))),
        ("SYKMELDING_MED_BEHANDLINGSDAGER",),
        "MANUAL_PROCESSING",
    ),
    Scenario(
        "graded 100 % (brief §7) -> GRADERT_SYKMELDING_OVER_99_PROSENT, INVALID",
        "GRADERT_SYKMELDING_OVER_99_PROSENT",
        make_case(note(graded("2026-09-01", "2026-09-14", grade=100))),
        ("GRADERT_SYKMELDING_OVER_99_PROSENT",),
        "INVALID",
    ),
    Scenario(
        "graded 99 % -> no finding",
        "GRADERT_SYKMELDING_OVER_99_PROSENT",
        make_case(note(graded("2026-09-01", "2026-09-14", grade=99))),
    ),
    Scenario(
        "graded 0 % (brief §7) -> GRADERT_SYKMELDING_0_PROSENT, INVALID",
        "GRADERT_SYKMELDING_0_PROSENT",
        make_case(note(graded("2026-09-01", "2026-09-14", grade=0))),
        ("GRADERT_SYKMELDING_0_PROSENT",),
        "INVALID",
    ),
    Scenario(
        "graded 20 % -> no finding",
        "GRADERT_SYKMELDING_0_PROSENT",
        make_case(note(graded("2026-09-01", "2026-09-14", grade=20))),
    ),
    Scenario(
        "treatment days -> SYKMELDING_MED_BEHANDLINGSDAGER, MANUAL_PROCESSING",
        "SYKMELDING_MED_BEHANDLINGSDAGER",
        make_case(note(treatment("2026-09-01", "2026-09-14", days=2))),
        ("SYKMELDING_MED_BEHANDLINGSDAGER",),
        "MANUAL_PROCESSING",
    ),
    Scenario(
        "travel grant only (reisetilskudd) -> no finding",
        "SYKMELDING_MED_BEHANDLINGSDAGER",
        make_case(note(period("REISETILSKUDD", "2026-09-17", "2026-09-30"))),
    ),
]

HPR = [
    Scenario(
        "manual therapist, graded note to 23 Nov (DAYS.between 83) -> no finding",
        "BEHANDLER_MT_FT_KI_OVER_12_UKER",
        make_case(note(graded("2026-09-01", "2026-11-23")), sykmelder={"category": "MT"}),
    ),
    Scenario(
        "manual therapist, graded note to 24 Nov = day 85 (DAYS.between 84) -> no finding",
        "BEHANDLER_MT_FT_KI_OVER_12_UKER",
        make_case(note(graded("2026-09-01", "2026-11-24")), sykmelder={"category": "MT"}),
    ),
    Scenario(
        "manual therapist, graded note to 25 Nov (DAYS.between 85) -> BEHANDLER_MT_FT_KI_OVER_12_UKER, INVALID",
        "BEHANDLER_MT_FT_KI_OVER_12_UKER",
        make_case(note(graded("2026-09-01", "2026-11-25")), sykmelder={"category": "MT"}),
        ("BEHANDLER_MT_FT_KI_OVER_12_UKER",),
        "INVALID",
    ),
    Scenario(
        "physiotherapist extends an absence from 1 Sep to 25 Nov -> INVALID (counted from NAV's case start)",
        "BEHANDLER_MT_FT_KI_OVER_12_UKER",
        make_case(
            note(graded("2026-11-01", "2026-11-25"), signed="2026-11-01"),
            note(graded("2026-09-01", "2026-10-31")),
            sykmelder={"category": "FT"},
        ),
        ("BEHANDLER_MT_FT_KI_OVER_12_UKER",),
        "INVALID",
    ),
    Scenario(
        "chiropractor, same absence to 24 Nov -> no finding",
        "BEHANDLER_MT_FT_KI_OVER_12_UKER",
        make_case(
            note(graded("2026-11-01", "2026-11-24"), signed="2026-11-01"),
            note(graded("2026-09-01", "2026-10-31")),
            sykmelder={"category": "KI"},
        ),
    ),
    Scenario(
        "regular GP (LE), same absence to 25 Nov -> no finding",
        "BEHANDLER_MT_FT_KI_OVER_12_UKER",
        make_case(note(graded("2026-09-01", "2026-11-25")), sykmelder={"category": "LE"}),
    ),
]

DIAGNOSIS = [
    Scenario(
        "no diagnosis and no other reason -> FRAVAERSGRUNN_MANGLER, INVALID",
        "FRAVAERSGRUNN_MANGLER",
        make_case(note(full("2026-09-01", "2026-09-07"), diagnosis=None)),
        ("FRAVAERSGRUNN_MANGLER",),
        "INVALID",
    ),
    Scenario(
        "no diagnosis, other legal reason 6 (infection risk) -> no finding",
        "FRAVAERSGRUNN_MANGLER",
        make_case(note(full("2026-09-01", "2026-09-07"), diagnosis=None, other_absence_reason="6")),
    ),
    Scenario(
        "ICPC-2 Q12 (no such code) -> UGYLDIG_KODEVERK_FOR_HOVEDDIAGNOSE, INVALID",
        "UGYLDIG_KODEVERK_FOR_HOVEDDIAGNOSE",
        make_case(note(full("2026-09-01", "2026-09-07"), diagnosis=("ICPC-2", "Q12"))),
        ("UGYLDIG_KODEVERK_FOR_HOVEDDIAGNOSE",),
        "INVALID",
    ),
    Scenario(
        "ICD-10 X999 (no such code) -> UGYLDIG_KODEVERK_FOR_HOVEDDIAGNOSE, INVALID",
        "UGYLDIG_KODEVERK_FOR_HOVEDDIAGNOSE",
        make_case(note(full("2026-09-01", "2026-09-07"), diagnosis=("ICD-10", "X999"))),
        ("UGYLDIG_KODEVERK_FOR_HOVEDDIAGNOSE",),
        "INVALID",
    ),
    Scenario(
        "ICPC-2B L03.9999 (no such term) -> UGYLDIG_KODEVERK_FOR_HOVEDDIAGNOSE, INVALID",
        "UGYLDIG_KODEVERK_FOR_HOVEDDIAGNOSE",
        make_case(note(full("2026-09-01", "2026-09-07"), diagnosis=("ICPC-2B", "L03.9999"))),
        ("UGYLDIG_KODEVERK_FOR_HOVEDDIAGNOSE",),
        "INVALID",
    ),
    Scenario(
        "ICPC-2B L03.0002, valid through its ICPC-2 parent L03 -> no finding",
        "UGYLDIG_KODEVERK_FOR_HOVEDDIAGNOSE",
        make_case(note(full("2026-09-01", "2026-09-07"), diagnosis=("ICPC-2B", "L03.0002"))),
    ),
    Scenario(
        "ICD-10 M54.5 written without the dot -> no finding",
        "UGYLDIG_KODEVERK_FOR_HOVEDDIAGNOSE",
        make_case(note(full("2026-09-01", "2026-09-07"), diagnosis=("ICD-10", "M545"))),
    ),
    Scenario(
        "ICPC-2 Z01 (social problem) -> ICPC_2_Z_DIAGNOSE, INVALID",
        "ICPC_2_Z_DIAGNOSE",
        make_case(note(full("2026-09-01", "2026-09-07"), diagnosis=("ICPC-2", "Z01"))),
        ("ICPC_2_Z_DIAGNOSE",),
        "INVALID",
    ),
    Scenario(
        "ICPC-2B Z01.0001 -> ICPC_2_Z_DIAGNOSE, INVALID",
        "ICPC_2_Z_DIAGNOSE",
        make_case(note(full("2026-09-01", "2026-09-07"), diagnosis=("ICPC-2B", "Z01.0001"))),
        ("ICPC_2_Z_DIAGNOSE",),
        "INVALID",
    ),
    Scenario(
        "ICD-10 Z73.0 (the Z rule is for ICPC only) -> no finding",
        "ICPC_2_Z_DIAGNOSE",
        make_case(note(full("2026-09-01", "2026-09-07"), diagnosis=("ICD-10", "Z730"))),
    ),
    Scenario(
        "ICPC-2 A97 (no disease) -> ICPC_2_A97, INVALID",
        "ICPC_2_A97",
        make_case(note(full("2026-09-01", "2026-09-07"), diagnosis=("ICPC-2", "A97"))),
        ("ICPC_2_A97",),
        "INVALID",
    ),
    Scenario(
        "ICPC-2B A97.0001 -> ICPC_2_A97, INVALID",
        "ICPC_2_A97",
        make_case(note(full("2026-09-01", "2026-09-07"), diagnosis=("ICPC-2B", "A97.0001"))),
        ("ICPC_2_A97",),
        "INVALID",
    ),
    Scenario(
        "ICPC-2 L03 (low back pain) -> no finding",
        "ICPC_2_A97",
        make_case(note(full("2026-09-01", "2026-09-07"), diagnosis=("ICPC-2", "L03"))),
    ),
    Scenario(
        "secondary diagnosis ICD-10 M5451 (no such code) -> UGYLDIG_KODEVERK_FOR_BIDIAGNOSE, INVALID",
        "UGYLDIG_KODEVERK_FOR_BIDIAGNOSE",
        make_case(
            note(
                full("2026-09-01", "2026-09-07"), secondary_diagnoses=[{"system": "ICD-10", "code": "M5451"}]
            )
        ),
        ("UGYLDIG_KODEVERK_FOR_BIDIAGNOSE",),
        "INVALID",
    ),
    Scenario(
        "secondary diagnosis ICPC-2 P76 -> no finding",
        "UGYLDIG_KODEVERK_FOR_BIDIAGNOSE",
        make_case(
            note(full("2026-09-01", "2026-09-07"), secondary_diagnoses=[{"system": "ICPC-2", "code": "P76"}])
        ),
    ),
    Scenario(
        "no diagnosis, no reason, invalid secondary -> both listed; NAV stops at FRAVAERSGRUNN_MANGLER",
        "UGYLDIG_KODEVERK_FOR_BIDIAGNOSE",
        make_case(
            note(
                full("2026-09-01", "2026-09-07"),
                diagnosis=None,
                secondary_diagnoses=[{"system": "ICPC-2", "code": "Q12"}],
            )
        ),
        ("FRAVAERSGRUNN_MANGLER", "UGYLDIG_KODEVERK_FOR_BIDIAGNOSE"),
        "INVALID",
    ),
]

AGE_13 = [
    Scenario(
        "turns 13 on 15 Sep, note to 14 Sep -> PASIENT_YNGRE_ENN_13, INVALID",
        "PASIENT_YNGRE_ENN_13",
        make_case(note(full("2026-09-01", "2026-09-14")), birth="2013-09-15"),
        ("PASIENT_YNGRE_ENN_13",),
        "INVALID",
    ),
    Scenario(
        "turns 13 on 15 Sep, note to 15 Sep -> no finding",
        "PASIENT_YNGRE_ENN_13",
        make_case(note(full("2026-09-01", "2026-09-15")), birth="2013-09-15"),
    ),
    Scenario(
        "turns 13 on 15 Sep, note to 16 Sep -> no finding",
        "PASIENT_YNGRE_ENN_13",
        make_case(note(full("2026-09-01", "2026-09-16")), birth="2013-09-15"),
    ),
    Scenario(
        "birth date read from the national id: born 15 Sep 2013, note to 14 Sep -> INVALID",
        "PASIENT_YNGRE_ENN_13",
        make_case(note(full("2026-09-01", "2026-09-14")), patient={"national_id": fnr("150913523")}),
        ("PASIENT_YNGRE_ENN_13",),
        "INVALID",
    ),
]

DATES = [
    Scenario(
        "signed 1 Sep, starts 30 Sep (29 days later) -> no finding",
        "FREMDATERT",
        make_case(note(full("2026-09-30", "2026-10-07"), signed="2026-09-01")),
    ),
    Scenario(
        "signed 1 Sep, starts 1 Oct (30 days later) -> no finding",
        "FREMDATERT",
        make_case(note(full("2026-10-01", "2026-10-07"), signed="2026-09-01")),
    ),
    Scenario(
        "signed 1 Sep, starts 2 Oct (31 days later) -> FREMDATERT, INVALID",
        "FREMDATERT",
        make_case(note(full("2026-10-02", "2026-10-08"), signed="2026-09-01")),
        ("FREMDATERT",),
        "INVALID",
    ),
    Scenario(
        "starts 2 Sep 2023, checked 1 Sep 2026 (a day under three years) -> back-dating only",
        "TILBAKEDATERT_MER_ENN_3_AR",
        make_case(note(full("2023-09-02", "2023-09-05"), signed="2026-09-01")),
        ("OVER_1_MND",),
        "INVALID",
    ),
    Scenario(
        "starts 1 Sep 2023, checked 1 Sep 2026 (exactly three years) -> back-dating only",
        "TILBAKEDATERT_MER_ENN_3_AR",
        make_case(note(full("2023-09-01", "2023-09-05"), signed="2026-09-01")),
        ("OVER_1_MND",),
        "INVALID",
    ),
    Scenario(
        "starts 31 Aug 2023, checked 1 Sep 2026 -> TILBAKEDATERT_MER_ENN_3_AR decides (tree 6 before tree 7)",
        "TILBAKEDATERT_MER_ENN_3_AR",
        make_case(note(full("2023-08-31", "2023-09-05"), signed="2026-09-01")),
        ("TILBAKEDATERT_MER_ENN_3_AR", "OVER_1_MND"),
        "INVALID",
    ),
    Scenario(
        "graded 1 Sep 2026 to 31 Aug 2027 (DAYS.between 364), questions answered -> past maksdato only",
        "TOTAL_VARIGHET_OVER_ETT_AAR",
        make_case(
            note(
                graded("2026-09-01", "2027-08-31"),
                answers=dict.fromkeys(
                    ("6.4.1", "6.4.2", "6.4.3", "6.4.4", "6.5.1", "6.5.2", "6.5.3", "6.5.4"), "Svar"
                ),
            )
        ),
        ("DAGER_ETTER_MAKSDATO",),
    ),
    Scenario(
        "graded 1 Sep 2026 to 1 Sep 2027 (DAYS.between 365), questions answered -> past maksdato only",
        "TOTAL_VARIGHET_OVER_ETT_AAR",
        make_case(
            note(
                graded("2026-09-01", "2027-09-01"),
                answers=dict.fromkeys(
                    ("6.4.1", "6.4.2", "6.4.3", "6.4.4", "6.5.1", "6.5.2", "6.5.3", "6.5.4"), "Svar"
                ),
            )
        ),
        ("DAGER_ETTER_MAKSDATO",),
    ),
    Scenario(
        "graded 1 Sep 2026 to 2 Sep 2027 (DAYS.between 366) -> TOTAL_VARIGHET_OVER_ETT_AAR, INVALID",
        "TOTAL_VARIGHET_OVER_ETT_AAR",
        make_case(
            note(
                graded("2026-09-01", "2027-09-02"),
                answers=dict.fromkeys(
                    ("6.4.1", "6.4.2", "6.4.3", "6.4.4", "6.5.1", "6.5.2", "6.5.3", "6.5.4"), "Svar"
                ),
            )
        ),
        ("TOTAL_VARIGHET_OVER_ETT_AAR", "DAGER_ETTER_MAKSDATO"),
        "INVALID",
    ),
]

ALL = STRUCTURE + PERIODS + HPR + DIAGNOSIS + AGE_13 + DATES


@pytest.mark.parametrize("scenario", rows(ALL))
def test_nav_receiving_rules(scenario: Scenario) -> None:
    scenario.verify()
