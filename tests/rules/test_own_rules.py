"""The tool's own legal checks (gp_tool/rules/own_rules.py) as scenario tables, each boundary both ways.

The case starts on Tuesday 2026-09-01: employer period to 16 Sep, 8-week point 26 Oct, maksdato
30 Aug 2027 for continuous leave (domain brief §7).
"""

from __future__ import annotations

import pytest

from tests.rules.builders import Scenario, awaiting, check, full, graded, make_case, note, rows

ANSWERS_17_39 = dict.fromkeys(
    ("6.4.1", "6.4.2", "6.4.3", "6.4.4", "6.5.1", "6.5.2", "6.5.3", "6.5.4"), "Svar"
)

TABLE = [
    # ---- avventende within the employer period (law: 16 days; NAV's code: 17)
    Scenario(
        "awaiting 1-16 Sep -> no finding",
        "AVVENTENDE_UTOVER_ARBEIDSGIVERPERIODEN",
        make_case(note(awaiting("2026-09-01", "2026-09-16"))),
    ),
    Scenario(
        "awaiting 1-17 Sep -> AVVENTENDE_UTOVER_ARBEIDSGIVERPERIODEN (BLOCK), NAV accepts",
        "AVVENTENDE_UTOVER_ARBEIDSGIVERPERIODEN",
        make_case(note(awaiting("2026-09-01", "2026-09-17"))),
        ("AVVENTENDE_UTOVER_ARBEIDSGIVERPERIODEN",),
    ),
    Scenario(
        "awaiting 21-25 Sep after 100 % leave from 1 Sep (employer period ended 16 Sep) -> BLOCK",
        "AVVENTENDE_UTOVER_ARBEIDSGIVERPERIODEN",
        make_case(note(awaiting("2026-09-21", "2026-09-25")), note(full("2026-09-01", "2026-09-20"))),
        ("AVVENTENDE_UTOVER_ARBEIDSGIVERPERIODEN",),
    ),
    Scenario(
        "awaiting 11-16 Sep after 100 % leave 1-10 Sep (inside the employer period) -> no finding",
        "AVVENTENDE_UTOVER_ARBEIDSGIVERPERIODEN",
        make_case(note(awaiting("2026-09-11", "2026-09-16")), note(full("2026-09-01", "2026-09-10"))),
    ),
    # ---- grade
    Scenario(
        "graded -5 % -> GRADERT_NEGATIV_GRAD (BLOCK)",
        "GRADERT_NEGATIV_GRAD",
        make_case(note(graded("2026-09-01", "2026-09-14", grade=-5))),
        ("GRADERT_NEGATIV_GRAD",),
    ),
    Scenario(
        "graded 1 % -> GRADERT_UNDER_20_PROSENT (WARN), NAV accepts",
        "GRADERT_UNDER_20_PROSENT",
        make_case(note(graded("2026-09-01", "2026-09-14", grade=1))),
        ("GRADERT_UNDER_20_PROSENT",),
    ),
    Scenario(
        "graded 15 % (brief §7) -> WARN, NAV accepts",
        "GRADERT_UNDER_20_PROSENT",
        make_case(note(graded("2026-09-01", "2026-09-14", grade=15))),
        ("GRADERT_UNDER_20_PROSENT",),
    ),
    Scenario(
        "graded 19 % -> WARN",
        "GRADERT_UNDER_20_PROSENT",
        make_case(note(graded("2026-09-01", "2026-09-14", grade=19))),
        ("GRADERT_UNDER_20_PROSENT",),
    ),
    Scenario(
        "graded 20 % -> no finding",
        "GRADERT_UNDER_20_PROSENT",
        make_case(note(graded("2026-09-01", "2026-09-14", grade=20))),
    ),
    Scenario(
        "graded 21 % -> no finding",
        "GRADERT_NEGATIV_GRAD",
        make_case(note(graded("2026-09-01", "2026-09-14", grade=21))),
    ),
    # ---- 100 % at the 8-week point (26 Oct); case start given so that no questions are due
    Scenario(
        "100 % to 25 Oct (day before the 8-week point), no reason -> no finding",
        "AKTIVITETSKRAV_UTEN_BEGRUNNELSE",
        make_case(note(full("2026-10-13", "2026-10-25")), case_start="2026-09-01"),
    ),
    Scenario(
        "100 % to 26 Oct (the 8-week point), no reason -> AKTIVITETSKRAV_UTEN_BEGRUNNELSE (BLOCK)",
        "AKTIVITETSKRAV_UTEN_BEGRUNNELSE",
        make_case(note(full("2026-10-13", "2026-10-26")), case_start="2026-09-01"),
        ("AKTIVITETSKRAV_UTEN_BEGRUNNELSE",),
    ),
    Scenario(
        "100 % to 27 Oct, no reason -> BLOCK",
        "AKTIVITETSKRAV_UTEN_BEGRUNNELSE",
        make_case(note(full("2026-10-13", "2026-10-27")), case_start="2026-09-01"),
        ("AKTIVITETSKRAV_UTEN_BEGRUNNELSE",),
    ),
    Scenario(
        "100 % to 27 Oct with medical reason TILSTAND_HINDRER_AKTIVITET -> no BLOCK (only the consistency warning)",
        "AKTIVITETSKRAV_UTEN_BEGRUNNELSE",
        make_case(
            note(full("2026-10-13", "2026-10-27", medical_reasons=["TILSTAND_HINDRER_AKTIVITET"])),
            case_start="2026-09-01",
        ),
        ("UNNTAK_UTEN_MEDISINSK_BEGRUNNELSE",),
    ),
    Scenario(
        "100 % to 27 Oct, answer to 6.3.2 (medical reason) -> no finding",
        "AKTIVITETSKRAV_UTEN_BEGRUNNELSE",
        make_case(
            note(full("2026-10-13", "2026-10-27"), answers={"6.3.2": "Akutt prolaps med lammelser."}),
            case_start="2026-09-01",
        ),
    ),
    Scenario(
        "100 % to 27 Oct, workplace cannot adjust (MANGLENDE_TILRETTELEGGING) -> no finding",
        "AKTIVITETSKRAV_UTEN_BEGRUNNELSE",
        make_case(
            note(full("2026-10-13", "2026-10-27"), work_related_reasons=["MANGLENDE_TILRETTELEGGING"]),
            case_start="2026-09-01",
        ),
    ),
    Scenario(
        "100 % to 27 Oct, work-related reason ANNET without text -> BLOCK",
        "AKTIVITETSKRAV_UTEN_BEGRUNNELSE",
        make_case(
            note(full("2026-10-13", "2026-10-27"), work_related_reasons=["ANNET"]), case_start="2026-09-01"
        ),
        ("AKTIVITETSKRAV_UTEN_BEGRUNNELSE",),
    ),
    Scenario(
        "graded 50 % to 27 Oct -> no finding (graded leave fulfils the activity requirement)",
        "AKTIVITETSKRAV_UTEN_BEGRUNNELSE",
        make_case(note(graded("2026-10-13", "2026-10-27")), case_start="2026-09-01"),
    ),
    # ---- week 7 questions: earlier 100 % leave 1 Sep - 12 Oct (42 days)
    Scenario(
        "100 % continues 13-24 Oct (syk-inn counts 55 days) -> no questions yet",
        "UTDYPENDE_OPPLYSNINGER_MANGLER",
        make_case(note(full("2026-10-13", "2026-10-24")), note(full("2026-09-01", "2026-10-12"))),
    ),
    Scenario(
        "100 % continues 13-25 Oct (syk-inn counts 56 days) unanswered -> UTDYPENDE_OPPLYSNINGER_MANGLER (BLOCK)",
        "UTDYPENDE_OPPLYSNINGER_MANGLER",
        make_case(note(full("2026-10-13", "2026-10-25")), note(full("2026-09-01", "2026-10-12"))),
        ("UTDYPENDE_OPPLYSNINGER_MANGLER",),
    ),
    Scenario(
        "100 % continues 13-26 Oct (syk-inn counts 57 days) unanswered -> BLOCK",
        "UTDYPENDE_OPPLYSNINGER_MANGLER",
        make_case(
            note(full("2026-10-13", "2026-10-26", medical_reasons=["TILSTAND_HINDRER_AKTIVITET"])),
            note(full("2026-09-01", "2026-10-12")),
        ),
        ("UTDYPENDE_OPPLYSNINGER_MANGLER", "UNNTAK_UTEN_MEDISINSK_BEGRUNNELSE"),
    ),
    Scenario(
        "the same, 6.3.1 and 6.3.2 answered (6.3.3 is optional) -> no finding",
        "UTDYPENDE_OPPLYSNINGER_MANGLER",
        make_case(
            note(
                full("2026-10-13", "2026-10-25"),
                answers={"6.3.1": "Lumbago, bedring.", "6.3.2": "Smerter hindrer løft."},
            ),
            note(full("2026-09-01", "2026-10-12")),
        ),
    ),
    Scenario(
        "the same, only 6.3.1 answered -> BLOCK",
        "UTDYPENDE_OPPLYSNINGER_MANGLER",
        make_case(
            note(full("2026-10-13", "2026-10-25"), answers={"6.3.1": "Lumbago."}),
            note(full("2026-09-01", "2026-10-12")),
        ),
        ("UTDYPENDE_OPPLYSNINGER_MANGLER",),
    ),
    # ---- maksdato (continuous graded leave from 1 Sep 2026: 30 Aug 2027)
    Scenario(
        "graded leave continues to 29 Aug 2027 -> no finding",
        "DAGER_ETTER_MAKSDATO",
        make_case(
            note(graded("2027-08-23", "2027-08-29")),
            note(graded("2026-09-01", "2027-08-22"), answers=ANSWERS_17_39),
        ),
    ),
    Scenario(
        "graded leave continues to 30 Aug 2027 (maksdato) -> no finding",
        "DAGER_ETTER_MAKSDATO",
        make_case(
            note(graded("2027-08-23", "2027-08-30")),
            note(graded("2026-09-01", "2027-08-22"), answers=ANSWERS_17_39),
        ),
    ),
    Scenario(
        "graded leave continues to 31 Aug 2027 -> DAGER_ETTER_MAKSDATO (WARN)",
        "DAGER_ETTER_MAKSDATO",
        make_case(
            note(graded("2027-08-23", "2027-08-31")),
            note(graded("2026-09-01", "2027-08-22"), answers=ANSWERS_17_39),
        ),
        ("DAGER_ETTER_MAKSDATO",),
    ),
    # ---- 70 years: born 20 Sep 1956, turns 70 on Sunday 20 Sep 2026
    Scenario(
        "turns 70 on 20 Sep; note to 19 Sep -> only the 67-70 information",
        "DAGER_FRA_FYLTE_70",
        make_case(note(graded("2026-09-01", "2026-09-19")), birth="1956-09-20"),
        ("BEGRENSET_SYKEPENGERETT_67",),
    ),
    Scenario(
        "turns 70 on 20 Sep; note to 21 Sep -> DAGER_FRA_FYLTE_70 (WARN)",
        "DAGER_FRA_FYLTE_70",
        make_case(note(graded("2026-09-01", "2026-09-21")), birth="1956-09-20"),
        ("DAGER_FRA_FYLTE_70",),
    ),
    Scenario(
        "turns 70 on 20 Sep; note to 20 Sep -> DAGER_FRA_FYLTE_70 (WARN), NAV accepts",
        "DAGER_FRA_FYLTE_70",
        make_case(note(graded("2026-09-01", "2026-09-20")), birth="1956-09-20"),
        ("DAGER_FRA_FYLTE_70",),
    ),
    # ---- 67 years: born 10 Sep 1959, turns 67 on 10 Sep 2026
    Scenario(
        "turns 67 on 10 Sep; note to 9 Sep -> no finding",
        "BEGRENSET_SYKEPENGERETT_67",
        make_case(note(graded("2026-09-01", "2026-09-09")), birth="1959-09-10"),
    ),
    Scenario(
        "turns 67 on 10 Sep; note to 10 Sep -> no finding",
        "BEGRENSET_SYKEPENGERETT_67",
        make_case(note(graded("2026-09-01", "2026-09-10")), birth="1959-09-10"),
    ),
    Scenario(
        "turns 67 on 10 Sep; note to 11 Sep -> BEGRENSET_SYKEPENGERETT_67 (INFO)",
        "BEGRENSET_SYKEPENGERETT_67",
        make_case(note(graded("2026-09-01", "2026-09-11")), birth="1959-09-10"),
        ("BEGRENSET_SYKEPENGERETT_67",),
    ),
]


