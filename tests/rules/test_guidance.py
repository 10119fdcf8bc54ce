"""Diagnosis guidance (domain brief §6): the data, the lookup, and counting full leave against it."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from gp_tool.domain.case import Diagnosis, DiagnosisSystem
from gp_tool.i18n.catalog import LANGUAGES
from gp_tool.rules.guidance import (
    GuidanceDataError,
    beyond_guidance,
    diagnosis_chapter,
    full_leave_days,
    general_guidance,
    guidance_entries,
    guidance_for,
    load_guidance,
)
from tests.rules.builders import full, graded, make_case, note

DATA = Path(__file__).resolve().parents[2] / "gp_tool" / "resources" / "guidance" / "guidance.json"


def dx(system: str, code: str) -> Diagnosis:
    return Diagnosis(system=DiagnosisSystem(system), code=code)


@pytest.mark.parametrize(
    ("system", "code", "key", "days"),
    [
        ("ICPC-2", "P03", "P03", 14),
        ("ICPC-2", "L18", "L18", 28),
        ("ICPC-2", "N01", "N01", None),
        ("ICPC-2", "L03", "L03", None),
        ("ICPC-2B", "L03.0002", "L03", None),  # ICPC-2B falls back to its ICPC-2 parent
        ("ICPC-2", "L86", "L86", None),
        ("ICPC-2", "P76", "P76", None),
        ("ICPC-2", "L92", "L", None),  # chapter
        ("ICPC-2", "P74", "P74", None),
        ("ICPC-2", "P29", "P", None),
        ("ICD-10", "F432", "P", None),  # ICD-10 F -> chapter P
        ("ICD-10", "M545", "L", None),  # ICD-10 M -> chapter L
    ],
)
def test_lookup(system: str, code: str, key: str, days: int | None) -> None:
    found = guidance_for(dx(system, code))
    assert found is not None
    assert (found.key, found.full_leave_days) == (key, days)


@pytest.mark.parametrize(("system", "code"), [("ICPC-2", "K86"), ("ICD-10", "G430"), ("ICD-10", "P031")])
def test_no_guidance_where_the_tool_has_none(system: str, code: str) -> None:
    assert guidance_for(dx(system, code)) is None


def test_no_diagnosis_no_guidance() -> None:
    assert guidance_for(None) is None
    assert diagnosis_chapter(None) is None


def test_chapters() -> None:
    assert diagnosis_chapter(dx("ICPC-2", "L03")) == "L"
    assert diagnosis_chapter(dx("ICPC-2B", "P76.0001")) == "P"
    assert diagnosis_chapter(dx("ICD-10", "F321")) == "P"
    assert diagnosis_chapter(dx("ICD-10", "M511")) == "L"
    assert diagnosis_chapter(dx("ICD-10", "J069")) is None  # no ICPC-2 chapter mapped for J
    assert diagnosis_chapter(dx("ICPC-2", "-30")) is None


def test_only_the_figures_the_domain_brief_retrieved() -> None:
    with_figures = {
        g.key: (g.full_leave_days, g.review_after_days) for g in guidance_entries() if g.full_leave_days
    }
    assert with_figures == {"P03": (14, 14), "L18": (28, 14)}
    for entry in guidance_entries():
        assert entry.url.startswith("https://")
        if not entry.figures_retrieved:
            assert entry.full_leave_days is None
            assert entry.review_after_days is None
            assert "not retrieved" in entry.source or "no figure" in entry.source
    assert general_guidance().url.endswith("/sykmeldingslengde")


@pytest.mark.parametrize("entry", [*guidance_entries(), general_guidance()], ids=lambda g: g.key)
def test_every_entry_in_three_languages(entry: Any) -> None:
    for field in ("advice", "title"):
        texts = getattr(entry, field)
        assert set(texts) == set(LANGUAGES)
        assert all(text.strip() for text in texts.values())
    assert entry.advice["nb"] != entry.advice["nn"] != entry.advice["en"]


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda e: e.update(full_leave_days=0), "entries[0].full_leave_days: a positive whole number"),
        (lambda e: e.update(url="http://x"), "entries[0].url: must be an https address"),
        (lambda e: e["advice"].pop("nn"), "entries[0].advice: needs exactly the languages"),
        (lambda e: e.update(figures_retrieved=False), "entries[0]: an entry whose text was not retrieved"),
    ],
)
def test_malformed_data_names_the_field(edit: Any, message: str) -> None:
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    edit(raw["entries"][0])
    with pytest.raises(GuidanceDataError, match=re.escape(message)):
        load_guidance(json.dumps(raw))


START = "2026-09-01"
TODAY = dt.date(2026, 9, 15)


def test_full_leave_days_counts_100_percent_days_of_the_case_once() -> None:
    case = make_case(
        note(full("2026-09-15", "2026-09-21"), diagnosis=("ICPC-2", "P03")),
        note(full("2026-09-01", "2026-09-10"), diagnosis=("ICPC-2", "P03")),
        note(full("2026-09-08", "2026-09-12"), diagnosis=("ICPC-2", "P03")),  # overlaps: counted once
        case_start=START,
    )
    assert full_leave_days(case, TODAY) == 12 + 7
    assert beyond_guidance(case, TODAY)


def test_graded_days_and_days_before_the_case_start_do_not_count() -> None:
    case = make_case(
        note(graded("2026-09-11", "2026-09-30"), diagnosis=("ICPC-2", "P03")),
        note(full("2026-08-20", "2026-09-10"), diagnosis=("ICPC-2", "P03")),
        case_start=START,
    )
    assert full_leave_days(case, TODAY) == 10  # 1-10 Sep
    assert not beyond_guidance(case, TODAY)


@pytest.mark.parametrize(
    ("end", "days", "beyond"),
    [("2026-09-13", 13, False), ("2026-09-14", 14, False), ("2026-09-15", 15, True)],
)
def test_beyond_guidance_at_the_p03_boundary(end: str, days: int, beyond: bool) -> None:
    case = make_case(note(full(START, end), diagnosis=("ICPC-2", "P03")), case_start=START)
    assert full_leave_days(case, TODAY) == days
    assert beyond_guidance(case, TODAY) is beyond


def test_no_figure_never_beyond() -> None:
    case = make_case(note(full(START, "2026-12-31")), case_start=START)  # L03: no figure
    assert full_leave_days(case, TODAY) == 122
    assert not beyond_guidance(case, TODAY)
