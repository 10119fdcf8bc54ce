"""Screening instruments scored in the open: ÖMPSQ-SF, Work Ability Score, PHQ-9 and GAD-7 (peers §7, §11.4).

A score is a *signal*, not a decision: the GP records whether they agree with it
(:attr:`~gp_tool.domain.assessment.ScreeningResult.gp_agrees`), and the NAV note carries both. The
formula of every instrument is shown to the GP (:attr:`InstrumentInfo.formula`), with its source and
licence note, in the CamCOPS pattern.

The instruments are data: ``gp_tool/resources/screening/instruments.json`` holds the item texts in
nb, nn and en with the meaning of the lowest and highest answer, the reverse-scored items, the bands,
the cut-off and the source; ``resources/screening/SOURCES.md`` says where each number and text comes
from. The file is validated on load (every item in three languages, bands that cover the whole range
without gaps, a cut-off inside the range, the item counts of
:data:`~gp_tool.domain.assessment.INSTRUMENT_ITEMS`). UI texts (names, band labels, formulas, licence
notes) are msgids here.

Scoring, per instrument (each rule is cited in SOURCES.md):

* **ÖMPSQ-SF** (Linton, Nicholas & MacDonald 2011): item 1 is the duration category 1–10 as ticked;
  items 3 (light work for an hour), 4 (sleep at night) and 8 (chances of working normal duties in
  3 months) score ``10 − answer``; the others score the answer. Total 1–100; the signal is a total of
  50 or more (the published cut-off). Two bands only, below and at/over the cut-off: no source for a
  third band was verified. No published rule for blank items: any blank item gives no total. A 0 in
  item 1 is not a category of the form and counts as blank.
* **WAS** (Ilmarinen 2007; bands after El Fassi et al. 2013): the answer 0–10 *is* the score and higher
  is better; poor 0–5, moderate 6–7, good 8–9, excellent 10; the signal is *poor* (5 or less).
* **PHQ-9** (Kroenke, Spitzer & Williams 2001): sum of 9 items 0–3, 0–27; minimal 0–4, mild 5–9,
  moderate 10–14, moderately severe 15–19, severe 20–27; signal at 10 or more. With one or two items
  blank the mean of the answered items stands in for each blank one (NHS Data Dictionary) and the total
  is rounded half up to a whole number (:attr:`Score.prorated` is then true); with more, no total.
* **GAD-7** (Spitzer et al. 2006): sum of 7 items 0–3, 0–21; minimal 0–4, mild 5–9, moderate 10–14,
  severe 15–21; signal at 10 or more. No verified rule for blank items: any blank item gives no total.

Public API (api.md §A)::

    instrument_info(instrument) -> InstrumentInfo;  instruments() -> all, in Instrument order
    score(result) -> Score                     # Score.to_json(lang), Score.summary(lang)
    latest_scores(case) -> tuple[Score, ...]   # newest result per instrument, in Instrument order
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any, Final

from gp_tool.domain.assessment import INSTRUMENT_ITEMS, EnteredBy, Instrument, ScreeningResult
from gp_tool.domain.case import Case
from gp_tool.i18n.catalog import LANGUAGES, Translator, translator
from gp_tool.i18n.markers import N_

__all__ = [
    "Band",
    "InstrumentInfo",
    "ItemText",
    "Score",
    "ScreeningDataError",
    "instrument_info",
    "instruments",
    "latest_scores",
    "load_instruments",
    "score",
]

FORMAT_VERSION: Final = 1

_NAMES: Final[dict[Instrument, str]] = {
    Instrument.OMPSQ_SF: N_("Örebro Musculoskeletal Pain Screening Questionnaire, short form"),
    Instrument.WAS: N_("Work Ability Score"),
    Instrument.PHQ9: N_("Patient Health Questionnaire-9"),
    Instrument.GAD7: N_("Generalised Anxiety Disorder-7"),
}

_FORMULAS: Final[dict[Instrument, str]] = {
    Instrument.OMPSQ_SF: N_(
        "Item 1 scores its duration category (1–10). Items 3, 4 and 8 score 10 minus the answer; the other "
        "items score the answer. Total 1–100. A total of 50 or more is the risk signal."
    ),
    Instrument.WAS: N_(
        "The answer (0–10) is the score; higher is better. 0–5 poor, 6–7 moderate, 8–9 good, 10 excellent. "
        "A score of 5 or less is the signal."
    ),
    Instrument.PHQ9: N_(
        "Sum of the nine answers (0–3 each), 0–27. 0–4 minimal, 5–9 mild, 10–14 moderate, 15–19 moderately "
        "severe, 20–27 severe. A total of 10 or more is the signal. With one or two items blank, the mean "
        "of the answered items stands in for each blank one; with more, there is no total."
    ),
    Instrument.GAD7: N_(
        "Sum of the seven answers (0–3 each), 0–21. 0–4 minimal, 5–9 mild, 10–14 moderate, 15–21 severe. "
        "A total of 10 or more is the signal. With any item blank there is no total."
    ),
}

_PUBLIC_DOMAIN: Final = N_(
    "Public domain (Pfizer): no permission is needed to reproduce, translate, display or distribute it."
)
_LICENCES: Final[dict[Instrument, str]] = {
    Instrument.OMPSQ_SF: N_(
        "Copyright S. J. Linton. The long form may be copied freely for clinical and research use; the same "
        "terms for the short form are likely but not confirmed. The Norwegian wording is the project's own "
        "translation."
    ),
    Instrument.WAS: N_(
        "Item 1 of the Work Ability Index (Finnish Institute of Occupational Health). The terms for using "
        "the single item were not confirmed. The Norwegian wording is the project's own translation."
    ),
    Instrument.PHQ9: _PUBLIC_DOMAIN,
    Instrument.GAD7: _PUBLIC_DOMAIN,
}

_BAND_LABELS: Final[dict[Instrument, dict[str, str]]] = {
    Instrument.OMPSQ_SF: {"LOW": N_("Below the cut-off"), "HIGH": N_("Raised risk")},
    Instrument.WAS: {
        "POOR": N_("Poor"),
        "MODERATE": N_("Moderate"),
        "GOOD": N_("Good"),
        "EXCELLENT": N_("Excellent"),
    },
    Instrument.PHQ9: {
        "MINIMAL": N_("Minimal"),
        "MILD": N_("Mild"),
        "MODERATE": N_("Moderate"),
        "MODERATELY_SEVERE": N_("Moderately severe"),
        "SEVERE": N_("Severe"),
    },
    Instrument.GAD7: {
        "MINIMAL": N_("Minimal"),
        "MILD": N_("Mild"),
        "MODERATE": N_("Moderate"),
        "SEVERE": N_("Severe"),
    },
}


class ScreeningDataError(ValueError):
    """The instrument data file is malformed; the message names the instrument and field."""


@dataclass(frozen=True)
class Band:
    """A score band, inclusive at both ends (``low <= total <= high``)."""

    id: str
    low: int
    high: int
    label: str
    """msgid."""

    def contains(self, total: int) -> bool:
        return self.low <= total <= self.high


@dataclass(frozen=True)
class ItemText:
    """One item of a form: its text and the meaning of its answers, per language (nb, nn, en)."""

    text: Mapping[str, str]
    anchors: Mapping[str, tuple[str, str]]
    """Meaning of the lowest and the highest answer."""
    minimum: int
    """Lowest valid answer (1 for ÖMPSQ-SF item 1, a duration category; else 0)."""
    maximum: int
    """Highest valid answer."""
    options: Mapping[str, tuple[str, ...]]
    """A label for every answer from ``minimum`` to ``maximum`` where the form labels each (PHQ-9, GAD-7,
    ÖMPSQ-SF item 1); empty where only the two ends are labelled (0–10 scales)."""

    def text_in(self, lang: str) -> str:
        return self.text[lang]

    def anchors_in(self, lang: str) -> tuple[str, str]:
        return self.anchors[lang]

    def options_in(self, lang: str) -> tuple[str, ...]:
        return self.options.get(lang, ())


@dataclass(frozen=True)
class InstrumentInfo:
    """Everything the UI needs to show a form, its scoring and where it comes from."""

    instrument: Instrument
    name: str
    """msgid."""
    short_name: str
    """ÖMPSQ-SF, WAS, PHQ-9, GAD-7 (the same in every language)."""
    instruction: Mapping[str, str]
    """The form's lead text per language."""
    items: tuple[ItemText, ...]
    reverse_items: frozenset[int]
    """0-based indexes of the items scored ``item maximum − answer``."""
    maximum: int
    cut_off: int | None
    higher_is_worse: bool
    """True: the signal is a total at or over ``cut_off``; False (WAS): at or under it."""
    bands: tuple[Band, ...]
    formula: str
    """msgid describing the scoring (shown with the score)."""
    source: str
    """Citation of the instrument, bands and cut-off (not translated)."""
    licence: str
    """msgid."""
    max_missing: int
    """How many blank items still give a total (by the mean of the answered ones)."""
    own_translation: bool
    """The Norwegian wording is the project's own translation, not a published version."""

    def band_for(self, total: int) -> Band:
        for band in self.bands:
            if band.contains(total):
                return band
        raise ValueError(f"{self.short_name}: {total} is outside 0–{self.maximum}")

    def is_signal(self, total: int | None) -> bool:
        if total is None or self.cut_off is None:
            return False
        return total >= self.cut_off if self.higher_is_worse else total <= self.cut_off


