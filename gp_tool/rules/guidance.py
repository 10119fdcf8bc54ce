"""Diagnosis guidance for the sykmelder (domain brief §6), as data keyed by ICPC-2 code or chapter.

Helsedirektoratet's *Diagnosespesifikke anbefalinger til sykmelder* are keyed on ICPC and advisory:
the doctor's judgement prevails. The tool holds only what the domain brief retrieved
(``gp_tool/resources/guidance/guidance.json``, sources in ``SOURCES.md`` there):

* figures for P03 (full sick leave beyond 2 weeks discouraged) and L18 / long-lasting non-malignant
  musculoskeletal pain (reassess when more than 4 weeks are needed);
* advice without a figure for N01, and entries for L03, L84, L86, P02, P74 and P76 that say their text
  was not retrieved and link to Helsedirektoratet's guide instead (domain brief §6 "Not retrieved",
  §8.9); chapter entries for L and P with general advice and no figure.

Lookup (:func:`guidance_for`): the full code, then its first three characters (ICPC-2B ``L03.0002``
and Norwegian four-character codes fall back to their ICPC-2 parent), then the chapter letter. ICD-10
codes match only a chapter, through ``icd10_chapters`` in the data (F -> P, M -> L, G -> N)
[inference]. :func:`diagnosis_chapter` is the one chapter rule the proposal rules use as well.

:func:`full_leave_days` counts the days of 100 % sick leave (aktivitet ikke mulig) of the case from
its start to the end of the new note; :func:`beyond_guidance` is true when that count exceeds the
entry's ``full_leave_days``. The consistency rule ``FRAVAER_UTOVER_VEILEDER_UTEN_BEGRUNNELSE`` asks
for a structured reason (``Plan.guidance_deviation``) when it is (peers §11.5).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any, Final

from gp_tool.domain.case import Case, Diagnosis, DiagnosisSystem, PeriodKind
from gp_tool.i18n.catalog import LANGUAGES
from gp_tool.rules.absence import Span, case_start, merge_spans

__all__ = [
    "Guidance",
    "GuidanceDataError",
    "beyond_guidance",
    "diagnosis_chapter",
    "full_leave_days",
    "general_guidance",
    "guidance_entries",
    "guidance_for",
    "load_guidance",
]

FORMAT_VERSION: Final = 1
_TOP_KEYS: Final = frozenset({"format", "description", "icd10_chapters", "icd10_note", "general", "entries"})
_ENTRY_KEYS: Final = frozenset(
    {"key", "full_leave_days", "review_after_days", "figures_retrieved", "url", "source", "title", "advice"}
)


class GuidanceDataError(ValueError):
    """The guidance data file is malformed; the message names the entry and field."""


@dataclass(frozen=True, slots=True)
class Guidance:
    """What Helsedirektoratet's guidance says for one ICPC-2 code or chapter (advisory)."""

    key: str
    """ICPC-2 code (``P03``), chapter letter (``L``) or ``general``."""
    advice: dict[str, str]
    """The advice by language (nb, nn, en)."""
    full_leave_days: int | None
    """Days of full sick leave beyond which the advice says to reconsider (None: no figure retrieved)."""
    review_after_days: int | None
    """When the advice says to reassess (None: no figure retrieved)."""
    url: str
    """Helsedirektoratet's page to read (the live text)."""
    source: str
    """Where the text and figures come from."""
    title: dict[str, str]
    """What the entry covers, by language."""
    figures_retrieved: bool
    """False when the Norwegian text for this code was not retrieved (advice without a figure)."""

    def text(self, field: str, lang: str) -> str:
        """``advice`` or ``title`` in ``lang`` (nb for an unknown language)."""
        texts: dict[str, str] = getattr(self, field)
        return texts.get(lang) or texts["nb"]


@dataclass(frozen=True, slots=True)
class _Data:
    general: Guidance
    entries: dict[str, Guidance]
    icd10_chapters: dict[str, str]


def _fail(where: str, message: str) -> GuidanceDataError:
    return GuidanceDataError(f"{where}: {message}")


def _texts(where: str, raw: object) -> dict[str, str]:
    if not isinstance(raw, dict) or set(raw) != set(LANGUAGES):
        raise _fail(where, f"needs exactly the languages {sorted(LANGUAGES)}")
    if not all(isinstance(v, str) and v.strip() for v in raw.values()):
        raise _fail(where, "every language needs a text")
    return {str(k): str(v) for k, v in raw.items()}


def _days(where: str, raw: object) -> int | None:
    if raw is None:
        return None
    if not isinstance(raw, int) or isinstance(raw, bool) or raw <= 0:
        raise _fail(where, f"a positive whole number of days or null, not {raw!r}")
    return raw


