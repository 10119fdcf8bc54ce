"""Every rule has scenario rows for each of its outcomes: rows where it fires and rows where it does not."""

from __future__ import annotations

from gp_tool.rules import RULES
from tests.rules import test_backdating, test_consistency, test_nav_rules, test_own_rules

SCENARIOS = [*test_nav_rules.ALL, *test_backdating.TABLE, *test_own_rules.TABLE, *test_consistency.TABLE]


def test_every_rule_has_a_row_where_it_fires_and_one_where_it_does_not() -> None:
    missing = []
    for spec in RULES:
        about = [s for s in SCENARIOS if s.about == spec.id]
        fires = any(spec.id in s.expected for s in about)
        quiet = any(spec.id not in s.expected for s in about)
        if not (fires and quiet):
            missing.append(spec.id)
    # PERIODER_MANGLER cannot be built from a case file (a sick note has at least one period).
    assert missing == ["PERIODER_MANGLER"]


def test_a_rule_that_a_case_file_cannot_reach_still_works() -> None:
    from gp_tool.domain.case import SickNote
    from gp_tool.rules import evaluate
    from tests.rules.builders import full, make_case, note

    case = make_case(note(full("2026-09-01", "2026-09-07")))
    empty = SickNote.model_construct(**{**dict(case.sick_note), "periods": []})
    evaluation = evaluate(case.model_copy(update={"sick_note": empty}), case.sick_note.signed)
    assert [f.rule for f in evaluation.findings] == ["PERIODER_MANGLER"]
    assert evaluation.nav_outcome.value == "INVALID"