@dataclass(frozen=True)
class Score:
    """The scored result of one screening form."""

    instrument: Instrument
    date: dt.date
    total: int | None
    """None when too many items are blank to score (see :attr:`InstrumentInfo.max_missing`)."""
    maximum: int
    band: Band | None
    signal: bool
    """At or over the cut-off (WAS: at or under it): the risk signal."""
    missing: int
    """Blank items (and answers the form does not allow, such as 0 in ÖMPSQ-SF item 1)."""
    gp_agrees: bool | None
    prorated: bool = False
    """The total stands in for blank items with the mean of the answered ones (PHQ-9)."""
    item_scores: tuple[int | None, ...] = ()
    """Each item's contribution after reversal, None where blank (to show the scoring)."""
    entered_by: EnteredBy = EnteredBy.GP

    @property
    def info(self) -> InstrumentInfo:
        return instrument_info(self.instrument)

    def to_json(self, lang: str) -> dict[str, Any]:
        """``{"instrument","short_name","date","score","max","band","band_label","signal","missing",
        "prorated","gp_agrees","entered_by"}``; ``band`` is the stable band id, ``band_label`` its text."""
        t = translator(lang)
        return {
            "instrument": self.instrument.value,
            "short_name": self.info.short_name,
            "date": self.date.isoformat(),
            "score": self.total,
            "max": self.maximum,
            "band": None if self.band is None else self.band.id,
            "band_label": None if self.band is None else t.gettext(self.band.label),
            "signal": self.signal,
            "missing": self.missing,
            "prorated": self.prorated,
            "gp_agrees": self.gp_agrees,
            "entered_by": self.entered_by.value,
        }

    def summary(self, lang: str | Translator) -> str:
        """One line for the NAV note and the journal, e.g. "PHQ-9: 12 of 27 (moderate). Signal: at or
        above the cut-off of 10. The GP agrees with the signal." (without the date)."""
        t = translator(lang) if isinstance(lang, str) else lang
        info = self.info
        parts: list[str] = []
        if self.total is None or self.band is None:
            parts.append(
                t.ngettext(
                    "{instrument}: not scored ({missing} item blank).",
                    "{instrument}: not scored ({missing} items blank).",
                    self.missing,
                ).format(instrument=info.short_name, missing=self.missing)
            )
        else:
            parts.append(
                t.format(
                    N_("{instrument}: {score} of {max} ({band})."),
                    instrument=info.short_name,
                    score=self.total,
                    max=self.maximum,
                    band=t.gettext(self.band.label).lower(),
                )
            )
            if self.prorated:
                parts.append(
                    t.ngettext(
                        "{missing} blank item counted at the mean of the others.",
                        "{missing} blank items counted at the mean of the others.",
                        self.missing,
                    ).format(missing=self.missing)
                )
            if self.signal and info.cut_off is not None:
                message = (
                    N_("Signal: at or above the cut-off of {cut_off}.")
                    if info.higher_is_worse
                    else N_("Signal: at or below {cut_off}.")
                )
                parts.append(t.format(message, cut_off=info.cut_off))
            elif info.cut_off is not None:
                parts.append(t.gettext("No signal."))
        if self.gp_agrees is True:
            parts.append(t.gettext("The GP agrees with the signal."))
        elif self.gp_agrees is False:
            parts.append(t.gettext("The GP does not agree with the signal."))
        return " ".join(parts)