def _entry(where: str, raw: object) -> Guidance:
    if not isinstance(raw, dict):
        raise _fail(where, "must be an object")
    if set(raw) != _ENTRY_KEYS:
        raise _fail(where, f"keys must be {sorted(_ENTRY_KEYS)}")
    key, url, source, retrieved = raw["key"], raw["url"], raw["source"], raw["figures_retrieved"]
    if not isinstance(key, str) or not key:
        raise _fail(where, "key must be an ICPC-2 code or chapter letter")
    if not isinstance(url, str) or not url.startswith("https://"):
        raise _fail(f"{where}.url", "must be an https address")
    if not isinstance(source, str) or not source.strip():
        raise _fail(f"{where}.source", "a source is required")
    if not isinstance(retrieved, bool):
        raise _fail(f"{where}.figures_retrieved", "must be true or false")
    full = _days(f"{where}.full_leave_days", raw["full_leave_days"])
    review = _days(f"{where}.review_after_days", raw["review_after_days"])
    if not retrieved and (full is not None or review is not None):
        raise _fail(where, "an entry whose text was not retrieved cannot carry figures")
    return Guidance(
        key=key,
        advice=_texts(f"{where}.advice", raw["advice"]),
        full_leave_days=full,
        review_after_days=review,
        url=url,
        source=source.strip(),
        title=_texts(f"{where}.title", raw["title"]),
        figures_retrieved=retrieved,
    )


def load_guidance(text: str) -> tuple[Guidance, dict[str, Guidance], dict[str, str]]:
    """Parse and validate guidance data: (general, entries by key, ICD-10 letter -> ICPC-2 chapter)."""
    try:
        raw: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise GuidanceDataError(f"guidance data is not valid JSON: {exc}") from None
    if not isinstance(raw, dict) or not set(raw) <= _TOP_KEYS or raw.get("format") != FORMAT_VERSION:
        raise GuidanceDataError("guidance data: unknown keys or unsupported format")
    entries: dict[str, Guidance] = {}
    for i, item in enumerate(raw.get("entries", [])):
        entry = _entry(f"entries[{i}]", item)
        if entry.key in entries:
            raise _fail(f"entries[{i}]", f"duplicate key {entry.key}")
        entries[entry.key] = entry
    chapters = raw.get("icd10_chapters", {})
    if not isinstance(chapters, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and len(k) == 1 and len(v) == 1 for k, v in chapters.items()
    ):
        raise _fail("icd10_chapters", "must map one letter to one letter")
    return _entry("general", raw.get("general")), entries, dict(chapters)


@functools.cache
def _data() -> _Data:
    text = (resources.files("gp_tool") / "resources" / "guidance" / "guidance.json").read_text(
        encoding="utf-8"
    )
    general, entries, chapters = load_guidance(text)
    return _Data(general, entries, chapters)


def guidance_entries() -> tuple[Guidance, ...]:
    """Every entry of the guidance data, in file order (the general advice not included)."""
    return tuple(_data().entries.values())


def general_guidance() -> Guidance:
    """The general advice on sick-leave length (helsedirektoratet.no …/sykmeldingslengde)."""
    return _data().general


def diagnosis_chapter(diagnosis: Diagnosis | None) -> str | None:
    """The ICPC-2 chapter letter of a diagnosis: the first letter of an ICPC-2/ICPC-2B code; for ICD-10
    the ICPC-2 chapter of the same body system (``icd10_chapters``), or None."""
    if diagnosis is None:
        return None
    letter = diagnosis.code.strip()[:1].upper()
    if not ("A" <= letter <= "Z"):
        return None
    if diagnosis.system is DiagnosisSystem.ICD10:
        return _data().icd10_chapters.get(letter)
    return letter


def guidance_for(diagnosis: Diagnosis | None) -> Guidance | None:
    """The most specific guidance for a diagnosis: its code, its ICPC-2 parent, then its chapter."""
    if diagnosis is None:
        return None
    entries = _data().entries
    code = diagnosis.code.strip().upper()
    if diagnosis.system is not DiagnosisSystem.ICD10:
        for key in (code, code[:3]):
            if key in entries:
                return entries[key]
    chapter = diagnosis_chapter(diagnosis)
    return entries.get(chapter) if chapter is not None else None


def full_leave_days(case: Case, today: dt.date) -> int:
    """Days of 100 % sick leave (aktivitet ikke mulig) in the case, from its start up to the new note's
    end, overlapping periods counted once. ``today`` does not change the count: the new note is the
    decision being made, so its days count in full."""
    del today  # the count runs to the end of the new note, whatever day it is
    start = case_start(case)
    end = max(p.to for p in case.sick_note.periods)
    spans = [
        Span(max(p.from_, start), min(p.to, end))
        for note in (*case.earlier_sick_notes, case.sick_note)
        for p in note.periods
        if p.kind is PeriodKind.AKTIVITET_IKKE_MULIG and p.to >= start and p.from_ <= end and p.from_ <= p.to
    ]
    return sum(span.length for span in merge_spans(spans))


def beyond_guidance(case: Case, today: dt.date) -> bool:
    """True when the case's full sick leave exceeds the figure of the guidance for its main diagnosis."""
    guidance = guidance_for(case.sick_note.main_diagnosis)
    if guidance is None or guidance.full_leave_days is None:
        return False
    return full_leave_days(case, today) > guidance.full_leave_days
