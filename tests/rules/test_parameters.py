"""The parameter data: every value dated, referenced, sourced and checked; malformed data refused."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from gp_tool.rules import PARAMETERS_LAST_CHECKED, RULES
from gp_tool.rules.parameters import ParameterDataError, load_parameters, parameters

GOOD: dict[str, Any] = {
    "format": 1,
    "parameters": {
        "employer_period_days": {
            "unit": "days",
            "legal_ref": {"law": "ftrl", "section": "8-19", "ledd": 1},
            "source": "ftrl § 8-19 (1)",
            "last_checked": "2026-11-23",
            "values": [{"valid_from": "2024-02-07", "value": 16}, {"valid_from": "2030-01-01", "value": 14}],
        }
    },
}


def _with(path: list[str], value: object) -> str:
    doc = json.loads(json.dumps(GOOD))
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return json.dumps(doc)


def test_dated_values_apply_from_their_day() -> None:
    param = load_parameters(json.dumps(GOOD))["employer_period_days"]
    assert param.at(dt.date(2024, 2, 6)) == 16  # before every valid_from: the oldest value
    assert param.at(dt.date(2029, 12, 31)) == 16
    assert param.at(dt.date(2030, 1, 1)) == 14


P = ["parameters", "employer_period_days"]


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (["format"], 2, "unsupported parameter data format"),
        ([*P, "unit"], "fortnights", "unknown unit"),
        ([*P, "source"], " ", "a source is required"),
        ([*P, "legal_ref"], {"law": "straffeloven", "section": "1"}, "unknown law"),
        ([*P, "legal_ref"], {"law": "ftrl", "section": "8-19", "punktum": 2}, "a punktum needs its ledd"),
        ([*P, "last_checked"], "2026-02-30", "not a valid date"),
        ([*P, "last_checked"], "2020-01-01", "cannot be before the first valid_from"),
        ([*P, "values"], [], "at least one dated value"),
        (
            [*P, "values"],
            [{"valid_from": "2024-02-07", "value": 16}, {"valid_from": "2024-02-07", "value": 14}],
            "must increase strictly",
        ),
        ([*P, "values"], [{"valid_from": "2024-02-07", "value": "16"}], "a value is a whole number"),
        ([*P, "colour"], "red", "unknown key(s) ['colour']"),
    ],
)
def test_malformed_data_is_refused_naming_the_parameter(path: list[str], value: object, message: str) -> None:
    with pytest.raises(ParameterDataError, match=r".*") as excinfo:
        load_parameters(_with(path, value))
    assert message in str(excinfo.value)


def test_every_parameter_is_used_by_a_rule_or_the_timeline() -> None:
    used = {name for spec in RULES for name in spec.parameters}
    timeline_only = {
        "oppfolgingsplan_weeks",
        "dialogmote_1_weeks",
        "dialogmote_2_weeks",
        "dialogmotekandidat_days",
        "motebehov_from_weeks",
        "motebehov_until_weeks",
    }
    backdating_only = {"backdating_short_days_between", "justification_min_words"}
    unused = set(parameters()) - used - timeline_only - backdating_only
    assert unused == set()


def test_every_rule_parameter_exists() -> None:
    names = set(parameters())
    assert {name for spec in RULES for name in spec.parameters} <= names


def test_statutory_parameters_carry_a_legal_reference() -> None:
    statutory = {
        "employer_period_days": "ftrl § 8-19 (1)",
        "aktivitetskrav_weeks": "ftrl § 8-8 (2)",
        "max_sickness_benefit_days": "ftrl § 8-12 (1)",
        "max_sickness_benefit_days_after_67": "ftrl § 8-12 (4)",
        "no_benefit_age_years": "ftrl § 8-3 (1) 2. pkt.",
        "payment_floor_percent": "ftrl § 8-13 (1)",
        "oppfolgingsplan_weeks": "aml § 4-6 (3)",
        "dialogmote_1_weeks": "aml § 4-6 (4)",
    }
    refs = {name: p.legal_ref.citation for name, p in parameters().items() if p.legal_ref is not None}
    assert {name: refs[name] for name in statutory} == statutory


def test_last_checked_is_the_latest_date_in_the_data() -> None:
    assert (
        PARAMETERS_LAST_CHECKED == max(p.last_checked for p in parameters().values()) == dt.date(2026, 11, 23)
    )