# ------------------------------------------------------------------------------------------- loading


def _fail(where: str, message: str) -> ScreeningDataError:
    return ScreeningDataError(f"{where}: {message}")


def _object(
    where: str, raw: object, required: frozenset[str], optional: frozenset[str] = frozenset()
) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise _fail(where, "must be an object")
    unknown = set(raw) - required - optional
    if unknown:
        raise _fail(where, f"unknown key(s) {sorted(unknown)}")
    missing = required - set(raw)
    if missing:
        raise _fail(where, f"missing key(s) {sorted(missing)}")
    return raw


def _int(where: str, raw: object) -> int:
    if not isinstance(raw, int) or isinstance(raw, bool):
        raise _fail(where, f"not a whole number: {raw!r}")
    return raw


def _texts(where: str, raw: object) -> dict[str, str]:
    spec = _object(where, raw, frozenset(LANGUAGES))
    out: dict[str, str] = {}
    for lang in LANGUAGES:
        text = spec[lang]
        if not isinstance(text, str) or not text.strip():
            raise _fail(f"{where}.{lang}", "a text is required")
        out[lang] = text.strip()
    return out


def _text_lists(where: str, raw: object, length: int) -> dict[str, tuple[str, ...]]:
    spec = _object(where, raw, frozenset(LANGUAGES))
    out: dict[str, tuple[str, ...]] = {}
    for lang in LANGUAGES:
        texts = spec[lang]
        if (
            not isinstance(texts, list)
            or len(texts) != length
            or not all(isinstance(x, str) and x.strip() for x in texts)
        ):
            raise _fail(f"{where}.{lang}", f"must be {length} non-empty texts")
        out[lang] = tuple(x.strip() for x in texts)
    return out


