"""evaluate(): every finding listed, sorted; NAV's outcome as NAV's engine decides; the JSON contract."""

from __future__ import annotations

import json

from gp_tool.rules import NavOutcome, Severity, evaluate
from gp_tool.storage.demo import load_demo
from tests.rules.builders import check, d, fired, full, graded, make_case, note, treatment


def test_all_findings_are_listed_and_nav_stops_at_the_first_tree_that_is_not_ok() -> None:
    """Treatment days (tree 2, MANUAL) and a start 31 days after signing (tree 6, INVALID): NAV stops at
    tree 2, so its outcome is MANUAL_PROCESSING; both findings are still listed, BLOCK first."""
    case = make_case(note(treatment("2026-10-02", "2026-10-15"), signed="2026-09-01"))
    evaluation = check(case)
    assert fired(evaluation) == ["FREMDATERT", "SYKMELDING_MED_BEHANDLINGSDAGER"]
    assert [f.severity for f in evaluation.findings] == [Severity.BLOCK, Severity.WARN]
    assert evaluation.nav_outcome is NavOutcome.MANUAL_PROCESSING
    assert evaluation.nav_rule == "SYKMELDING_MED_BEHANDLINGSDAGER"
    trees = {t.tree.value: (t.outcome.value, t.rule, t.reached) for t in evaluation.nav_trees}
    assert trees["PERIODER"] == ("MANUAL_PROCESSING", "SYKMELDING_MED_BEHANDLINGSDAGER", True)
    assert trees["DATO"] == ("INVALID", "FREMDATERT", False)
    assert evaluation.blocked


def test_within_a_tree_the_first_rule_in_nav_order_decides() -> None:
    case = make_case(note(graded("2026-09-01", "2026-09-14", grade=0), treatment("2026-09-15", "2026-09-20")))
    evaluation = check(case)
    assert evaluation.nav_rule == "GRADERT_SYKMELDING_0_PROSENT"
    assert evaluation.nav_outcome is NavOutcome.INVALID
    assert sorted(fired(evaluation)) == ["GRADERT_SYKMELDING_0_PROSENT", "SYKMELDING_MED_BEHANDLINGSDAGER"]


def test_own_rules_never_change_nav_outcome() -> None:
    evaluation = check(make_case(note(graded("2026-09-01", "2026-09-14", grade=15))))
    assert (fired(evaluation), evaluation.nav_outcome, evaluation.blocked) == (
        ["GRADERT_UNDER_20_PROSENT"],
        NavOutcome.OK,
        False,
    )


def test_check_json_follows_the_contract() -> None:
    evaluation = check(make_case(note(graded("2026-09-01", "2026-09-14", grade=0))))
    data = json.loads(json.dumps(evaluation.to_json("en")))
    assert data["nav_outcome"] == "INVALID"
    assert data["questions_due"] == []
    (finding,) = data["findings"]
    assert {k: finding[k] for k in ("rule", "severity", "nav_outcome", "legal_ref", "message", "inputs")} == {
        "rule": "GRADERT_SYKMELDING_0_PROSENT",
        "severity": "BLOCK",
        "nav_outcome": "INVALID",
        "legal_ref": "no legal reference (NAV: INGEN)",
        "message": "Period 1 is graded at 0 %: graded sick leave cannot be 0 %.",
        "inputs": {"period": 0, "grade": 0},
    }
    assert finding["fields"] == ["sick_note.periods[0].grade"]
    assert data["timeline"]["case_start"] == "2026-09-01"
    assert data["rules_version"] == "2026.12.0"


def test_questions_due_in_the_json() -> None:
    case = make_case(note(full("2026-10-20", "2026-10-25")), note(full("2026-09-01", "2026-10-19")))
    data = check(case).to_json("nb")
    assert data["questions_due"] == ["6.3.1", "6.3.2", "6.3.3"]
    assert data["questions_required"] == ["6.3.1", "6.3.2"]


def test_demo_case_at_week_8_is_clean() -> None:
    """The shipped demo (graded 60 % from week 8 after 100 %) raises nothing, on any day it is opened."""
    case = load_demo("uke8-rygg", d("2026-11-23"))
    evaluation = evaluate(case, d("2026-11-23"))
    assert (fired(evaluation), evaluation.nav_outcome) == ([], NavOutcome.OK)


def test_evaluation_is_pure() -> None:
    case = make_case(note(graded("2026-09-01", "2026-09-14", grade=0)))
    first, second = check(case).to_json("en"), check(case).to_json("en")
    assert first == second


def test_finding_texts_in_every_language() -> None:
    (finding,) = check(make_case(note(full("2026-09-10", "2026-09-09")))).findings
    assert finding.text("en") == "Period 1 ends before it starts (10 September 2026 to 9 September 2026)."
    assert (
        finding.text("nb") == "Periode 1 slutter før den begynner (10. september 2026 til 9. september 2026)."
    )
    assert (
        finding.text("nn") == "Periode 1 sluttar før han byrjar (10. september 2026 til 9. september 2026)."
    )
