"""NAV's back-dating tree (tilbakedatering, domain brief §3.2.8) as scenario tables.

The sick note starts on Tuesday 2026-09-01 unless a row says otherwise; "signed +N" means signed N
days after its first day (NAV's DAYS.between). Each boundary is tested on both sides: 4/5 days,
8/9 days, one calendar month (Java month arithmetic), 1 and 3 words, forlengelse over a weekend,
re-sending, and the 16-day employer period.
"""

from __future__ import annotations

import pytest

from gp_tool.rules.backdating import decide_backdating, word_count
from gp_tool.rules.parameters import parameters
from tests.rules.builders import Scenario, d, full, graded, make_case, note, rows

WHY = "Ventetid på legetime"  # 3 words as NAV counts them


def backdated(
    signed: str, start: str = "2026-09-01", end: str | None = None, why: str | None = None, **extra: object
) -> dict[str, object]:
    n = note(full(start, end or start), signed=signed, **extra)
    if why is not None:
        n["backdating"] = {"contact_date": signed, "justification": why}
    return n


TABLE = [
    Scenario(
        "signed on the first day -> not back-dated",
        "INNTIL_8_DAGER",
        make_case(backdated("2026-09-01", end="2026-09-07")),
    ),
    Scenario(
        "signed +4 days, no justification -> accepted (up to 4 days)",
        "INNTIL_8_DAGER",
        make_case(backdated("2026-09-05", end="2026-09-07")),
    ),
    Scenario(
        "signed +5 days, no justification -> INNTIL_8_DAGER, INVALID",
        "INNTIL_8_DAGER",
        make_case(backdated("2026-09-06", end="2026-09-07")),
        ("INNTIL_8_DAGER",),
        "INVALID",
    ),
    Scenario(
        "signed +5 days with 'Ventetid på legetime' -> accepted",
        "INNTIL_8_DAGER",
        make_case(backdated("2026-09-06", end="2026-09-07", why=WHY)),
    ),
    Scenario(
        "signed +8 days, justification '12.03' (no word) -> INNTIL_8_DAGER, INVALID",
        "INNTIL_8_DAGER",
        make_case(backdated("2026-09-09", end="2026-09-10", why="12.03")),
        ("INNTIL_8_DAGER",),
        "INVALID",
    ),
    Scenario(
        "signed +6 days, extends a note that ended Friday 28 Aug (weekend only between) -> accepted (forlengelse)",
        "INNTIL_8_DAGER",
        make_case(
            backdated("2026-09-06", start="2026-08-31", end="2026-09-07"),
            note(full("2026-08-17", "2026-08-28")),
        ),
    ),
    Scenario(
        "signed +6 days after a note that ended Thursday 27 Aug (Friday between) -> INNTIL_8_DAGER, INVALID",
        "INNTIL_8_DAGER",
        make_case(
            backdated("2026-09-06", start="2026-08-31", end="2026-09-07"),
            note(full("2026-08-17", "2026-08-27")),
        ),
        ("INNTIL_8_DAGER",),
        "INVALID",
    ),
    Scenario(
        "signed +6 days, extends a note with another diagnosis code -> INNTIL_8_DAGER, INVALID",
        "INNTIL_8_DAGER",
        make_case(
            backdated("2026-09-06", start="2026-08-31", end="2026-09-07"),
            note(full("2026-08-17", "2026-08-28"), diagnosis=("ICPC-2", "L86")),
        ),
        ("INNTIL_8_DAGER",),
        "INVALID",
    ),
    Scenario(
        "signed +9 days, no justification -> MINDRE_ENN_1_MAANED, INVALID",
        "MINDRE_ENN_1_MAANED",
        make_case(backdated("2026-09-10", end="2026-09-10")),
        ("MINDRE_ENN_1_MAANED",),
        "INVALID",
    ),
    Scenario(
        "signed +9 days with a justification, 10 days in the employer period -> accepted",
        "MINDRE_ENN_1_MAANED",
        make_case(backdated("2026-09-10", end="2026-09-10", why=WHY)),
    ),
    Scenario(
        "signed +30 days (1 Oct, one month), no justification -> MINDRE_ENN_1_MAANED, INVALID",
        "MINDRE_ENN_1_MAANED",
        make_case(backdated("2026-10-01", end="2026-09-05")),
        ("MINDRE_ENN_1_MAANED",),
        "INVALID",
    ),
    Scenario(
        "signed +16 days with a justification, 17 days of absence -> MINDRE_ENN_1_MAANED_MED_BEGRUNNELSE, MANUAL",
        "MINDRE_ENN_1_MAANED_MED_BEGRUNNELSE",
        make_case(backdated("2026-09-17", end="2026-09-17", why=WHY)),
        ("MINDRE_ENN_1_MAANED_MED_BEGRUNNELSE",),
        "MANUAL_PROCESSING",
    ),
    Scenario(
        "signed +15 days with a justification, 16 days of absence -> accepted (employer period)",
        "MINDRE_ENN_1_MAANED_MED_BEGRUNNELSE",
        make_case(backdated("2026-09-16", end="2026-09-16", why=WHY)),
    ),
    Scenario(
        "signed +11 days with a justification; 10 days now + 6 days in August -> accepted (16 days)",
        "MINDRE_ENN_1_MAANED_MED_BEGRUNNELSE",
        make_case(backdated("2026-09-12", end="2026-09-10", why=WHY), note(full("2026-08-15", "2026-08-20"))),
    ),
    Scenario(
        "signed +11 days with a justification; 10 days now + 7 days in August -> MANUAL (17 days)",
        "MINDRE_ENN_1_MAANED_MED_BEGRUNNELSE",
        make_case(backdated("2026-09-12", end="2026-09-10", why=WHY), note(full("2026-08-14", "2026-08-20"))),
        ("MINDRE_ENN_1_MAANED_MED_BEGRUNNELSE",),
        "MANUAL_PROCESSING",
    ),
    Scenario(
        "signed +30 days with a justification, extends a graded note that ended 31 Aug -> accepted (forlengelse)",
        "MINDRE_ENN_1_MAANED_MED_BEGRUNNELSE",
        make_case(
            backdated("2026-10-01", end="2026-09-30", why=WHY), note(graded("2026-08-20", "2026-08-31"))
        ),
    ),
    Scenario(
        "signed +31 days (2 Oct, past one month), 2 words -> OVER_1_MND, INVALID",
        "OVER_1_MND",
        make_case(backdated("2026-10-02", end="2026-09-05", why="Ventetid lege")),
        ("OVER_1_MND",),
        "INVALID",
    ),
    Scenario(
        "signed +31 days, 3 words -> OVER_1_MND_MED_BEGRUNNELSE, MANUAL",
        "OVER_1_MND_MED_BEGRUNNELSE",
        make_case(backdated("2026-10-02", end="2026-09-05", why=WHY)),
        ("OVER_1_MND_MED_BEGRUNNELSE",),
        "MANUAL_PROCESSING",
    ),
    Scenario(
        "signed +31 days, 'Lå på sykehus' (3 words) -> OVER_1_MND_MED_BEGRUNNELSE, MANUAL",
        "OVER_1_MND_MED_BEGRUNNELSE",
        make_case(backdated("2026-10-02", end="2026-09-05", why="Lå på sykehus")),
        ("OVER_1_MND_MED_BEGRUNNELSE",),
        "MANUAL_PROCESSING",
    ),
    Scenario(
        "signed +31 days, 3 words, ICD-10 diagnosis (specialist health service) -> accepted, no manual processing",
        "OVER_1_MND_MED_BEGRUNNELSE",
        make_case(backdated("2026-10-02", end="2026-09-05", why=WHY, diagnosis=("ICD-10", "M545"))),
    ),
    Scenario(
        "signed +31 days, ICD-10 diagnosis (specialist health service) -> accepted",
        "OVER_1_MND",
        make_case(backdated("2026-10-02", end="2026-09-05", diagnosis=("ICD-10", "F321"))),
    ),
    Scenario(
        "signed +31 days, re-sends an earlier note's period (same diagnosis) -> accepted (ettersending)",
        "OVER_1_MND",
        make_case(backdated("2026-10-02", end="2026-09-05"), note(full("2026-09-01", "2026-09-05"))),
    ),
    Scenario(
        "first day 31 Jan 2027; signed 28 Feb (+1 month, Java arithmetic), no justification -> MINDRE_ENN_1_MAANED",
        "MINDRE_ENN_1_MAANED",
        make_case(backdated("2027-02-28", start="2027-01-31", end="2027-02-04")),
        ("MINDRE_ENN_1_MAANED",),
        "INVALID",
    ),
    Scenario(
        "first day 31 Jan 2027; signed 1 Mar, no justification -> OVER_1_MND",
        "OVER_1_MND",
        make_case(backdated("2027-03-01", start="2027-01-31", end="2027-02-04")),
        ("OVER_1_MND",),
        "INVALID",
    ),
]