_ITEM_KEYS: Final = frozenset({"text", "minimum", "maximum"})
_ITEM_OPTIONAL: Final = frozenset({"anchors", "options"})


def _item(where: str, raw: object, highest: int) -> ItemText:
    spec = _object(where, raw, _ITEM_KEYS, _ITEM_OPTIONAL)
    minimum = _int(f"{where}.minimum", spec["minimum"])
    maximum = _int(f"{where}.maximum", spec["maximum"])
    if maximum != highest:
        raise _fail(f"{where}.maximum", f"must be {highest}, the highest answer of the instrument")
    if not 0 <= minimum < maximum:
        raise _fail(f"{where}.minimum", f"must be from 0 to {maximum - 1}")
    options: dict[str, tuple[str, ...]] = {}
    if "options" in spec:
        options = _text_lists(f"{where}.options", spec["options"], maximum - minimum + 1)
    if "anchors" in spec:
        pairs = _text_lists(f"{where}.anchors", spec["anchors"], 2)
        anchors = {lang: (pair[0], pair[1]) for lang, pair in pairs.items()}
    elif options:
        anchors = {lang: (labels[0], labels[-1]) for lang, labels in options.items()}
    else:
        raise _fail(where, "needs anchors or options")
    return ItemText(_texts(f"{where}.text", spec["text"]), anchors, minimum, maximum, options)


_INSTRUMENT_KEYS: Final = frozenset(
    {
        "short_name",
        "maximum",
        "cut_off",
        "higher_is_worse",
        "reversed_item_numbers",
        "max_missing",
        "bands",
        "source",
        "translation",
        "instruction",
        "items",
    }
)


def _bands(where: str, raw: object, instrument: Instrument, maximum: int) -> tuple[Band, ...]:
    if not isinstance(raw, list) or not raw:
        raise _fail(where, "at least one band is required")
    labels = _BAND_LABELS[instrument]
    bands: list[Band] = []
    expected_low = 0
    for i, entry in enumerate(raw):
        bwhere = f"{where}[{i}]"
        spec = _object(bwhere, entry, frozenset({"id", "low", "high"}))
        band_id = spec["id"]
        if band_id not in labels:
            raise _fail(f"{bwhere}.id", f"unknown band {band_id!r} (known: {sorted(labels)})")
        low, high = _int(f"{bwhere}.low", spec["low"]), _int(f"{bwhere}.high", spec["high"])
        if low != expected_low or high < low:
            raise _fail(bwhere, f"bands must run without gaps from 0; expected low {expected_low}")
        bands.append(Band(band_id, low, high, labels[band_id]))
        expected_low = high + 1
    if expected_low != maximum + 1:
        raise _fail(where, f"the last band must end at the maximum {maximum}")
    return tuple(bands)


