"""Function against the job: the match table (every cell), the grade table (every row at its
boundaries), the position sentence, and neutral employer wording that passes the privacy firewall."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gp_tool.documents.firewall import check_text
from gp_tool.domain.assessment import Demand, FunctionAssessment, FunctionDomain, Limitation
from gp_tool.domain.case import Case
from gp_tool.domain.casefile import parse_case
from gp_tool.i18n.catalog import LANGUAGES, translator
from gp_tool.rules.function import (  # _RANGES: the grade table itself
    _RANGES,
    GAP,
    PHRASES,
    STRAIN,
    TASK_DOMAINS,
    TIME_DOMAINS,
    Gap,
    demand_label,
    domain_label,
    gaps,
    grade_range,
    level_label,
    limitation_label,
    match_level,
    match_view,
    neutral_wording,
    phrase,
)
from gp_tool.rules.parameters import parameters

L = Limitation
D = Demand
F = FunctionDomain

# ------------------------------------------------------------------------------------- match table

MATCH_TABLE: dict[Limitation, dict[Demand, str | None]] = {
    L.NONE: {D.NONE: None, D.LOW: None, D.MEDIUM: None, D.HIGH: None},
    L.SOME: {D.NONE: None, D.LOW: None, D.MEDIUM: STRAIN, D.HIGH: GAP},
    L.MARKED: {D.NONE: None, D.LOW: STRAIN, D.MEDIUM: GAP, D.HIGH: GAP},
    L.NOT_POSSIBLE: {D.NONE: None, D.LOW: GAP, D.MEDIUM: GAP, D.HIGH: GAP},
}


@pytest.mark.parametrize(
    ("limitation", "demand", "expected"),
    [(lim, dem, level) for lim, row in MATCH_TABLE.items() for dem, level in row.items()],
)
def test_match_table_every_cell(limitation: Limitation, demand: Demand, expected: str | None) -> None:
    assert match_level(limitation, demand) == expected


@pytest.mark.parametrize(
    ("limitation", "demand"),
    [
        (None, None),
        (None, D.HIGH),
        (None, D.NONE),
        (L.NOT_POSSIBLE, None),
        (L.NONE, None),
    ],
)
def test_match_needs_both_sides(limitation: Limitation | None, demand: Demand | None) -> None:
    assert match_level(limitation, demand) is None


def test_domain_groups_cover_every_domain_once() -> None:
    assert set(TIME_DOMAINS) == {F.WORKING_HOURS, F.ENDURANCE}
    assert set(TASK_DOMAINS) | set(TIME_DOMAINS) | {F.TRAVEL_TO_WORK} == set(FunctionDomain)
    assert len(TASK_DOMAINS) + len(TIME_DOMAINS) + 1 == len(FunctionDomain)


# ------------------------------------------------------------------------------------------- helpers


def assessment_doc(**domains: tuple[Limitation | None, Demand | None]) -> dict[str, Any]:
    return {
        "domains": {
            name.upper(): {
                **({"limitation": lim.value} if lim is not None else {}),
                **({"demand": dem.value} if dem is not None else {}),
            }
            for name, (lim, dem) in domains.items()
        }
    }


def assessment(**domains: tuple[Limitation | None, Demand | None]) -> FunctionAssessment:
    return FunctionAssessment.model_validate_json(json.dumps(assessment_doc(**domains)))


def case(
    position: int | None = 100, function: bool = True, **domains: tuple[Limitation | None, Demand | None]
) -> Case:
    doc: dict[str, Any] = {
        "format": "gp-tool/case",
        "version": 1,
        "patient": {"name": "Kari Nordmann", "birth_date": "1985-05-05"},
        "work": {"employer": "Byggmester AS", "occupation": "Snekker"},
        "sick_note": {
            "signed": "2026-09-01",
            "main_diagnosis": {"system": "ICPC-2", "code": "L03"},
            "periods": [{"kind": "AKTIVITET_IKKE_MULIG", "from": "2026-09-01", "to": "2026-09-14"}],
        },
    }
    if position is not None:
        doc["work"]["position_percent"] = position
    if function:
        doc["function"] = assessment_doc(**domains)
    return parse_case(json.dumps(doc))


# ---------------------------------------------------------------------------------------------- gaps


def test_gaps_in_domain_order_with_levels() -> None:
    found = gaps(
        assessment(
            working_hours=(L.SOME, D.HIGH),
            lifting_carrying=(L.MARKED, D.LOW),
            sitting=(L.SOME, D.LOW),
            pace=(L.NOT_POSSIBLE, D.MEDIUM),
            hand_use=(None, D.HIGH),
        )
    )
    assert found == (
        Gap(F.LIFTING_CARRYING, L.MARKED, D.LOW, STRAIN),
        Gap(F.PACE, L.NOT_POSSIBLE, D.MEDIUM, GAP),
        Gap(F.WORKING_HOURS, L.SOME, D.HIGH, GAP),
    )
    assert found[0].to_json() == {
        "domain": "LIFTING_CARRYING",
        "limitation": "MARKED",
        "demand": "LOW",
        "level": "STRAIN",
    }


def test_gaps_without_assessment() -> None:
    assert gaps(None) == ()
    assert gaps(FunctionAssessment()) == ()


def test_match_view_lists_every_domain() -> None:
    rows = match_view(assessment(sitting=(L.MARKED, D.HIGH)))
    assert [r.domain for r in rows] == list(FunctionDomain)
    assert [(r.domain, r.level) for r in rows if r.limitation is not None] == [(F.SITTING, GAP)]
    assert len(match_view(None)) == len(FunctionDomain)


# ---------------------------------------------------------------------------------------- grade table


def proposal(**kwargs: Any) -> tuple[str, int, int, tuple[FunctionDomain, ...]] | None:
    p = grade_range(case(**kwargs))
    return None if p is None else (p.rule, p.low, p.high, p.domains)


def test_no_proposal_without_a_rated_domain() -> None:
    assert grade_range(case(function=False)) is None
    assert proposal() is None
    assert proposal(lifting_carrying=(L.MARKED, None), sitting=(None, D.HIGH)) is None


@pytest.mark.parametrize(
    ("domains", "expected"),
    [
        # FULL: a time domain not possible against a demand of LOW or more ...
        ({"working_hours": (L.NOT_POSSIBLE, D.LOW)}, ("FULL", 100, 100, (F.WORKING_HOURS,))),
        ({"endurance": (L.NOT_POSSIBLE, D.HIGH)}, ("FULL", 100, 100, (F.ENDURANCE,))),
        # ... but not against no demand (nothing asked of it): falls through to FITS
        ({"working_hours": (L.NOT_POSSIBLE, D.NONE)}, ("FITS", 0, 0, ())),
        # FULL: more than half of the demanded domains not possible (2 of 3)
        (
            {
                "lifting_carrying": (L.NOT_POSSIBLE, D.LOW),
                "standing_walking": (L.NOT_POSSIBLE, D.MEDIUM),
                "sitting": (L.NONE, D.HIGH),
            },
            ("FULL", 100, 100, (F.LIFTING_CARRYING, F.STANDING_WALKING)),
        ),
        # exactly half (2 of 4) is not most: the task gaps give TASKS
        (
            {
                "lifting_carrying": (L.NOT_POSSIBLE, D.LOW),
                "standing_walking": (L.NOT_POSSIBLE, D.MEDIUM),
                "sitting": (L.NONE, D.HIGH),
                "pace": (L.NONE, D.LOW),
            },
            ("TASKS", 20, 50, (F.LIFTING_CARRYING, F.STANDING_WALKING)),
        ),
        # a domain the job does not ask of does not count as demanded (2 of 3 again)
        (
            {
                "lifting_carrying": (L.NOT_POSSIBLE, D.LOW),
                "standing_walking": (L.NOT_POSSIBLE, D.MEDIUM),
                "sitting": (L.NONE, D.HIGH),
                "pace": (L.NONE, D.NONE),
            },
            ("FULL", 100, 100, (F.LIFTING_CARRYING, F.STANDING_WALKING)),
        ),
        # one demanded domain, not possible: 1 of 1 is most
        ({"hand_use": (L.NOT_POSSIBLE, D.HIGH)}, ("FULL", 100, 100, (F.HAND_USE,))),
        # travel to work never counts towards full leave: a travel grant meets it
        ({"travel_to_work": (L.NOT_POSSIBLE, D.HIGH)}, ("TRAVEL", 0, 0, (F.TRAVEL_TO_WORK,))),
        (
            {"travel_to_work": (L.NOT_POSSIBLE, D.LOW), "lifting_carrying": (L.NOT_POSSIBLE, D.LOW)},
            ("FULL", 100, 100, (F.LIFTING_CARRYING,)),
        ),
        # TIME_MARKED: a time domain at MARKED is a GAP from MEDIUM ...
        ({"working_hours": (L.MARKED, D.MEDIUM)}, ("TIME_MARKED", 40, 60, (F.WORKING_HOURS,))),
        ({"endurance": (L.MARKED, D.HIGH)}, ("TIME_MARKED", 40, 60, (F.ENDURANCE,))),
        # ... and only a STRAIN against LOW: no sick leave on function grounds
        ({"working_hours": (L.MARKED, D.LOW)}, ("STRAIN", 0, 0, (F.WORKING_HOURS,))),
        # TIME_SOME: a time domain at SOME is a GAP against HIGH only
        ({"working_hours": (L.SOME, D.HIGH)}, ("TIME_SOME", 20, 40, (F.WORKING_HOURS,))),
        ({"working_hours": (L.SOME, D.MEDIUM)}, ("STRAIN", 0, 0, (F.WORKING_HOURS,))),
        ({"working_hours": (L.SOME, D.LOW)}, ("FITS", 0, 0, ())),
        # the worse time row wins, and a time row wins over task gaps
        (
            {
                "endurance": (L.SOME, D.HIGH),
                "working_hours": (L.MARKED, D.HIGH),
                "lifting_carrying": (L.MARKED, D.HIGH),
            },
            ("TIME_MARKED", 40, 60, (F.WORKING_HOURS,)),
        ),
        (
            {"endurance": (L.SOME, D.HIGH), "lifting_carrying": (L.MARKED, D.HIGH)},
            ("TIME_SOME", 20, 40, (F.ENDURANCE,)),
        ),
        # TASKS: a task domain GAP (SOME against HIGH is the smallest gap) ...
        ({"lifting_carrying": (L.SOME, D.HIGH)}, ("TASKS", 20, 50, (F.LIFTING_CARRYING,))),
        # ... naming only task domains, travel gaps aside
        (
            {
                "concentration_memory": (L.MARKED, D.MEDIUM),
                "travel_to_work": (L.MARKED, D.HIGH),
                "stress_tolerance": (L.SOME, D.HIGH),
                "pace": (L.NONE, D.HIGH),
            },
            ("TASKS", 20, 50, (F.CONCENTRATION_MEMORY, F.STRESS_TOLERANCE)),
        ),
        # STRAIN: no gap, one step below
        ({"lifting_carrying": (L.SOME, D.MEDIUM)}, ("STRAIN", 0, 0, (F.LIFTING_CARRYING,))),
        (
            {"sitting": (L.MARKED, D.LOW), "pace": (L.SOME, D.MEDIUM), "hand_use": (L.SOME, D.LOW)},
            ("STRAIN", 0, 0, (F.SITTING, F.PACE)),
        ),
        # FITS: everything rated meets the job
        (
            {"sitting": (L.SOME, D.LOW), "pace": (L.NONE, D.HIGH), "hand_use": (L.NOT_POSSIBLE, D.NONE)},
            ("FITS", 0, 0, ()),
        ),
    ],
)
def test_grade_table_rows(
    domains: dict[str, tuple[Limitation, Demand]], expected: tuple[str, int, int, tuple[FunctionDomain, ...]]
) -> None:
    assert proposal(**domains) == expected


def _any_assessment() -> st.SearchStrategy[dict[str, tuple[Limitation | None, Demand | None]]]:
    return st.dictionaries(
        st.sampled_from([d.value.lower() for d in FunctionDomain]),
        st.tuples(st.none() | st.sampled_from(list(Limitation)), st.none() | st.sampled_from(list(Demand))),
    )


@given(_any_assessment())
def test_grade_range_is_one_of_the_table_ranges(domains: dict[str, Any]) -> None:
    p = grade_range(case(**domains))
    rated = [v for v in domains.values() if v[0] is not None and v[1] is not None]
    if not rated:
        assert p is None
        return
    assert p is not None
    assert (p.rule, p.low, p.high) in {
        ("FULL", 100, 100),
        ("TIME_MARKED", 40, 60),
        ("TIME_SOME", 20, 40),
        ("TASKS", 20, 50),
        ("TRAVEL", 0, 0),
        ("STRAIN", 0, 0),
        ("FITS", 0, 0),
    }
    has_gap = any(match_level(lim, dem) == GAP for lim, dem in rated)
    assert (p.high > 0) is (has_gap and p.rule != "TRAVEL")
    assert p.params["domains"] == [d.value for d in p.domains]


# ------------------------------------------------------------------------------------ texts, position


def test_text_with_position_percent() -> None:
    p = grade_range(case(position=80, working_hours=(L.MARKED, D.HIGH), sitting=(L.MARKED, D.HIGH)))
    assert p is not None
    assert p.work_share() == (32, 48)
    assert p.text("en") == (
        "Marked limitation in working hours against what the job asks: graded sick leave of about 40–60 %. "
        "The grade is a share of the patient's own 80 % position: the patient would work about 32–48 % of a "
        "full-time week."
    )
    assert p.text("nb") == (
        "Betydelig begrenset i arbeidstid sett mot det jobben krever: gradert sykmelding på ca. 40–60 %. "
        "Graden er en andel av pasientens egen stilling på 80 %: pasienten vil arbeide ca. 32–48 % av en "
        "heltidsuke."
    )
    assert p.text("nn") == (
        "Monaleg avgrensa i arbeidstid sett opp mot det jobben krev: gradert sjukmelding på ca. 40–60 %. "
        "Graden er ein del av den stillinga pasienten har, på 80 %: pasienten vil arbeide ca. 32–48 % av ei "
        "heiltidsveke."
    )


def test_text_without_position_percent() -> None:
    p = grade_range(case(position=None, lifting_carrying=(L.MARKED, D.HIGH), pace=(L.SOME, D.HIGH)))
    assert p is not None
    assert p.work_share() is None
    assert p.text("en") == (
        "The job asks more than the patient can give now in lifting and carrying, pace. Adjusted tasks can "
        "often meet this: graded sick leave of about 20–50 % while tasks are adjusted, or none if the employer "
        "can adjust fully. The grade is a share of the patient's own position (not recorded)."
    )


def test_text_full_and_zero_have_no_position_sentence() -> None:
    full = grade_range(case(position=60, working_hours=(L.NOT_POSSIBLE, D.MEDIUM)))
    assert full is not None
    assert full.text("en") == (
        "Not possible now in working hours: full sick leave (100 %) on function grounds. Reassess soon and "
        "plan a graded return."
    )
    travel = grade_range(case(position=60, travel_to_work=(L.NOT_POSSIBLE, D.HIGH)))
    assert travel is not None
    assert travel.text("nn") == (
        "Det einaste gapet er reise til jobben: vurder reisetilskot (ftrl § 8-14) eller ordna transport i "
        "staden for sjukmelding."
    )
    fits = grade_range(case(position=60, sitting=(L.NONE, D.HIGH)))
    assert fits is not None
    assert fits.text("nb") == (
        "Funksjonen svarer til det jobben krever på alle vurderte områder: sykmelding trengs ikke ut fra funksjon."
    )
    strain = grade_range(case(position=60, pace=(L.SOME, D.MEDIUM)))
    assert strain is not None
    assert strain.text("en") == (
        "No gap, but close to the limit in pace: no sick leave needed on function grounds. Consider an "
        "awaiting sick note (avventende) or adjustments at work."
    )


def test_to_json() -> None:
    p = grade_range(case(position=50, working_hours=(L.SOME, D.HIGH)))
    assert p is not None
    assert p.to_json("en") == {
        "low": 20,
        "high": 40,
        "rule": "TIME_SOME",
        "domains": ["WORKING_HOURS"],
        "position_percent": 50,
        "reason": "Some limitation in working hours against what the job asks: graded sick leave of about "
        "20–40 %. The grade is a share of the patient's own 50 % position: the patient would work about "
        "30–40 % of a full-time week.",
    }
    assert p.params == {
        "rule": "TIME_SOME",
        "domains": ["WORKING_HOURS"],
        "low": 20,
        "high": 40,
        "position_percent": 50,
    }


# ------------------------------------------------------------------------------------ neutral wording


def test_neutral_wording_per_limited_domain_in_order() -> None:
    wording = neutral_wording(
        assessment(
            working_hours=(L.SOME, D.HIGH),
            lifting_carrying=(L.MARKED, D.MEDIUM),
            sitting=(L.SOME, D.NONE),  # the job does not ask it: nothing for the employer
            pace=(L.NONE, D.HIGH),  # no limitation: nothing
            concentration_memory=(L.SOME, None),  # demand not rated: still useful to the employer
            hand_use=(None, D.HIGH),  # not rated: nothing
        )
    )
    assert wording == (
        "Should not lift more than about 5 kg.",
        "Should have fewer simultaneous tasks and clear priorities.",
        "Can work reduced hours, stepped up gradually.",
    )
    nb = translator("nb")
    assert [nb.gettext(w) for w in wording] == [
        "Bør ikke løfte mer enn ca. 5 kg.",
        "Bør ha færre samtidige oppgaver og tydelige prioriteringer.",
        "Kan arbeide redusert tid, trappes opp gradvis.",
    ]


def test_neutral_wording_without_assessment() -> None:
    assert neutral_wording(None) == ()
    assert neutral_wording(FunctionAssessment()) == ()


def test_a_phrase_for_every_domain_and_limitation() -> None:
    for domain in FunctionDomain:
        assert phrase(domain, L.NONE) is None
        assert set(PHRASES[domain]) == {L.SOME, L.MARKED, L.NOT_POSSIBLE}


ALL_PHRASES = [(d, lim, text) for d, by in PHRASES.items() for lim, text in by.items()]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_phrase_passes_the_firewall(lang: str) -> None:
    t = translator(lang)
    leaking = {
        f"{d.value}/{lim.value}: {t.gettext(text)}": check_text(t.gettext(text))
        for d, lim, text in ALL_PHRASES
        if check_text(t.gettext(text))
    }
    assert leaking == {}
    assert len(ALL_PHRASES) == 3 * len(FunctionDomain)


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_every_text_is_translated(lang: str) -> None:
    t = translator(lang)
    msgids = [text for _d, _l, text in ALL_PHRASES]
    msgids += [domain_label(d) for d in FunctionDomain]
    msgids += [limitation_label(lim) for lim in Limitation] + [demand_label(dem) for dem in Demand]
    msgids += [level_label(GAP), level_label(STRAIN)]
    untranslated = [m for m in msgids if t.gettext(m) == m]
    assert untranslated == []


def test_nynorsk_phrases_are_nynorsk() -> None:
    t = translator("nn")
    for _d, _l, text in ALL_PHRASES:
        words = set(t.gettext(text).lower().replace(";", " ").replace(",", " ").replace(".", " ").split())
        assert not words & {"ikke", "bare", "hjemme", "mye", "noen", "uten", "gjøre", "egne", "hvor"}, text


def test_graded_rows_start_at_the_payment_floor() -> None:
    floor = parameters().number("payment_floor_percent", dt.date(2026, 11, 23))
    assert floor == 20
    assert sorted({low for low, _high in _RANGES.values() if low > 0}) == [floor, 40, 100]


_SEVERITY = {None: 0, STRAIN: 1, GAP: 2}


@given(st.sampled_from(list(Limitation)), st.sampled_from(list(Demand)))
def test_match_is_monotone(limitation: Limitation, demand: Demand) -> None:
    """A worse limitation or a higher demand never gives a milder verdict."""
    here = _SEVERITY[match_level(limitation, demand)]
    limitations, demands = list(Limitation), list(Demand)
    for worse in limitations[limitations.index(limitation) :]:
        assert _SEVERITY[match_level(worse, demand)] >= here
    for higher in demands[demands.index(demand) :]:
        assert _SEVERITY[match_level(limitation, higher)] >= here