@pytest.mark.parametrize("scenario", rows(TABLE))
def test_own_legal_checks(scenario: Scenario) -> None:
    scenario.verify()


def test_the_questions_finding_names_the_missing_ids_and_fields() -> None:
    case = make_case(
        note(full("2026-10-13", "2026-10-25"), answers={"6.3.1": "Lumbago."}),
        note(full("2026-09-01", "2026-10-12")),
    )
    (finding,) = check(case).findings
    assert finding.rule == "UTDYPENDE_OPPLYSNINGER_MANGLER"
    assert finding.fields == ("sick_note.answers.6.3.2",)
    assert (
        finding.text("en") == "NAV's questions for week 7 must be answered on this sick note; missing: 6.3.2."
    )
    assert (
        finding.text("nn")
        == "Spørsmåla til NAV for veke 7 må svarast på i denne sjukmeldinga; manglar: 6.3.2."
    )
    assert finding.inputs["due"] == ["6.3.1", "6.3.2", "6.3.3"]


def test_the_payment_floor_finding_formats_percentages_per_language() -> None:
    (finding,) = check(make_case(note(graded("2026-09-01", "2026-09-14", grade=15)))).findings
    assert (
        finding.text("en")
        == "Period 1 is graded at 15%: NAV accepts the sick note but pays no sickness benefit for days under 20%."
    )
    assert finding.text("nb") == (
        "Periode 1 er gradert til 15\xa0%: NAV godtar sykmeldingen, men betaler ikke sykepenger for dager under 20\xa0%."
    )
    assert finding.inputs == {
        "period": 0,
        "grade": 15,
        "payment_floor_percent": 20,
        "parameters": {"payment_floor_percent": 20},
    }
    assert finding.legal_ref == "ftrl § 8-13 (1)"
    assert finding.fields == ("sick_note.periods[0].grade",)