def _instrument(instrument: Instrument, raw: object) -> InstrumentInfo:
    where = f"instruments.{instrument.value}"
    spec = _object(where, raw, _INSTRUMENT_KEYS)
    count, highest = INSTRUMENT_ITEMS[instrument]
    raw_items = spec["items"]
    if not isinstance(raw_items, list) or len(raw_items) != count:
        raise _fail(f"{where}.items", f"{instrument.value} has {count} items")
    items = tuple(_item(f"{where}.items[{i}]", it, highest) for i, it in enumerate(raw_items))
    maximum = _int(f"{where}.maximum", spec["maximum"])
    if maximum != sum(it.maximum for it in items):
        raise _fail(f"{where}.maximum", "must be the sum of the items' highest answers")
    cut_off = spec["cut_off"]
    if cut_off is not None and not 0 <= _int(f"{where}.cut_off", cut_off) <= maximum:
        raise _fail(f"{where}.cut_off", f"must be within 0–{maximum}")
    numbers = spec["reversed_item_numbers"]
    if not isinstance(numbers, list) or not all(
        isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= count for n in numbers
    ):
        raise _fail(f"{where}.reversed_item_numbers", f"item numbers 1–{count}")
    higher_is_worse = spec["higher_is_worse"]
    if not isinstance(higher_is_worse, bool):
        raise _fail(f"{where}.higher_is_worse", "must be true or false")
    max_missing = _int(f"{where}.max_missing", spec["max_missing"])
    if not 0 <= max_missing < count:
        raise _fail(f"{where}.max_missing", f"must be from 0 to {count - 1}")
    source = spec["source"]
    if not isinstance(source, str) or not source.strip():
        raise _fail(f"{where}.source", "a source is required")
    if spec["translation"] not in {"project", "public"}:
        raise _fail(f"{where}.translation", "must be 'project' or 'public'")
    short_name = spec["short_name"]
    if not isinstance(short_name, str) or not short_name:
        raise _fail(f"{where}.short_name", "a short name is required")
    return InstrumentInfo(
        instrument=instrument,
        name=_NAMES[instrument],
        short_name=short_name,
        instruction=_texts(f"{where}.instruction", spec["instruction"]),
        items=items,
        reverse_items=frozenset(n - 1 for n in numbers),
        maximum=maximum,
        cut_off=cut_off,
        higher_is_worse=higher_is_worse,
        bands=_bands(f"{where}.bands", spec["bands"], instrument, maximum),
        formula=_FORMULAS[instrument],
        source=source.strip(),
        licence=_LICENCES[instrument],
        max_missing=max_missing,
        own_translation=spec["translation"] == "project",
    )


def load_instruments(text: str) -> dict[Instrument, InstrumentInfo]:
    """Parse and validate instrument data (the packaged file, or another one in tests)."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ScreeningDataError(f"instrument data is not valid JSON: {exc}") from None
    top = _object("instrument data", raw, frozenset({"format", "instruments"}), frozenset({"description"}))
    if top["format"] != FORMAT_VERSION:
        raise _fail("format", f"unsupported instrument data format {top['format']!r}")
    spec = _object("instruments", top["instruments"], frozenset(i.value for i in Instrument))
    return {i: _instrument(i, spec[i.value]) for i in Instrument}


@functools.cache
def _instruments() -> dict[Instrument, InstrumentInfo]:
    text = (resources.files("gp_tool") / "resources" / "screening" / "instruments.json").read_text(
        encoding="utf-8"
    )
    return load_instruments(text)


def instrument_info(instrument: Instrument) -> InstrumentInfo:
    """Texts, scoring, bands, source and licence of ``instrument`` (read and validated once)."""
    return _instruments()[instrument]


def instruments() -> tuple[InstrumentInfo, ...]:
    """Every instrument, in Instrument order (for a chooser in the UI)."""
    return tuple(_instruments()[i] for i in Instrument)


# ------------------------------------------------------------------------------------------- scoring


def _item_score(item: ItemText, answer: int | None, reverse: bool) -> int | None:
    if answer is None or not item.minimum <= answer <= item.maximum:
        return None
    return item.maximum - answer if reverse else answer


def score(result: ScreeningResult) -> Score:
    """Score one filled-in form with its instrument's published rule (module docstring)."""
    info = instrument_info(result.instrument)
    item_scores = tuple(
        _item_score(item, answer, i in info.reverse_items)
        for i, (item, answer) in enumerate(zip(info.items, result.answers, strict=True))
    )
    answered = [s for s in item_scores if s is not None]
    missing = len(item_scores) - len(answered)
    total: int | None
    if missing == 0:
        total = sum(answered)
    elif missing <= info.max_missing:
        # mean of the answered items for each blank one, rounded half up: round(sum * n / answered)
        n = len(item_scores)
        total = (2 * sum(answered) * n + len(answered)) // (2 * len(answered))
    else:
        total = None
    return Score(
        instrument=result.instrument,
        date=result.date,
        total=total,
        maximum=info.maximum,
        band=None if total is None else info.band_for(total),
        signal=info.is_signal(total),
        missing=missing,
        gp_agrees=result.gp_agrees,
        prorated=total is not None and missing > 0,
        item_scores=item_scores,
        entered_by=result.entered_by,
    )


def latest_scores(case: Case) -> tuple[Score, ...]:
    """The newest result per instrument (the later entry wins on the same date), in Instrument order."""
    newest: dict[Instrument, ScreeningResult] = {}
    for result in case.screening:
        held = newest.get(result.instrument)
        if held is None or result.date >= held.date:
            newest[result.instrument] = result
    return tuple(score(newest[i]) for i in Instrument if i in newest)
