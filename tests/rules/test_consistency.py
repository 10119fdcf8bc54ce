"""Consistency checks (gp_tool/rules/consistency.py) as scenario tables, each boundary both ways.

The case starts on Tuesday 2026-09-01: the 8-week point is 26 Oct (domain brief §7). Every row gives
the exact list of rules that fire; NAV's outcome is OK in all of them (the checks are the tool's own).
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from gp_tool.domain.case import Case
from gp_tool.domain.casefile import parse_case
from gp_tool.rules import evaluate
from tests.rules.builders import Scenario, awaiting, full, graded, make_case, note, rows


def parts(case: Case, **extra: Any) -> Case:
    """``case`` with optional work-focused parts added (function, plan, activity_requirement ...)."""
    return parse_case(json.dumps({**case.to_json_dict(), **extra}))


def fn(*domains: tuple[str, str | None, str | None], tasks: tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        "domains": {d: {"limitation": lim, "demand": dem} for d, lim, dem in domains},
        "possible_tasks": list(tasks),
    }


START = "2026-09-01"
P03 = ("ICPC-2", "P03")
L18 = ("ICPC-2", "L18")
CODED = ["TILSTAND_HINDRER_AKTIVITET"]

FULL = "FULL_SYKMELDING_UTEN_FUNKSJONSNEDSETTELSE"
GRADED = "GRADERT_UTEN_MULIGE_OPPGAVER"
EXCEPTION = "UNNTAK_UTEN_MEDISINSK_BEGRUNNELSE"
PROGNOSIS = "GOD_PROGNOSE_UTEN_PLAN"
BEYOND = "FRAVAER_UTOVER_VEILEDER_UTEN_BEGRUNNELSE"


def _full(end: str = "2026-09-14", **extra: Any) -> Case:
    return make_case(note(full(START, end, **extra)), case_start=START)


TABLE = [
    # ---- 100 % while function shows no limitation
    Scenario(
        "100 %, two rated functions both without limitation -> WARN",
        FULL,
        parts(_full(), function=fn(("LIFTING_CARRYING", "NONE", "HIGH"), ("PACE", "NONE", None))),
        (FULL,),
    ),
    Scenario(
        "100 %, one of two rated functions somewhat limited -> no finding",
        FULL,
        parts(_full(), function=fn(("LIFTING_CARRYING", "NONE", "HIGH"), ("PACE", "SOME", "MEDIUM"))),
    ),
    Scenario(
        "100 %, only demands rated (no limitation rated) -> no finding",
        FULL,
        parts(_full(), function=fn(("LIFTING_CARRYING", None, "HIGH"))),
    ),
    Scenario("100 % without a function assessment -> no finding", FULL, _full()),
    Scenario(
        "awaiting, no limitation -> no finding (not full leave)",
        FULL,
        parts(
            make_case(note(awaiting(START, "2026-09-14")), case_start=START),
            function=fn(("LIFTING_CARRYING", "NONE", "HIGH")),
        ),
    ),
    # ---- graded with no task possible
    Scenario(
        "graded 50 %, function rated, no possible task recorded -> WARN",
        GRADED,
        parts(
            make_case(note(graded(START, "2026-09-14")), case_start=START),
            function=fn(("LIFTING_CARRYING", "SOME", "HIGH")),
        ),
        (GRADED,),
    ),
    Scenario(
        "graded 50 %, every demanded function not possible (tasks listed) -> WARN",
        GRADED,
        parts(
            make_case(note(graded(START, "2026-09-14")), case_start=START),
            function=fn(
                ("LIFTING_CARRYING", "NOT_POSSIBLE", "HIGH"),
                ("PACE", "NOT_POSSIBLE", "LOW"),
                ("SITTING", "NONE", "NONE"),
                tasks=("Kontorarbeid",),
            ),
        ),
        (GRADED,),
    ),
    Scenario(
        "graded 50 %, one demanded function only somewhat limited, tasks listed -> no finding",
        GRADED,
        parts(
            make_case(note(graded(START, "2026-09-14")), case_start=START),
            function=fn(
                ("LIFTING_CARRYING", "NOT_POSSIBLE", "HIGH"), ("PACE", "SOME", "LOW"), tasks=("Kontorarbeid",)
            ),
        ),
    ),
    Scenario(
        "graded 50 % without a function assessment -> no finding",
        GRADED,
        make_case(note(graded(START, "2026-09-14")), case_start=START),
    ),
    # ---- the 8-week exception without a concrete medical reason (8-week point 26 Oct)
    Scenario(
        "100 % with a medical-reason code to 26 Oct (the 8-week point), no text -> WARN",
        EXCEPTION,
        make_case(note(full("2026-10-13", "2026-10-26", medical_reasons=CODED)), case_start=START),
        (EXCEPTION,),
    ),
    Scenario(
        "100 % with a medical-reason code to 25 Oct (before the 8-week point) -> no finding",
        EXCEPTION,
        make_case(note(full("2026-10-13", "2026-10-25", medical_reasons=CODED)), case_start=START),
    ),
    Scenario(
        "the same to 27 Oct with why_activity_impossible written -> no finding",
        EXCEPTION,
        parts(
            make_case(note(full("2026-10-13", "2026-10-27", medical_reasons=CODED)), case_start=START),
            activity_requirement={
                "option": "EXCEPTION_MEDICAL",
                "why_activity_impossible": "Uttalt konsentrasjonssvikt; tåler ikke skjermarbeid nå.",
            },
        ),
    ),
    Scenario(
        "the same with an answer to 6.3.2 -> no finding",
        EXCEPTION,
        make_case(
            note(
                full("2026-10-13", "2026-10-27", medical_reasons=CODED),
                answers={"6.3.2": "Akutt prolaps med lammelser."},
            ),
            case_start=START,
        ),
    ),
    Scenario(
        "option EXCEPTION_MEDICAL with a graded note and no reason -> WARN",
        EXCEPTION,
        parts(
            make_case(note(graded(START, "2026-09-14")), case_start=START),
            activity_requirement={"option": "EXCEPTION_MEDICAL"},
        ),
        (EXCEPTION,),
    ),
    Scenario(
        "workplace exception chosen, 100 % with a code to 27 Oct -> no finding (not a medical claim)",
        EXCEPTION,
        parts(
            make_case(note(full("2026-10-13", "2026-10-27", medical_reasons=CODED)), case_start=START),
            activity_requirement={"option": "EXCEPTION_WORKPLACE"},
        ),
    ),
    Scenario(
        "100 % with a code to 27 Oct and MANGLENDE_TILRETTELEGGING -> no finding",
        EXCEPTION,
        make_case(
            note(
                full("2026-10-13", "2026-10-27", medical_reasons=CODED),
                work_related_reasons=["MANGLENDE_TILRETTELEGGING"],
            ),
            case_start=START,
        ),
    ),
    # ---- a good prognosis without a plan
    Scenario(
        "good prognosis, empty plan -> WARN",
        PROGNOSIS,
        parts(_full(), plan={"prognosis": "GOOD"}),
        (PROGNOSIS,),
    ),
    Scenario(
        "good prognosis with a treatment plan -> no finding",
        PROGNOSIS,
        parts(_full(), plan={"prognosis": "GOOD", "treatment": "Fysioterapi to ganger i uka."}),
    ),
    Scenario(
        "good prognosis with work measures -> no finding",
        PROGNOSIS,
        parts(_full(), plan={"prognosis": "GOOD", "work_measures": "Lette oppgaver."}),
    ),
    Scenario(
        "good prognosis with an expected return -> no finding",
        PROGNOSIS,
        parts(_full(), plan={"prognosis": "GOOD", "expected_return": "2026-09-21"}),
    ),
    Scenario(
        "uncertain prognosis, empty plan -> no finding",
        PROGNOSIS,
        parts(_full(), plan={"prognosis": "UNCERTAIN"}),
    ),
    # ---- full leave beyond the guidance (P03: 14 days; L18: 28 days)
    Scenario(
        "P03, 14 days of 100 % (the figure) -> no finding",
        BEYOND,
        make_case(note(full(START, "2026-09-14"), diagnosis=P03), case_start=START),
    ),
    Scenario(
        "P03, 15 days of 100 % -> WARN",
        BEYOND,
        make_case(note(full(START, "2026-09-15"), diagnosis=P03), case_start=START),
        (BEYOND,),
    ),
    Scenario(
        "P03, 10 days earlier + 5 days now, all 100 % -> WARN (the case counts)",
        BEYOND,
        make_case(
            note(full("2026-09-11", "2026-09-15"), diagnosis=P03),
            note(full(START, "2026-09-10"), diagnosis=P03),
            case_start=START,
        ),
        (BEYOND,),
    ),
    Scenario(
        "P03, 20 days of 100 % earlier, graded now -> no finding (the new note is not full)",
        BEYOND,
        make_case(
            note(graded("2026-09-21", "2026-09-30"), diagnosis=P03),
            note(full(START, "2026-09-20"), diagnosis=P03),
            case_start=START,
        ),
    ),
    Scenario(
        "P03, 15 days with the reason SEVERITY -> no finding",
        BEYOND,
        parts(
            make_case(note(full(START, "2026-09-15"), diagnosis=P03), case_start=START),
            plan={"guidance_deviation": ["SEVERITY"]},
        ),
    ),
    Scenario(
        "P03, 15 days with OTHER and no text -> WARN",
        BEYOND,
        parts(
            make_case(note(full(START, "2026-09-15"), diagnosis=P03), case_start=START),
            plan={"guidance_deviation": ["OTHER"]},
        ),
        (BEYOND,),
    ),
    Scenario(
        "P03, 15 days with OTHER and a text -> no finding",
        BEYOND,
        parts(
            make_case(note(full(START, "2026-09-15"), diagnosis=P03), case_start=START),
            plan={"guidance_deviation": ["OTHER"], "guidance_deviation_text": "Venter på time hos DPS."},
        ),
    ),
    Scenario(
        "L18, 28 days of 100 % -> no finding",
        BEYOND,
        make_case(note(full(START, "2026-09-28"), diagnosis=L18), case_start=START),
    ),
    Scenario(
        "L18, 29 days of 100 % -> WARN",
        BEYOND,
        make_case(note(full(START, "2026-09-29"), diagnosis=L18), case_start=START),
        (BEYOND,),
    ),
    Scenario(
        "L03, 40 days of 100 % -> no finding (no figure retrieved for L03)",
        BEYOND,
        make_case(note(full(START, "2026-10-10")), case_start=START),
    ),
]


@pytest.mark.parametrize("scenario", rows(TABLE))
def test_consistency_checks(scenario: Scenario) -> None:
    scenario.verify()


def test_findings_name_the_fields_and_explain_in_each_language() -> None:
    case = parts(
        make_case(note(full(START, "2026-09-15"), diagnosis=P03), case_start=START),
        plan={"prognosis": "GOOD"},
    )
    evaluation = evaluate(case, case.sick_note.signed)
    by_rule = {f.rule: f for f in evaluation.findings}
    assert sorted(by_rule) == [BEYOND, PROGNOSIS]
    beyond = by_rule[BEYOND]
    assert beyond.fields == ("plan.guidance_deviation", "plan.guidance_deviation_text")
    assert beyond.text("en") == (
        "Full sick leave has lasted 15 days, beyond the 14 days in Helsedirektoratet's advice for P03: give the reason (work load, severity, complication, comorbidity, waiting for treatment, other) for the note to NAV."
    )
    assert beyond.inputs["full_leave_days"] == 15
    assert beyond.inputs["guidance_full_leave_days"] == 14
    assert beyond.text("nn") != beyond.text("nb") != beyond.text("en")
    assert by_rule[PROGNOSIS].severity.value == "WARN"


def test_graded_finding_says_why() -> None:
    case = parts(
        make_case(note(graded(START, "2026-09-14")), case_start=START),
        function=fn(("LIFTING_CARRYING", "SOME", "HIGH")),
    )
    (finding,) = evaluate(case, case.sick_note.signed).findings
    assert finding.text("en") == (
        "Graded sick leave (period 1), but no task the patient can do is recorded: record what the patient can do at work, or reconsider the grade."
    )
    assert finding.fields == ("sick_note.periods[0].kind", "function.possible_tasks")
