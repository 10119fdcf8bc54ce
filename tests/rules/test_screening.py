"""Screening instruments: each scored against worked examples built from its published scoring rule.

Sources of the examples (see gp_tool/resources/screening/SOURCES.md):

* ÖMPSQ-SF - the scoring instructions printed on the short form (Linton, Nicholas & MacDonald 2011,
  Spine 36:1891-5): item 1 scores its duration category 1-10, items 3, 4 and 8 score 10 minus the
  answer, the others the answer; total 1-100; cut-off 50. The form's extremes (1 and 100) are also the
  minimum/maximum examples of awell-health/awell-score's ompq_10 tests.
* WAS - Ilmarinen 2007 (the item) and El Fassi et al. 2013 (bands poor 0-5, moderate 6-7, good 8-9,
  excellent 10).
* PHQ-9 - Kroenke, Spitzer & Williams 2001 and the PHQ instruction manual (sum 0-27, bands 5/10/15/20,
  >= 10 the usual cut-off); blank items: NHS Data Dictionary (one or two blank items take the mean of
  the others; more: no score).
* GAD-7 - Spitzer et al. 2006 (sum 0-21, bands 5/10/15, >= 10 the cut-off).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from gp_tool.domain.assessment import INSTRUMENT_ITEMS, EnteredBy, Instrument, ScreeningResult
from gp_tool.domain.case import Case
from gp_tool.domain.casefile import parse_case
from gp_tool.i18n.catalog import LANGUAGES, translator
from gp_tool.rules.screening import (
    ScreeningDataError,
    instrument_info,
    instruments,
    latest_scores,
    load_instruments,
    score,
)

DAY = dt.date(2026, 9, 14)


def form(instrument: Instrument, answers: Sequence[int | None], **extra: Any) -> ScreeningResult:
    return ScreeningResult(instrument=instrument, date=extra.pop("date", DAY), answers=list(answers), **extra)


def total(instrument: Instrument, answers: list[int | None]) -> int | None:
    return score(form(instrument, answers)).total


# ------------------------------------------------------------------------------------------ ÖMPSQ-SF

OMPSQ = Instrument.OMPSQ_SF


def test_ompsq_reversed_items_are_3_4_and_8_of_the_form() -> None:
    info = instrument_info(OMPSQ)
    assert info.reverse_items == frozenset({2, 3, 7})  # 0-based: light work, sleep, chances in 3 months
    assert info.items[2].text_in("en") == "I can do light work for an hour."
    assert info.items[3].text_in("en") == "I can sleep at night."
    assert (
        info.items[7].text_in("en").startswith("In your estimation, what are the chances you will be working")
    )
    assert (info.maximum, info.cut_off, info.higher_is_worse) == (100, 50, True)


@pytest.mark.parametrize(
    ("answers", "expected", "what"),
    [
        # every 0-10 answer 0, duration 0-1 week: 1 + (10 - 0) x 3 reversed items = 31
        ([1, 0, 0, 0, 0, 0, 0, 0, 0, 0], 31, "all zero: duration category + 10 for each reversed item"),
        # the form's minimum: shortest duration, able to do everything, certain of working in 3 months
        ([1, 0, 10, 10, 0, 0, 0, 10, 0, 0], 1, "minimum of the form"),
        # the form's maximum
        ([10, 10, 0, 0, 10, 10, 10, 0, 10, 10], 100, "maximum of the form"),
        # "6-8 weeks" is duration category 5; pain 6; light work 4 -> 6; sleep 3 -> 7; tense 5; depressed 2;
        # risk 7; chances 5 -> 5; stop when pain 8; should not work 6: 5+6+6+7+5+2+7+5+8+6 = 57
        ([5, 6, 4, 3, 5, 2, 7, 5, 8, 6], 57, "mixed form, 6-8 weeks"),
    ],
)
def test_ompsq_worked_examples(answers: list[int | None], expected: int, what: str) -> None:
    assert total(OMPSQ, answers) == expected, what


@pytest.mark.parametrize(
    ("last_answer", "expected", "band", "signal"),
    [(4, 49, "LOW", False), (5, 50, "HIGH", True), (6, 51, "HIGH", True)],
)
def test_ompsq_cut_off_50(last_answer: int, expected: int, band: str, signal: bool) -> None:
    # 5 + 6 + 6 + 7 + 5 + 2 + 7 + 5 + 2 = 45 before the last item
    result = score(form(OMPSQ, [5, 6, 4, 3, 5, 2, 7, 5, 2, last_answer]))
    assert result.total == expected
    assert result.band is not None
    assert result.band.id == band
    assert result.signal is signal


def test_ompsq_item_scores_show_the_reversal() -> None:
    result = score(form(OMPSQ, [5, 6, 4, 3, 5, 2, 7, 5, 8, 6]))
    assert result.item_scores == (5, 6, 6, 7, 5, 2, 7, 5, 8, 6)


def test_ompsq_blank_item_gives_no_total() -> None:
    result = score(form(OMPSQ, [5, 6, 4, 3, None, 2, 7, 5, 8, 6]))
    assert (result.total, result.band, result.signal, result.missing, result.prorated) == (
        None,
        None,
        False,
        1,
        False,
    )


def test_ompsq_duration_zero_is_not_a_category() -> None:
    # the case file refuses it (answer 1 is a duration category, 1–10), naming the item
    with pytest.raises(ValidationError) as refused:
        form(OMPSQ, [0, 6, 4, 3, 5, 2, 7, 5, 8, 6])
    assert refused.value.errors()[0]["type"] == "screening_item_range"
    assert refused.value.errors()[0]["ctx"] == {
        "item": 1,
        "instrument": "OMPSQ_SF",
        "lowest": 1,
        "highest": 10,
    }
    # and the scorer, handed a model built without validation, still treats it as blank
    unchecked = ScreeningResult.model_construct(
        instrument=OMPSQ, date=DAY, answers=[0, 6, 4, 3, 5, 2, 7, 5, 8, 6], entered_by=EnteredBy.GP
    )
    result = score(unchecked)
    assert (result.total, result.missing) == (None, 1)
    assert result.item_scores[0] is None


# ----------------------------------------------------------------------------------------------- WAS


@pytest.mark.parametrize(
    ("answer", "band", "signal"),
    [
        (0, "POOR", True),
        (5, "POOR", True),
        (6, "MODERATE", False),
        (7, "MODERATE", False),
        (8, "GOOD", False),
        (9, "GOOD", False),
        (10, "EXCELLENT", False),
    ],
)
def test_was_bands_and_signal_when_poor(answer: int, band: str, signal: bool) -> None:
    result = score(form(Instrument.WAS, [answer]))
    assert result.total == answer
    assert result.band is not None
    assert result.band.id == band
    assert result.signal is signal


def test_was_blank_gives_no_total() -> None:
    result = score(form(Instrument.WAS, [None]))
    assert (result.total, result.missing, result.signal) == (None, 1, False)


# --------------------------------------------------------------------------------------------- PHQ-9

PHQ9 = Instrument.PHQ9


def _phq(total_wanted: int) -> list[int | None]:
    """Nine answers 0-3 adding up to ``total_wanted`` (filled from the first item)."""
    answers: list[int | None] = []
    left = total_wanted
    for _ in range(9):
        answers.append(min(3, left))
        left -= min(3, left)
    return answers


@pytest.mark.parametrize(
    ("value", "band", "signal"),
    [
        (0, "MINIMAL", False),
        (4, "MINIMAL", False),
        (5, "MILD", False),
        (9, "MILD", False),
        (10, "MODERATE", True),
        (14, "MODERATE", True),
        (15, "MODERATELY_SEVERE", True),
        (19, "MODERATELY_SEVERE", True),
        (20, "SEVERE", True),
        (27, "SEVERE", True),
    ],
)
def test_phq9_bands_and_cut_off(value: int, band: str, signal: bool) -> None:
    result = score(form(PHQ9, _phq(value)))
    assert result.total == value
    assert result.band is not None
    assert result.band.id == band
    assert result.signal is signal


def test_phq9_worked_example_sum_of_columns() -> None:
    # the manual's method: count the ticks per column, multiply by 0/1/2/3 and add:
    # 2 x "several days" + 3 x "more than half the days" + 1 x "nearly every day" = 2 + 6 + 3 = 11
    assert total(PHQ9, [1, 2, 0, 2, 1, 3, 2, 0, 0]) == 11


@pytest.mark.parametrize(
    ("answers", "expected", "missing"),
    [
        # one blank: 8 answered add up to 12, mean 1.5 stands in: 12 x 9 / 8 = 13.5 -> 14 (half up)
        ([2, 2, 1, 2, 1, 2, 1, 1, None], 14, 1),
        # two blank: 7 answered add up to 7, mean 1: 7 x 9 / 7 = 9
        ([1, 1, 1, 1, 1, 1, 1, None, None], 9, 2),
        # one blank below a boundary: 8 answered add up to 8 -> 9 (mild, no signal)
        ([1, 1, 1, 1, 1, 1, 1, 1, None], 9, 1),
        # three blank: no total
        ([3, 3, 3, 3, 3, 3, None, None, None], None, 3),
    ],
)
def test_phq9_blank_items_nhs_rule(answers: list[int | None], expected: int | None, missing: int) -> None:
    result = score(form(PHQ9, answers))
    assert (result.total, result.missing, result.prorated) == (expected, missing, expected is not None)


def test_phq9_prorated_total_can_reach_the_signal() -> None:
    # 8 answered add up to 9: 9 x 9 / 8 = 10.125 -> 10: moderate, signal
    result = score(form(PHQ9, [2, 1, 1, 1, 1, 1, 1, 1, None]))
    assert (result.total, result.signal) == (10, True)
    assert result.band is not None
    assert result.band.id == "MODERATE"


# --------------------------------------------------------------------------------------------- GAD-7

GAD7 = Instrument.GAD7


@pytest.mark.parametrize(
    ("answers", "band", "signal"),
    [
        ([0, 0, 0, 0, 0, 0, 0], "MINIMAL", False),
        ([1, 1, 1, 1, 0, 0, 0], "MINIMAL", False),
        ([1, 1, 1, 1, 1, 0, 0], "MILD", False),
        ([2, 2, 2, 1, 1, 1, 0], "MILD", False),
        ([2, 2, 2, 1, 1, 1, 1], "MODERATE", True),
        ([2, 2, 2, 2, 2, 2, 2], "MODERATE", True),
        ([3, 2, 2, 2, 2, 2, 2], "SEVERE", True),
        ([3, 3, 3, 3, 3, 3, 3], "SEVERE", True),
    ],
)
def test_gad7_bands_and_cut_off(answers: list[int | None], band: str, signal: bool) -> None:
    result = score(form(GAD7, answers))
    assert result.total == sum(a for a in answers if a is not None)
    assert result.band is not None
    assert result.band.id == band
    assert result.signal is signal


def test_gad7_boundaries_exact() -> None:
    assert [score(form(GAD7, a)).total for a in ([1, 1, 1, 1, 0, 0, 0], [1, 1, 1, 1, 1, 0, 0])] == [4, 5]
    assert [score(form(GAD7, a)).total for a in ([2, 2, 2, 1, 1, 1, 0], [2, 2, 2, 1, 1, 1, 1])] == [9, 10]
    assert [score(form(GAD7, a)).total for a in ([2, 2, 2, 2, 2, 2, 2], [3, 2, 2, 2, 2, 2, 2])] == [14, 15]


def test_gad7_blank_item_gives_no_total() -> None:
    result = score(form(GAD7, [3, 3, 3, 3, 3, 3, None]))
    assert (result.total, result.missing, result.signal, result.prorated) == (None, 1, False, False)


# ----------------------------------------------------------------------------------------- properties


@st.composite
def filled_forms(draw: st.DrawFn) -> ScreeningResult:
    instrument = draw(st.sampled_from(list(Instrument)))
    count, highest = INSTRUMENT_ITEMS[instrument]
    info = instrument_info(instrument)
    answers: list[int | None] = [draw(st.integers(item.minimum, highest)) for item in info.items]
    assert len(answers) == count
    return form(instrument, answers)


@given(filled_forms())
def test_complete_forms_score_within_range_with_matching_band_and_signal(result: ScreeningResult) -> None:
    info = instrument_info(result.instrument)
    scored = score(result)
    assert scored.total is not None
    assert 0 <= scored.total <= info.maximum
    assert scored.band is not None
    assert scored.band.low <= scored.total <= scored.band.high
    assert info.cut_off is not None
    expected_signal = scored.total >= info.cut_off if info.higher_is_worse else scored.total <= info.cut_off
    assert scored.signal is expected_signal
    reversed_sum = sum(
        (item.maximum - a) if i in info.reverse_items else a
        for i, (item, a) in enumerate(zip(info.items, result.answers, strict=True))
        if a is not None
    )
    assert scored.total == reversed_sum
    assert (scored.missing, scored.prorated) == (0, False)


# ------------------------------------------------------------------------------------- json, summary


def test_to_json_exact() -> None:
    result = score(form(PHQ9, [1, 2, 0, 2, 1, 3, 2, 0, 0], gp_agrees=True, entered_by=EnteredBy.PATIENT))
    assert result.to_json("nb") == {
        "instrument": "PHQ9",
        "short_name": "PHQ-9",
        "date": "2026-09-14",
        "score": 11,
        "max": 27,
        "band": "MODERATE",
        "band_label": "Moderat",
        "signal": True,
        "missing": 0,
        "prorated": False,
        "gp_agrees": True,
        "entered_by": "PATIENT",
    }


def test_to_json_unscored() -> None:
    data = score(form(GAD7, [None] * 7)).to_json("en")
    assert (data["score"], data["band"], data["band_label"], data["signal"], data["missing"]) == (
        None,
        None,
        None,
        False,
        7,
    )


def test_summary_texts() -> None:
    scored = score(form(PHQ9, [1, 2, 0, 2, 1, 3, 2, 0, 0], gp_agrees=False))
    assert scored.summary("en") == (
        "PHQ-9: 11 of 27 (moderate). Signal: at or above the cut-off of 10. The GP does not agree with the signal."
    )
    assert scored.summary("nb") == (
        "PHQ-9: 11 av 27 (moderat). Signal: på eller over grenseverdien 10. Legen er ikke enig i signalet."
    )
    assert scored.summary("nn") == (
        "PHQ-9: 11 av 27 (moderat). Signal: på eller over grenseverdien 10. Legen er ikkje samd i signalet."
    )
    was = score(form(Instrument.WAS, [4], gp_agrees=True))
    assert was.summary("en") == "WAS: 4 of 10 (poor). Signal: at or below 5. The GP agrees with the signal."
    assert score(form(Instrument.WAS, [8])).summary("en") == "WAS: 8 of 10 (good). No signal."
    prorated = score(form(PHQ9, [2, 2, 1, 2, 1, 2, 1, 1, None]))
    assert prorated.summary("en") == (
        "PHQ-9: 14 of 27 (moderate). 1 blank item counted at the mean of the others. "
        "Signal: at or above the cut-off of 10."
    )
    assert (
        score(form(GAD7, [1, None, 1, 1, 1, None, 1])).summary("en") == "GAD-7: not scored (2 items blank)."
    )
    assert (
        score(form(GAD7, [1, None, 1, 1, 1, 1, 1])).summary("nn")
        == "GAD-7: ikkje skåra (1 spørsmål står tomt)."
    )


# --------------------------------------------------------------------------------------- latest_scores


def _case(screening: list[dict[str, Any]]) -> Case:
    doc = {
        "format": "gp-tool/case",
        "version": 1,
        "patient": {"name": "Kari Nordmann", "birth_date": "1985-05-05"},
        "sick_note": {
            "signed": "2026-09-01",
            "main_diagnosis": {"system": "ICPC-2", "code": "L03"},
            "periods": [{"kind": "AKTIVITET_IKKE_MULIG", "from": "2026-09-01", "to": "2026-09-14"}],
        },
        "screening": screening,
    }
    return parse_case(json.dumps(doc))


def test_latest_scores_newest_per_instrument_in_instrument_order() -> None:
    case = _case(
        [
            {"instrument": "GAD7", "date": "2026-09-01", "answers": [1, 1, 1, 1, 1, 1, 1]},
            {"instrument": "PHQ9", "date": "2026-09-10", "answers": [3, 3, 3, 3, 3, 3, 3, 3, 3]},
            {"instrument": "PHQ9", "date": "2026-09-01", "answers": [0, 0, 0, 0, 0, 0, 0, 0, 0]},
            {"instrument": "WAS", "date": "2026-09-01", "answers": [3]},
            {"instrument": "WAS", "date": "2026-09-01", "answers": [7]},
        ]
    )
    scores = latest_scores(case)
    assert [(s.instrument, s.date, s.total) for s in scores] == [
        (Instrument.WAS, dt.date(2026, 9, 1), 7),
        (Instrument.PHQ9, dt.date(2026, 9, 10), 27),
        (Instrument.GAD7, dt.date(2026, 9, 1), 7),
    ]


def test_latest_scores_empty_case() -> None:
    assert latest_scores(_case([])) == ()


# ------------------------------------------------------------------------------------------ the data


@pytest.mark.parametrize("instrument", list(Instrument))
def test_every_text_in_three_languages(instrument: Instrument) -> None:
    info = instrument_info(instrument)
    count, highest = INSTRUMENT_ITEMS[instrument]
    assert len(info.items) == count
    for lang in LANGUAGES:
        assert info.instruction[lang]
        for item in info.items:
            assert item.text_in(lang)
            low, high = item.anchors_in(lang)
            assert low
            assert high
            assert low != high
            assert item.maximum == highest
            if item.options:
                assert len(item.options_in(lang)) == item.maximum - item.minimum + 1
        t = translator(lang)
        for msgid in (info.name, info.formula, info.licence, *(b.label for b in info.bands)):
            assert t.gettext(msgid)
    assert info.source
    # PHQ-9 and GAD-7 are public domain in Norwegian; ÖMPSQ-SF and WAS are the project's own translation
    assert info.own_translation is (instrument in {Instrument.OMPSQ_SF, Instrument.WAS})


def test_nynorsk_is_nynorsk() -> None:
    for instrument in Instrument:
        info = instrument_info(instrument)
        text = " ".join([info.instruction["nn"], *(i.text_in("nn") for i in info.items)])
        for bokmaal in (" ikke ", " hvor ", " jeg ", " uke ", " mye "):
            assert bokmaal not in f" {text.lower()} ", (instrument, bokmaal)


def _data() -> dict[str, Any]:
    from importlib import resources

    raw = (resources.files("gp_tool") / "resources" / "screening" / "instruments.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


def test_packaged_data_loads() -> None:
    assert set(load_instruments(json.dumps(_data()))) == set(Instrument)
    assert [i.short_name for i in instruments()] == ["ÖMPSQ-SF", "WAS", "PHQ-9", "GAD-7"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["instruments"]["PHQ9"]["bands"].pop(1), "bands must run without gaps"),
        (lambda d: d["instruments"]["PHQ9"]["items"].pop(), "PHQ9 has 9 items"),
        (lambda d: d["instruments"]["GAD7"]["items"][0]["text"].pop("nn"), "missing key(s) ['nn']"),
        (lambda d: d["instruments"]["WAS"].update(cut_off=11), "must be within 0–10"),
        (lambda d: d["instruments"]["OMPSQ_SF"].update(reversed_item_numbers=[11]), "item numbers 1–10"),
        (lambda d: d["instruments"]["OMPSQ_SF"]["bands"][0].update(id="MEDIUM"), "unknown band 'MEDIUM'"),
        (lambda d: d["instruments"]["PHQ9"].update(maximum=30), "sum of the items' highest answers"),
        (lambda d: d["instruments"]["GAD7"].update(source=" "), "a source is required"),
        (lambda d: d.update(format=2), "unsupported instrument data format 2"),
    ],
)
def test_malformed_data_is_refused_naming_the_field(change: Any, message: str) -> None:
    data = _data()
    change(data)
    with pytest.raises(ScreeningDataError, match=None) as caught:
        load_instruments(json.dumps(data))
    assert message in str(caught.value)
