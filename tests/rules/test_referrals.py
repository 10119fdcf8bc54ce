"""Referral catalogue and proposal rules: the data, and every proposal rule at, before and after each
of its thresholds (week, age, score), with exact reasons."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gp_tool.domain.assessment import Instrument, ScreeningResult
from gp_tool.domain.case import Case
from gp_tool.domain.casefile import parse_case
from gp_tool.i18n.catalog import LANGUAGES, translator
from gp_tool.i18n.maintenance import placeholders
from gp_tool.rules.referrals import (
    PROPOSAL_RULES,
    CatalogueDataError,
    Route,
    Suggestion,
    catalogue,
    facts,
    history,
    load_catalogue,
    option,
    proposal_rule,
    suggestions,
)
from gp_tool.rules.screening import score

START = dt.date(2026, 9, 1)  # a Tuesday; case_start of every case here
ROOT = Path(__file__).resolve().parents[2]


def day_of_week(week: int) -> dt.date:
    """The first day of week ``week`` of the case (week 1 = the case start)."""
    return START + dt.timedelta(days=7 * (week - 1))


# ------------------------------------------------------------------------------------ screening forms


def answers_for(instrument: Instrument, total: int) -> list[int]:
    """Answers whose score is exactly ``total`` (checked with the real scoring)."""
    info_items, highest = {
        Instrument.PHQ9: (9, 3),
        Instrument.GAD7: (7, 3),
        Instrument.WAS: (1, 10),
        Instrument.OMPSQ_SF: (10, 10),
    }[instrument]
    if instrument is Instrument.OMPSQ_SF:
        reverse = {2, 3, 7}
        # contribution c of item i: answer c, or 10 - c for a reversed item; item 0 starts at 1
        contributions = [1] + [0] * 9
        left = total - 1
        for i in range(10):
            add = min(left, 10 - contributions[i])
            contributions[i] += add
            left -= add
        answers = [10 - c if i in reverse else c for i, c in enumerate(contributions)]
    else:
        answers = []
        left = total
        for _ in range(info_items):
            a = min(left, highest)
            answers.append(a)
            left -= a
    got = score(ScreeningResult(instrument=instrument, date=START, answers=answers)).total  # type: ignore[arg-type]
    assert got == total, (instrument, total, got)
    return answers


def form(instrument: Instrument, total: int, when: dt.date, **extra: Any) -> dict[str, Any]:
    return {
        "instrument": instrument.value,
        "date": when.isoformat(),
        "answers": answers_for(instrument, total),
        **extra,
    }


# ---------------------------------------------------------------------------------------- case builder


def case_at(
    week: int | None = None,
    *,
    today: dt.date | None = None,
    code: tuple[str, str] = ("ICPC-2", "L03"),
    kind: str = "full",
    birth: str = "1985-05-05",
    employer: str = "Sykehjemmet AS",
    screening: list[dict[str, Any]] | None = None,
    plan: dict[str, Any] | None = None,
    function: dict[str, Any] | None = None,
    referrals: list[dict[str, Any]] | None = None,
    activity: dict[str, Any] | None = None,
    secondary: list[tuple[str, str]] | None = None,
    earlier: list[dict[str, Any]] | None = None,
    length: int = 14,
) -> tuple[Case, dt.date]:
    """A case on ``today`` (or the first day of ``week``) whose new note starts that day."""
    day = today if today is not None else day_of_week(week or 1)
    end = day + dt.timedelta(days=length - 1)
    period: dict[str, Any] = {"from": day.isoformat(), "to": end.isoformat()}
    if kind == "full":
        period["kind"] = "AKTIVITET_IKKE_MULIG"
    elif kind == "graded":
        period.update(kind="GRADERT", grade=50)
    else:
        period.update(kind="AVVENTENDE", advice_to_employer="Kan gjøre lette oppgaver.")
    doc: dict[str, Any] = {
        "format": "gp-tool/case",
        "version": 1,
        "patient": {"name": "Kari Nordmann", "birth_date": birth},
        "work": {
            "employer": employer,
            "occupation": "Helsefagarbeider",
            "position_percent": 100 if employer else None,
        },
        "case_start": START.isoformat(),
        "earlier_sick_notes": earlier or [],
        "sick_note": {
            "signed": day.isoformat(),
            "main_diagnosis": {"system": code[0], "code": code[1]},
            "secondary_diagnoses": [{"system": s, "code": c} for s, c in secondary or []],
            "periods": [period],
        },
        "screening": screening or [],
        "referrals": referrals or [],
    }
    for key, value in (("plan", plan), ("function", function), ("activity_requirement", activity)):
        if value is not None:
            doc[key] = value
    return parse_case(json.dumps(doc)), day


def propose(rule_id: str, case_day: tuple[Case, dt.date]) -> Suggestion | None:
    return proposal_rule(rule_id).propose(*case_day)


def reason(rule_id: str, case_day: tuple[Case, dt.date], lang: str = "en") -> str | None:
    found = propose(rule_id, case_day)
    return None if found is None else found.reason_text(lang)


def born_turning(age: int, on: dt.date, days_later: int = 0) -> str:
    """A birth date that makes the patient exactly ``age`` on ``on`` (or turn it ``days_later`` after)."""
    return (on.replace(year=on.year - age) + dt.timedelta(days=days_later)).isoformat()


GAP_LIFTING = {"domains": {"LIFTING_CARRYING": {"limitation": "MARKED", "demand": "HIGH"}}}
STRAIN_ONLY = {"domains": {"LIFTING_CARRYING": {"limitation": "SOME", "demand": "MEDIUM"}}}

# ------------------------------------------------------------------------------------------- the data


def test_catalogue_has_every_option_of_the_issue() -> None:
    assert [o.id for o in catalogue()] == [
        "fysioterapi",
        "frisklivssentral",
        "rask_psykisk_helsehjelp",
        "psykolog",
        "helse_i_arbeid",
        "arbeidsrettet_rehabilitering",
        "senter_for_jobbmestring",
        "ips",
        "jobbmestrende_oppfolging",
        "fontenehus",
        "bedriftshelsetjeneste",
        "ekspertbistand",
        "nav_arbeidslivssenter",
        "friskmelding_arbeidsformidling",
        "individuell_plan",
        "dialogmote_nav",
        "raskere_tilbake",
        "ny_medisinsk_vurdering",
    ]
    assert [o.id for o in history()] == ["raskere_tilbake", "ny_medisinsk_vurdering"]


@pytest.mark.parametrize("opt", catalogue(), ids=lambda o: o.id)
def test_every_option_is_complete_in_three_languages(opt: Any) -> None:
    for field in ("name", "target_group", "gp_should_know"):
        texts = getattr(opt, field)
        assert set(texts) == set(LANGUAGES)
        assert all(t.strip() for t in texts.values())
        assert texts["nb"] != texts["en"] or field == "name"
        assert opt.text(field, "nn") == texts["nn"]
    assert opt.source.startswith(("https://", "http://"))
    assert isinstance(opt.route, Route)
    assert opt.domain_ref


def test_routes_follow_the_domain_brief() -> None:
    routes = {o.id: o.route for o in catalogue()}
    assert routes["rask_psykisk_helsehjelp"] is Route.SELF_REFERRAL  # §5.3: no referral needed
    assert routes["fontenehus"] is Route.SELF_REFERRAL
    assert routes["fysioterapi"] is Route.SELF_REFERRAL  # direct access since 2018
    assert routes["helse_i_arbeid"] is Route.REFERRAL
    assert routes["arbeidsrettet_rehabilitering"] is Route.VIA_NAV
    assert routes["senter_for_jobbmestring"] is Route.VIA_NAV
    assert routes["ekspertbistand"] is Route.VIA_EMPLOYER  # the employer applies
    assert routes["nav_arbeidslivssenter"] is Route.VIA_EMPLOYER  # not a patient referral
    assert routes["bedriftshelsetjeneste"] is Route.VIA_EMPLOYER


def test_every_proposable_option_has_exactly_one_rule() -> None:
    proposable = [o for o in catalogue() if not o.history_only]
    assert [o.rule for o in proposable] == [r.id for r in PROPOSAL_RULES]
    assert [o.id for o in proposable] == [r.option_id for r in PROPOSAL_RULES]
    assert all(r.id.startswith("FORESLA_") for r in PROPOSAL_RULES)
    history_entry = option("raskere_tilbake")
    assert history_entry is not None
    assert history_entry.rule == ""
    assert option("local:fysio-sentrum") is None


@pytest.mark.parametrize("rule", PROPOSAL_RULES, ids=lambda r: r.id)
def test_rule_descriptions_are_translated(rule: Any) -> None:
    for lang in ("nb", "nn"):
        assert translator(lang).gettext(rule.description) != rule.description


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda o: o.update(route="BY_PIGEON"), "options[0].route: unknown route"),
        (lambda o: o["name"].pop("nn"), "options[0].name: needs exactly the languages"),
        (lambda o: o.update(source="helfo.no"), "options[0].source: the source must be a web address"),
        (lambda o: o.update(rule=""), "options[0].rule: a proposal rule id is required"),
        (lambda o: o.update(id="Fysio"), "options[0].id: lower-case letters"),
        (lambda o: o["thresholds"].update(min_week=-1), "options[0].thresholds.min_week: a threshold is"),
        (lambda o: o.update(extra=1), "options[0]: keys must be"),
        (
            lambda o: o["thresholds"].update(signal_instruments=["PHQ8"]),
            "options[0].thresholds.signal_instruments: values must be among",
        ),
        (
            lambda o: o["thresholds"].update(adjusting_kinds=["GRADED"]),
            "options[0].thresholds.adjusting_kinds: values must be among",
        ),
    ],
)
def test_malformed_catalogue_names_the_field(edit: Any, message: str) -> None:
    raw = json.loads(
        (ROOT / "gp_tool" / "resources" / "referrals" / "catalogue.json").read_text(encoding="utf-8")
    )
    edit(raw["options"][0])
    with pytest.raises(CatalogueDataError, match=re.escape(message)):
        load_catalogue(json.dumps(raw))


def test_history_is_never_proposed() -> None:
    # a case where every proposal rule that can fire does: none of them is history
    case, day = case_at(
        30,
        code=("ICPC-2", "P72"),
        referrals=[{"option": "psykolog", "status": "DONE"}, {"option": "fysioterapi", "status": "PLANNED"}],
    )
    ids = [s.option_id for s in suggestions(case, day)]
    assert "raskere_tilbake" not in ids
    assert "ny_medisinsk_vurdering" not in ids
    assert ids == [o.id for o in catalogue() if o.id in ids]  # catalogue order


# ------------------------------------------------------------------------- recorded options not again


@pytest.mark.parametrize(
    ("status", "proposed"), [("DONE", False), ("DECLINED", False), ("NOT_RELEVANT", False), ("PLANNED", True)]
)
def test_a_recorded_option_is_not_proposed_again(status: str, proposed: bool) -> None:
    record = {"option": "fysioterapi", "status": status, "date": "2026-09-02"}
    case, day = case_at(2, referrals=[record])
    assert ("fysioterapi" in [s.option_id for s in suggestions(case, day)]) is proposed


def test_the_latest_record_of_an_option_counts() -> None:
    records = [
        {"option": "fysioterapi", "status": "DECLINED"},
        {"option": "fysioterapi", "status": "PLANNED"},
    ]
    assert propose("FORESLA_FYSIOTERAPI", case_at(2, referrals=records)) is not None


def test_a_signal_the_gp_disagrees_with_is_not_used() -> None:
    agreed = case_at(2, screening=[form(Instrument.OMPSQ_SF, 60, day_of_week(2), gp_agrees=True)])
    doubted = case_at(2, screening=[form(Instrument.OMPSQ_SF, 60, day_of_week(2), gp_agrees=False)])
    assert propose("FORESLA_HELSE_I_ARBEID", agreed) is not None
    assert propose("FORESLA_HELSE_I_ARBEID", doubted) is None


# ------------------------------------------------------------------------------------ the proposal rules


def test_fysioterapi_from_week_1_for_chapter_l() -> None:
    assert reason("FORESLA_FYSIOTERAPI", case_at(1)) == (
        "Week 1 with a musculoskeletal diagnosis (L03): physiotherapy has direct access, no referral is needed for reimbursement."
    )
    # before the case start (week 0): not yet
    assert propose("FORESLA_FYSIOTERAPI", case_at(today=START - dt.timedelta(days=1))) is None
    assert propose("FORESLA_FYSIOTERAPI", case_at(2, code=("ICD-10", "M545"))) is not None  # ICD-10 M -> L
    assert propose("FORESLA_FYSIOTERAPI", case_at(2, code=("ICPC-2", "K86"))) is None
    assert propose("FORESLA_FYSIOTERAPI", case_at(2, code=("ICPC-2B", "L03.0002"))) is not None


def test_frisklivssentral_from_week_4_and_age_18() -> None:
    assert propose("FORESLA_FRISKLIVSSENTRAL", case_at(3)) is None
    assert reason("FORESLA_FRISKLIVSSENTRAL", case_at(4)) == (
        "Week 4 with a musculoskeletal diagnosis (L03), age 41: the healthy life centre supports physical activity, sleep and coping with health problems (frisklivsresept)."
    )
    assert propose("FORESLA_FRISKLIVSSENTRAL", case_at(5, code=("ICPC-2", "P76"))) is not None
    day = day_of_week(4)
    assert propose("FORESLA_FRISKLIVSSENTRAL", case_at(4, birth=born_turning(18, day))) is not None
    assert propose("FORESLA_FRISKLIVSSENTRAL", case_at(4, birth=born_turning(18, day, 1))) is None  # 17 today
    assert propose("FORESLA_FRISKLIVSSENTRAL", case_at(6, code=("ICPC-2", "R74"))) is None
    # a low-threshold first step, not one more service on top of treatment already planned or done
    for other in ("fysioterapi", "psykolog", "rask_psykisk_helsehjelp", "helse_i_arbeid"):
        for status, proposed in (
            ("PLANNED", False),
            ("DONE", False),
            ("DECLINED", True),
            ("NOT_RELEVANT", True),
        ):
            built = case_at(4, referrals=[{"option": other, "status": status}])
            assert (propose("FORESLA_FRISKLIVSSENTRAL", built) is not None) is proposed, (other, status)
    assert propose("FORESLA_FRISKLIVSSENTRAL", case_at(4, referrals=[{"option": "ips", "status": "DONE"}]))


def test_rask_psykisk_helsehjelp_from_age_16_for_chapter_p_or_a_signal() -> None:
    day = day_of_week(2)
    assert reason(
        "FORESLA_RASK_PSYKISK_HELSEHJELP", case_at(2, code=("ICPC-2", "P74"), birth=born_turning(16, day))
    ) == (
        "Week 2 with a mental health diagnosis (P74), age 16: free municipal help for mild to moderate anxiety and depression; the patient can contact it without a referral."
    )
    assert (
        propose(
            "FORESLA_RASK_PSYKISK_HELSEHJELP",
            case_at(2, code=("ICPC-2", "P74"), birth=born_turning(16, day, 1)),
        )
        is None
    )
    # a GAD-7 signal (cut-off 10) with another chapter
    assert reason(
        "FORESLA_RASK_PSYKISK_HELSEHJELP", case_at(2, screening=[form(Instrument.GAD7, 10, day)])
    ) == (
        "GAD-7 score 10 (cut-off 10), age 41: free municipal help for mild to moderate anxiety and depression; the patient can contact it without a referral."
    )
    assert (
        propose("FORESLA_RASK_PSYKISK_HELSEHJELP", case_at(2, screening=[form(Instrument.GAD7, 9, day)]))
        is None
    )
    # severe PHQ-9 (from 20) and psychosis are beyond mild to moderate
    p76 = ("ICPC-2", "P76")
    assert (
        propose(
            "FORESLA_RASK_PSYKISK_HELSEHJELP",
            case_at(2, code=p76, screening=[form(Instrument.PHQ9, 19, day)]),
        )
        is not None
    )
    assert (
        propose(
            "FORESLA_RASK_PSYKISK_HELSEHJELP",
            case_at(2, code=p76, screening=[form(Instrument.PHQ9, 20, day)]),
        )
        is None
    )
    assert propose("FORESLA_RASK_PSYKISK_HELSEHJELP", case_at(2, code=("ICPC-2", "P72"))) is None
    assert propose("FORESLA_RASK_PSYKISK_HELSEHJELP", case_at(2, code=("ICD-10", "F200"))) is None
    assert propose("FORESLA_RASK_PSYKISK_HELSEHJELP", case_at(2, code=("ICD-10", "F321"))) is not None


def test_psykolog_from_week_4_for_chapter_p_or_a_score_of_15() -> None:
    p = ("ICPC-2", "P76")
    assert propose("FORESLA_PSYKOLOG", case_at(3, code=p)) is None
    assert reason("FORESLA_PSYKOLOG", case_at(4, code=p)) == (
        "Week 4 with a mental health diagnosis (P76): consider treatment by a psychologist (municipal without a referral, specialist with a referral)."
    )
    day = day_of_week(2)
    assert reason("FORESLA_PSYKOLOG", case_at(2, screening=[form(Instrument.PHQ9, 15, day)])) == (
        "PHQ-9 score 15 (moderately severe from 15): consider treatment by a psychologist (municipal without a referral, specialist with a referral)."
    )
    assert propose("FORESLA_PSYKOLOG", case_at(2, screening=[form(Instrument.PHQ9, 14, day)])) is None
    assert propose("FORESLA_PSYKOLOG", case_at(2, screening=[form(Instrument.GAD7, 16, day)])) is not None
    # rapid mental health care or HelseIArbeid under way: not proposed on the week alone …
    for other in ("rask_psykisk_helsehjelp", "helse_i_arbeid"):
        for status, proposed in (("PLANNED", False), ("DONE", False), ("DECLINED", True)):
            built = case_at(4, code=p, referrals=[{"option": other, "status": status}])
            assert (propose("FORESLA_PSYKOLOG", built) is not None) is proposed, (other, status)
    # … but still on a moderately severe score
    rph = [{"option": "rask_psykisk_helsehjelp", "status": "DONE"}]
    assert propose(
        "FORESLA_PSYKOLOG",
        case_at(4, code=p, referrals=rph, screening=[form(Instrument.PHQ9, 15, day_of_week(4))]),
    )


def test_helse_i_arbeid_from_week_4_or_on_a_risk_signal() -> None:
    assert propose("FORESLA_HELSE_I_ARBEID", case_at(3)) is None
    assert reason("FORESLA_HELSE_I_ARBEID", case_at(4)) == (
        "Week 4 with a musculoskeletal diagnosis (L03): work-focused treatment in the specialist health service for common complaints that keep people out of work; refer as early as possible."
    )
    day = day_of_week(2)
    assert reason("FORESLA_HELSE_I_ARBEID", case_at(2, screening=[form(Instrument.OMPSQ_SF, 50, day)])) == (
        "ÖMPSQ-SF score 50 (cut-off 50) with a musculoskeletal diagnosis (L03): a risk signal for a long absence; work-focused treatment in the specialist health service, refer as early as possible."
    )
    assert (
        propose("FORESLA_HELSE_I_ARBEID", case_at(2, screening=[form(Instrument.OMPSQ_SF, 49, day)])) is None
    )
    # WAS: the signal is at or under 5
    assert propose("FORESLA_HELSE_I_ARBEID", case_at(2, screening=[form(Instrument.WAS, 5, day)])) is not None
    assert propose("FORESLA_HELSE_I_ARBEID", case_at(2, screening=[form(Instrument.WAS, 6, day)])) is None
    assert propose("FORESLA_HELSE_I_ARBEID", case_at(6, code=("ICPC-2", "P73"))) is None
    assert (
        propose(
            "FORESLA_HELSE_I_ARBEID",
            case_at(6, code=("ICPC-2", "P76"), screening=[form(Instrument.PHQ9, 20, day)]),
        )
        is None
    )
    assert propose("FORESLA_HELSE_I_ARBEID", case_at(6, code=("ICPC-2", "K86"))) is None


def test_arbeidsrettet_rehabilitering_from_week_8_with_poor_progress() -> None:
    assert propose("FORESLA_ARBEIDSRETTET_REHABILITERING", case_at(7)) is None
    assert reason("FORESLA_ARBEIDSRETTET_REHABILITERING", case_at(8)) == (
        "Week 8 with a musculoskeletal diagnosis (L03) and full sick leave still: suggest work-oriented rehabilitation in the message to NAV."
    )
    assert (
        propose("FORESLA_ARBEIDSRETTET_REHABILITERING", case_at(9, kind="graded", plan={"prognosis": "GOOD"}))
        is None
    )
    assert reason(
        "FORESLA_ARBEIDSRETTET_REHABILITERING", case_at(9, kind="graded", plan={"prognosis": "UNCERTAIN"})
    ) == (
        "Week 9 with a musculoskeletal diagnosis (L03) and an uncertain prognosis: suggest work-oriented rehabilitation in the message to NAV."
    )
    signal = [form(Instrument.OMPSQ_SF, 55, day_of_week(9))]
    assert reason("FORESLA_ARBEIDSRETTET_REHABILITERING", case_at(9, kind="graded", screening=signal)) == (
        "Week 9 with a musculoskeletal diagnosis (L03) and a risk signal on the pain screening (ÖMPSQ-SF): suggest work-oriented rehabilitation in the message to NAV."
    )
    assert propose("FORESLA_ARBEIDSRETTET_REHABILITERING", case_at(9, code=("ICPC-2", "K86"))) is None


def test_senter_for_jobbmestring_from_week_4_for_common_mental_problems() -> None:
    p = ("ICPC-2", "P74")
    assert propose("FORESLA_SENTER_FOR_JOBBMESTRING", case_at(3, code=p)) is None
    assert reason("FORESLA_SENTER_FOR_JOBBMESTRING", case_at(4, code=p)) == (
        "Week 4 with a mental health diagnosis (P74): NAV can offer work-focused cognitive therapy and job support at a centre for job coping; suggest it in the message to NAV."
    )
    assert propose("FORESLA_SENTER_FOR_JOBBMESTRING", case_at(5, code=p)) is not None
    assert propose("FORESLA_SENTER_FOR_JOBBMESTRING", case_at(5, code=("ICPC-2", "P98"))) is None
    assert propose("FORESLA_SENTER_FOR_JOBBMESTRING", case_at(5)) is None


def test_ips_for_serious_illness_a_score_of_15_or_long_full_leave() -> None:
    assert reason("FORESLA_IPS", case_at(1, code=("ICPC-2", "P15"))) == (
        "P15 is a serious mental illness or substance problem: ask whether the patient wants ordinary paid work, the only entry criterion for IPS."
    )
    assert propose("FORESLA_IPS", case_at(1, code=("ICD-10", "F102"))) is not None
    p = ("ICPC-2", "P76")
    day = day_of_week(3)
    assert reason("FORESLA_IPS", case_at(3, code=p, screening=[form(Instrument.PHQ9, 15, day)])) == (
        "PHQ-9 score 15 (moderately severe from 15): ask whether the patient wants ordinary paid work, the only entry criterion for IPS."
    )
    assert propose("FORESLA_IPS", case_at(3, code=p, screening=[form(Instrument.PHQ9, 14, day)])) is None
    assert propose("FORESLA_IPS", case_at(25, code=p)) is None
    assert reason("FORESLA_IPS", case_at(26, code=p)) == (
        "Week 26 of full sick leave with a mental health diagnosis (P76): ask whether the patient wants ordinary paid work, the only entry criterion for IPS."
    )
    assert propose("FORESLA_IPS", case_at(27, code=p)) is not None
    assert propose("FORESLA_IPS", case_at(30, code=p, kind="graded")) is None  # in work: not out of work
    assert propose("FORESLA_IPS", case_at(30)) is None  # chapter L


def test_jobbmestrende_oppfolging_from_week_8_for_psychosis() -> None:
    psychosis = ("ICPC-2", "P72")
    assert propose("FORESLA_JOBBMESTRENDE_OPPFOLGING", case_at(7, code=psychosis)) is None
    assert reason("FORESLA_JOBBMESTRENDE_OPPFOLGING", case_at(8, code=psychosis)) == (
        "Week 8 with P72, a psychotic or other serious mental illness: ask NAV or the psychiatric team about job-coping follow-up."
    )
    assert propose("FORESLA_JOBBMESTRENDE_OPPFOLGING", case_at(9, code=("ICD-10", "F311"))) is not None
    assert propose("FORESLA_JOBBMESTRENDE_OPPFOLGING", case_at(9, code=("ICPC-2", "P76"))) is None


def test_fontenehus_from_16_outside_work() -> None:
    p = ("ICPC-2", "P76")
    day = day_of_week(2)
    assert reason("FORESLA_FONTENEHUS", case_at(2, code=p, employer="", birth=born_turning(16, day))) == (
        "No employer recorded, a mental health diagnosis (P76), age 16: a clubhouse is a bridge between treatment and work; no referral is needed."
    )
    assert (
        propose("FORESLA_FONTENEHUS", case_at(2, code=p, employer="", birth=born_turning(16, day, 1))) is None
    )
    assert propose("FORESLA_FONTENEHUS", case_at(16, code=p)) is None
    assert reason("FORESLA_FONTENEHUS", case_at(17, code=p)) == (
        "Week 17 of full sick leave with a mental health diagnosis (P76), age 41: a clubhouse is a bridge between treatment and work; no referral is needed."
    )
    assert propose("FORESLA_FONTENEHUS", case_at(20, code=p, kind="graded")) is None
    assert propose("FORESLA_FONTENEHUS", case_at(20, employer="")) is None  # chapter L


def test_bedriftshelsetjeneste_for_a_gap_or_adjusted_leave_with_an_employer() -> None:
    assert reason("FORESLA_BEDRIFTSHELSETJENESTE", case_at(2, function=GAP_LIFTING)) == (
        "The job asks more than the patient can give now (Lifting and carrying): the occupational health service can assess the workplace and adjustments, through the employer."
    )
    assert (
        propose("FORESLA_BEDRIFTSHELSETJENESTE", case_at(2, function=STRAIN_ONLY)) is None
    )  # full, strain only
    assert reason("FORESLA_BEDRIFTSHELSETJENESTE", case_at(2, kind="graded")) == (
        "The new sick note is graded: the occupational health service can help with adjustments at work, through the employer."
    )
    assert propose("FORESLA_BEDRIFTSHELSETJENESTE", case_at(1, kind="awaiting")) is not None
    assert propose("FORESLA_BEDRIFTSHELSETJENESTE", case_at(2)) is None
    assert propose("FORESLA_BEDRIFTSHELSETJENESTE", case_at(2, kind="graded", employer="")) is None


def spell(start: dt.date, days: int) -> dict[str, Any]:
    end = start + dt.timedelta(days=days - 1)
    return {"signed": start.isoformat(), "main_diagnosis": {"system": "ICPC-2", "code": "L03"},
            "periods": [{"kind": "AKTIVITET_IKKE_MULIG", "from": start.isoformat(), "to": end.isoformat()}]}  # fmt: skip


def test_ekspertbistand_for_long_unsolved_or_recurring_absence() -> None:
    assert propose("FORESLA_EKSPERTBISTAND", case_at(7)) is None
    assert reason("FORESLA_EKSPERTBISTAND", case_at(8)) == (
        "Week 8 of the absence and full sick leave still: the employer can apply for a grant for expert assistance at the workplace, agreed with NAV and the patient."
    )
    assert propose("FORESLA_EKSPERTBISTAND", case_at(9, kind="graded", plan={"prognosis": "GOOD"})) is None
    assert propose("FORESLA_EKSPERTBISTAND", case_at(9, employer="")) is None
    # frequent: 3 spells (gaps of 16 days or more) ending within 365 days, the current one included
    day = day_of_week(2)
    two_before = [spell(day - dt.timedelta(days=200), 5), spell(day - dt.timedelta(days=100), 5)]
    assert reason("FORESLA_EKSPERTBISTAND", case_at(2, earlier=two_before)) == (
        "3 absences in the last 365 days: the employer can apply for a grant for expert assistance at the workplace, agreed with NAV and the patient."
    )
    one_too_old = [
        spell(day - dt.timedelta(days=370), 4),
        spell(day - dt.timedelta(days=100), 5),
    ]  # ended 367 days ago
    assert propose("FORESLA_EKSPERTBISTAND", case_at(2, earlier=one_too_old)) is None
    edge = [
        spell(day - dt.timedelta(days=369), 5),
        spell(day - dt.timedelta(days=100), 5),
    ]  # ended 365 days ago
    assert propose("FORESLA_EKSPERTBISTAND", case_at(2, earlier=edge)) is not None


def test_ekspertbistand_spells_join_across_gaps_under_16_days() -> None:
    day = day_of_week(2)
    earlier_end = day - dt.timedelta(days=16)  # 15 days between it and today: one spell with today's note
    joined = [spell(day - dt.timedelta(days=200), 5), spell(earlier_end - dt.timedelta(days=4), 5)]
    assert propose("FORESLA_EKSPERTBISTAND", case_at(2, earlier=joined)) is None
    apart = [spell(day - dt.timedelta(days=200), 5), spell(earlier_end - dt.timedelta(days=5), 5)]  # 16 days
    assert propose("FORESLA_EKSPERTBISTAND", case_at(2, earlier=apart)) is not None


def test_nav_arbeidslivssenter_from_week_8_in_a_difficult_case() -> None:
    assert propose("FORESLA_NAV_ARBEIDSLIVSSENTER", case_at(7)) is None
    assert reason("FORESLA_NAV_ARBEIDSLIVSSENTER", case_at(8)) == (
        "Week 8 and full sick leave still: the employer can ask NAV Arbeidslivssenter for help with the case (not a patient referral)."
    )
    assert reason("FORESLA_NAV_ARBEIDSLIVSSENTER", case_at(9, kind="graded", plan={"prognosis": "POOR"})) == (
        "Week 9 and a poor prognosis: the employer can ask NAV Arbeidslivssenter for help with the case (not a patient referral)."
    )
    assert propose("FORESLA_NAV_ARBEIDSLIVSSENTER", case_at(9, kind="graded")) is None
    assert propose("FORESLA_NAV_ARBEIDSLIVSSENTER", case_at(9, employer="")) is None


NOT_POSSIBLE = {
    "domains": {"LIFTING_CARRYING": {"limitation": "NOT_POSSIBLE", "demand": "HIGH"}},
    "possible_tasks": ["Oppmåling og kalkulasjon"],
}


def test_friskmelding_til_arbeidsformidling_from_week_17() -> None:
    poor = {"prognosis": "POOR"}
    assert (
        propose("FORESLA_FRISKMELDING_ARBEIDSFORMIDLING", case_at(16, function=NOT_POSSIBLE, plan=poor))
        is None
    )
    found = propose("FORESLA_FRISKMELDING_ARBEIDSFORMIDLING", case_at(17, function=NOT_POSSIBLE, plan=poor))
    assert found is not None
    assert found.reason_text("en") == (
        f"Week 17: Lifting and carrying not possible against the job's demands while other work is possible, and {found.params['weeks']} weeks remain to the last day of sickness benefit (at least 12 needed): consider a fit note for job placement."
    )
    assert (
        propose(
            "FORESLA_FRISKMELDING_ARBEIDSFORMIDLING",
            case_at(17, function=NOT_POSSIBLE, plan={"prognosis": "GOOD"}),
        )
        is None
    )
    marked = {**NOT_POSSIBLE, "domains": {"LIFTING_CARRYING": {"limitation": "MARKED", "demand": "HIGH"}}}
    assert propose("FORESLA_FRISKMELDING_ARBEIDSFORMIDLING", case_at(17, function=marked, plan=poor)) is None
    no_tasks = {**NOT_POSSIBLE, "possible_tasks": []}
    assert (
        propose("FORESLA_FRISKMELDING_ARBEIDSFORMIDLING", case_at(17, function=no_tasks, plan=poor)) is None
    )
    assert (
        propose(
            "FORESLA_FRISKMELDING_ARBEIDSFORMIDLING", case_at(17, function=no_tasks, plan=poor, kind="graded")
        )
        is not None
    )


def test_friskmelding_needs_12_weeks_left_to_the_last_day() -> None:
    def at(day: dt.date) -> tuple[Case, dt.date]:
        earlier = [{"signed": START.isoformat(), "main_diagnosis": {"system": "ICPC-2", "code": "L86"},
                    "periods": [{"kind": "GRADERT", "grade": 50, "from": START.isoformat(),
                                 "to": (day - dt.timedelta(days=1)).isoformat()}]}]  # fmt: skip
        return case_at(
            today=day, function=NOT_POSSIBLE, plan={"prognosis": "POOR"}, kind="graded", earlier=earlier
        )

    probe = at(day_of_week(30))
    max_date = facts(*probe).timeline.max_date.date
    twelve = max_date - dt.timedelta(days=84)  # exactly 12 weeks left
    assert (facts(*at(twelve)).timeline.max_date.date - twelve).days == 84
    found = propose("FORESLA_FRISKMELDING_ARBEIDSFORMIDLING", at(twelve))
    assert found is not None
    assert found.params["weeks"] == 12
    assert (
        propose("FORESLA_FRISKMELDING_ARBEIDSFORMIDLING", at(twelve + dt.timedelta(days=1))) is None
    )  # 11 weeks 6 days
    thirteen = propose("FORESLA_FRISKMELDING_ARBEIDSFORMIDLING", at(twelve - dt.timedelta(days=7)))
    assert thirteen is not None
    assert thirteen.params["weeks"] == 13


def test_individuell_plan_from_week_17_when_complex() -> None:
    two = [{"option": "psykolog", "status": "DONE"}, {"option": "local:kommunal-fysio", "status": "PLANNED"}]
    assert propose("FORESLA_INDIVIDUELL_PLAN", case_at(16, referrals=two)) is None
    assert reason("FORESLA_INDIVIDUELL_PLAN", case_at(17, referrals=two)) == (
        "Week 17 and several services involved: a patient with long-term, coordinated needs has a right to an individual plan; contact the municipality's coordinating unit."
    )
    one = [*two[:1], {"option": "ips", "status": "DECLINED"}]
    assert propose("FORESLA_INDIVIDUELL_PLAN", case_at(18, referrals=one)) is None
    assert reason("FORESLA_INDIVIDUELL_PLAN", case_at(18, secondary=[("ICPC-2", "P76")])) == (
        "Week 18 and more than one diagnosis: a patient with long-term, coordinated needs has a right to an individual plan; contact the municipality's coordinating unit."
    )
    assert propose("FORESLA_INDIVIDUELL_PLAN", case_at(18, code=("ICPC-2", "P72"))) is not None
    assert propose("FORESLA_INDIVIDUELL_PLAN", case_at(18)) is None


def test_dialogue_meeting_request_from_week_8_until_week_26() -> None:
    assert propose("FORESLA_DIALOGMOTE_NAV", case_at(7)) is None
    assert reason("FORESLA_DIALOGMOTE_NAV", case_at(8)) == (
        "Week 8 and no dialogue meeting 1 recorded: you can ask NAV for a dialogue meeting before NAV calls dialogue meeting 2 in week 26."
    )
    assert propose("FORESLA_DIALOGMOTE_NAV", case_at(25)) is not None
    assert propose("FORESLA_DIALOGMOTE_NAV", case_at(26)) is None  # NAV calls it now
    held = {"dialogue_meeting_held": True}
    assert (
        propose(
            "FORESLA_DIALOGMOTE_NAV", case_at(10, kind="graded", activity=held, plan={"prognosis": "GOOD"})
        )
        is None
    )
    assert reason("FORESLA_DIALOGMOTE_NAV", case_at(10, activity=held)) == (
        "Week 10 and full sick leave still: ask NAV for an early dialogue meeting (NAV calls dialogue meeting 2 in week 26)."
    )
    assert (
        propose("FORESLA_DIALOGMOTE_NAV", case_at(10, activity={"ask_nav_for_dialogue_meeting": True}))
        is None
    )
    assert propose("FORESLA_DIALOGMOTE_NAV", case_at(10, employer="")) is None


# ----------------------------------------------------------------------------------- texts and JSON


def test_reasons_are_translated_with_the_same_placeholders() -> None:
    case_day = case_at(8)
    found = suggestions(*case_day)
    assert found
    for s in found:
        for lang in ("nb", "nn"):
            translated = translator(lang).gettext(s.reason)
            assert translated != s.reason, (s.rule, lang)
            assert placeholders(translated) == placeholders(s.reason)
    dm = propose("FORESLA_DIALOGMOTE_NAV", case_day)
    assert dm is not None
    assert dm.reason_text("nn").startswith("Veke 8")
    assert dm.reason_text("nb").startswith("Uke 8")


def test_suggestion_json_is_the_contract() -> None:
    found = propose("FORESLA_FYSIOTERAPI", case_at(2))
    assert found is not None
    assert found.to_json("en") == {
        "id": "fysioterapi",
        "reason": "Week 2 with a musculoskeletal diagnosis (L03): physiotherapy has direct access, no referral is needed for reimbursement.",
        "source": "https://helfo.no/fysioterapeut/regelverk-og-takster-for-fysioterapeut/regelverk-for-fysioterapeut",
    }
    assert found.trace()["rule"] == "FORESLA_FYSIOTERAPI"


# ------------------------------------------------------------------------------------- docs/proposals.md


def _proposals_doc() -> Any:
    spec = importlib.util.spec_from_file_location("proposals_doc", ROOT / "scripts" / "proposals_doc.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_proposals_md_is_current() -> None:
    text = _proposals_doc().proposals_document()
    assert (ROOT / "docs" / "proposals.md").read_text(encoding="utf-8") == text, (
        "docs/proposals.md is stale: run python scripts/proposals_doc.py"
    )
    for rule in PROPOSAL_RULES:
        assert f"`{rule.id}`" in text


# ------------------------------------------------------------------------------------------ properties

_CODES = [
    ("ICPC-2", "L03"),
    ("ICPC-2", "P76"),
    ("ICPC-2", "P72"),
    ("ICD-10", "F432"),
    ("ICPC-2", "R74"),
    ("ICPC-2", "P03"),
]
_OPTION_IDS = [o.id for o in catalogue()]


@settings(max_examples=60, deadline=None)
@given(
    week=st.integers(min_value=1, max_value=60),
    code=st.sampled_from(_CODES),
    kind=st.sampled_from(["full", "graded", "awaiting"]),
    employer=st.sampled_from(["", "Sykehjemmet AS"]),
    statuses=st.dictionaries(
        st.sampled_from(_OPTION_IDS), st.sampled_from(["PLANNED", "DONE", "DECLINED", "NOT_RELEVANT"])
    ),
    phq9=st.none() | st.integers(min_value=0, max_value=27),
)
def test_suggestions_never_repeat_closed_or_history_options(
    week: int, code: tuple[str, str], kind: str, employer: str, statuses: dict[str, str], phq9: int | None
) -> None:
    day = day_of_week(week)
    screening = [] if phq9 is None else [form(Instrument.PHQ9, phq9, day)]
    referrals = [{"option": k, "status": v} for k, v in statuses.items()]
    kind = "awaiting" if kind == "awaiting" and week > 2 else kind
    found = suggestions(
        *case_at(week, code=code, kind=kind, employer=employer, screening=screening, referrals=referrals)
    )
    ids = [s.option_id for s in found]
    closed = {k for k, v in statuses.items() if v != "PLANNED"}
    assert not set(ids) & closed
    assert not set(ids) & {o.id for o in history()}
    assert ids == [i for i in _OPTION_IDS if i in ids]
    assert len(ids) == len(set(ids))
    for s in found:
        assert s.source == option(s.option_id).source  # type: ignore[union-attr]
        for lang in LANGUAGES:
            assert "{" not in s.reason_text(lang)
        if not employer:
            assert option(s.option_id).route is not Route.VIA_EMPLOYER  # type: ignore[union-attr]


# ----------------------------------------------------------------- the thresholds, after each boundary


def _at(week: int) -> dt.date:
    return day_of_week(week)


P76 = ("ICPC-2", "P76")
AFTER = [
    ("FORESLA_RASK_PSYKISK_HELSEHJELP", {"screening": [form(Instrument.GAD7, 11, _at(2))]}, 2, True),
    (
        "FORESLA_RASK_PSYKISK_HELSEHJELP",
        {"code": P76, "screening": [form(Instrument.PHQ9, 21, _at(2))]},
        2,
        False,
    ),
    ("FORESLA_RASK_PSYKISK_HELSEHJELP", {"code": P76, "birth": born_turning(17, _at(2))}, 2, True),
    ("FORESLA_PSYKOLOG", {"code": P76}, 5, True),
    ("FORESLA_PSYKOLOG", {"screening": [form(Instrument.PHQ9, 16, _at(2))]}, 2, True),
    ("FORESLA_HELSE_I_ARBEID", {}, 5, True),
    ("FORESLA_HELSE_I_ARBEID", {"screening": [form(Instrument.OMPSQ_SF, 51, _at(2))]}, 2, True),
    ("FORESLA_HELSE_I_ARBEID", {"screening": [form(Instrument.WAS, 4, _at(2))]}, 2, True),
    ("FORESLA_IPS", {"code": P76, "screening": [form(Instrument.PHQ9, 16, _at(3))]}, 3, True),
    ("FORESLA_FONTENEHUS", {"code": P76, "employer": "", "birth": born_turning(17, _at(2))}, 2, True),
    ("FORESLA_FONTENEHUS", {"code": P76}, 18, True),
    ("FORESLA_EKSPERTBISTAND", {}, 9, True),
    (
        "FORESLA_FRISKMELDING_ARBEIDSFORMIDLING",
        {"function": NOT_POSSIBLE, "plan": {"prognosis": "POOR"}},
        18,
        True,
    ),
    ("FORESLA_DIALOGMOTE_NAV", {}, 27, False),
    ("FORESLA_DIALOGMOTE_NAV", {}, 9, True),
    ("FORESLA_JOBBMESTRENDE_OPPFOLGING", {"code": ("ICPC-2", "P72")}, 9, True),
    ("FORESLA_NAV_ARBEIDSLIVSSENTER", {}, 9, True),
    ("FORESLA_ARBEIDSRETTET_REHABILITERING", {}, 9, True),
    ("FORESLA_FRISKLIVSSENTRAL", {"birth": born_turning(19, _at(4))}, 4, True),
]


@pytest.mark.parametrize(
    ("rule", "kwargs", "week", "expected"), AFTER, ids=[f"{r[0]}-{i}" for i, r in enumerate(AFTER)]
)
def test_after_each_threshold(rule: str, kwargs: dict[str, Any], week: int, expected: bool) -> None:
    assert (propose(rule, case_at(week, **kwargs)) is not None) is expected


def test_recurring_absence_window_ends_at_365_days() -> None:
    day = day_of_week(2)
    older = [
        spell(day - dt.timedelta(days=370), 5),
        spell(day - dt.timedelta(days=100), 5),
    ]  # ended 366 days ago
    assert propose("FORESLA_EKSPERTBISTAND", case_at(2, earlier=older)) is None
