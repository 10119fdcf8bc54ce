"""NAV's week 7/17/39 questions: the triggers of NAV's app syk-inn, kept exactly (domain brief §4.1).

syk-inn adds the inclusive length of the earlier notes to ``new tom - previous tom + 1``, so with an
earlier note the last earlier day is counted twice: the week-7 questions come one day earlier than
"the end of week 8" (day 55, not 56). The tool keeps that, so that it asks exactly when NAV's form does.

Earlier notes form the "hint" (days, latest tom, questions answered before); the new note decides.
The case starts Tuesday 2026-09-01: day 49 is 19 Oct, day 56 is 26 Oct, day 119 is 28 Dec,
day 126 is 4 Jan 2027, day 273 is 31 May 2027, day 280 is 7 Jun 2027.
"""

from __future__ import annotations

from typing import Any

import pytest

from gp_tool.rules.parameters import parameters
from gp_tool.rules.questions import QuestionsDue, questions_due
from tests.rules.builders import d, full, graded, make_case, note

WEEK_7 = ("6.3.1", "6.3.2", "6.3.3")
WEEK_17 = ("6.4.1", "6.4.2", "6.4.3", "6.4.4")
WEEK_39 = ("6.5.1", "6.5.2", "6.5.3", "6.5.4")


def due(new: dict[str, Any], *earlier: dict[str, Any]) -> QuestionsDue:
    case = make_case(new, *earlier)
    return questions_due(case.sick_note, case.earlier_sick_notes, parameters(), d("2026-11-23"))


@pytest.mark.parametrize(
    ("new", "earlier", "ids"),
    [
        pytest.param(
            full("2026-10-20", "2026-10-24"),
            [full("2026-09-01", "2026-10-19")],
            (),
            id="49 days before, 100 % to day 54 -> none",
        ),
        pytest.param(
            full("2026-10-20", "2026-10-25"),
            [full("2026-09-01", "2026-10-19")],
            WEEK_7,
            id="49 days before, 100 % to day 55 -> week 7 (syk-inn counts the last earlier day twice: 56)",
        ),
        pytest.param(
            full("2026-10-21", "2026-10-22"),
            [full("2026-09-01", "2026-10-20")],
            WEEK_7,
            id="50 days before (over 7 weeks), 100 % -> week 7",
        ),
        pytest.param(
            graded("2026-10-21", "2026-11-03"),
            [full("2026-09-01", "2026-10-20")],
            (),
            id="50 days before, graded -> no week-7 questions",
        ),
        pytest.param(
            full("2026-09-01", "2026-10-26"), [], WEEK_7, id="first note, 100 % for 56 days -> week 7"
        ),
        pytest.param(full("2026-09-01", "2026-10-25"), [], (), id="first note, 100 % for 55 days -> none"),
        pytest.param(
            full("2026-11-03", "2026-11-30"),
            [full("2026-09-01", "2026-10-19")],
            WEEK_7,
            id="new note starts 15 days after the last tom -> same absence",
        ),
        pytest.param(
            full("2026-11-04", "2026-11-30"),
            [full("2026-09-01", "2026-10-19")],
            (),
            id="new note starts 16 days after the last tom -> new absence, none",
        ),
        pytest.param(
            graded("2026-12-29", "2027-01-02"),
            [note(full("2026-09-01", "2026-12-28"), answers={"6.3.1": "x", "6.3.2": "y"})],
            (),
            id="119 days before, to day 124 -> none",
        ),
        pytest.param(
            graded("2026-12-29", "2027-01-03"),
            [note(full("2026-09-01", "2026-12-28"), answers={"6.3.1": "x", "6.3.2": "y"})],
            WEEK_17,
            id="119 days before, graded to day 125 -> week 17 (counted as 126)",
        ),
        pytest.param(
            full("2026-12-29", "2027-01-04"),
            [full("2026-09-01", "2026-12-28")],
            ("6.3.3", *WEEK_17),
            id="week 7 never answered and week 17 due -> one section: 6.3.3 and 6.4.1-6.4.4",
        ),
        pytest.param(
            graded("2027-06-01", "2027-06-07"),
            [
                note(
                    full("2026-09-01", "2027-05-31"),
                    answers={"6.3.1": "x", "6.3.2": "y", "6.4.3": "z", "6.4.4": "w"},
                )
            ],
            WEEK_39,
            id="273 days before, to day 280 -> week 39",
        ),
        pytest.param(
            graded("2027-06-01", "2027-06-07"),
            [note(full("2026-09-01", "2027-05-31"), answers={"6.3.1": "x", "6.3.2": "y"})],
            ("6.4.3", "6.4.4", "6.5.1", "6.5.2", "6.5.3", "6.5.4"),
            id="week 17 never answered and week 39 due -> 6.4.3, 6.4.4 and 6.5.1-6.5.4",
        ),
        pytest.param(
            graded("2027-06-01", "2027-06-07"),
            [
                note(
                    full("2026-09-01", "2027-05-31"),
                    answers={
                        "6.5.1": "x",
                        "6.5.2": "y",
                        "6.4.3": "z",
                        "6.4.4": "w",
                        "6.5.3": "a",
                        "6.5.4": "b",
                    },
                )
            ],
            (),
            id="all key questions answered before -> none",
        ),
    ],
)
def test_questions_due(new: dict[str, Any], earlier: list[dict[str, Any]], ids: tuple[str, ...]) -> None:
    notes = [e if "periods" in e else note(e) for e in earlier]
    assert due(note(new), *notes).ids == ids


def test_required_ids_leave_out_the_optional_6_3_3() -> None:
    result = due(note(full("2026-10-20", "2026-10-25")), note(full("2026-09-01", "2026-10-19")))
    assert (result.weeks, result.required) == ((7,), ("6.3.1", "6.3.2"))
    assert result.inputs() == {
        "days": 49,
        "latest_tom": "2026-10-19",
        "answered_before": [],
        "continues": True,
        "weeks": [7],
    }


def test_the_chain_follows_the_first_periods_as_syk_inn_does() -> None:
    """A note more than 15 days before the next one in the chain breaks it: days count from the later one."""
    result = due(
        note(full("2026-11-02", "2026-11-03")),
        note(full("2026-10-01", "2026-11-01")),
        note(full("2026-08-01", "2026-09-14")),  # 17 days before 1 Oct: not chained
    )
    assert result.days == 32