@pytest.mark.parametrize("scenario", rows(TABLE))
def test_back_dating_tree(scenario: Scenario) -> None:
    scenario.verify()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Ventetid på legetime", 3),
        ("  Ventetid  på legetime ", 3),  # double spaces make empty tokens, which are no words
        ("12.03", 0),
        ("12.03 14.03", 0),
        ("øå æø", 0),  # no ASCII letter
        ("Syk", 1),
        ("", 0),
        ("Influensa,feber", 1),
    ],
)
def test_words_are_counted_as_nav_counts_them(text: str, words: int) -> None:
    assert word_count(text) == words


def test_the_decision_keeps_its_path_and_inputs() -> None:
    case = make_case(backdated("2026-09-17", end="2026-09-17", why=WHY))
    decision = decide_backdating(case.sick_note, case.earlier_sick_notes, parameters(), d("2026-09-17"))
    assert decision is not None
    assert decision.outcome == "MINDRE_ENN_1_MAANED_MED_BEGRUNNELSE"
    assert decision.path == (
        "TILBAKEDATERING=yes",
        "SPESIALISTHELSETJENESTEN=no",
        "ETTERSENDING=no",
        "TILBAKEDATERT_INNTIL_4_DAGER=no",
        "TILBAKEDATERT_INNTIL_8_DAGER=no",
        "TILBAKEDATERT_MINDRE_ENN_1_MAANED=yes",
        "BEGRUNNELSE_MIN_1_ORD=yes",
        "FORLENGELSE=no",
        "ARBEIDSGIVERPERIODE=no",
    )
    assert decision.inputs["days_between"] == 16
    assert decision.inputs["justification_words"] == 3
    assert decision.inputs["employer_period_days"] == 17


def test_forlengelse_is_recorded_in_the_finding_trace() -> None:
    case = make_case(
        backdated("2026-09-06", start="2026-08-31", end="2026-09-07"), note(full("2026-08-17", "2026-08-28"))
    )
    decision = decide_backdating(case.sick_note, case.earlier_sick_notes, parameters(), d("2026-09-06"))
    assert decision is not None
    assert decision.outcome is None
    assert decision.inputs["forlengelse_of"] == {
        "note": 0,
        "from": "2026-08-17",
        "to": "2026-08-28",
        "grade": None,
    }
