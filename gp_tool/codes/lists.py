"""The diagnosis code lists NAV accepts on a sykmelding, with lookup, validation and type-ahead search.

The lists (ICPC-2, ICPC-2B, ICD-10) are Helsedirektoratet's Norwegian editions as published by NAV; see
``gp_tool/resources/codes/SOURCES.md``. They are built by ``scripts/build_code_lists.py``.

Loading is lazy and per system: importing this module reads nothing, and a GP who only codes in ICPC-2
never pays for ICD-10. Each list is loaded under a lock the first time it is used, together with its
search index; after that every call only reads immutable data, so the GUI thread and a worker thread
may share one :class:`CodeLists`.
"""

from __future__ import annotations

import functools
import gzip
import heapq
import json
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Final, Literal

from gp_tool.codes._index import Score, SearchIndex
from gp_tool.domain.case import DiagnosisSystem

__all__ = [
    "FORMAT_VERSION",
    "CodeEntry",
    "CodeLists",
    "CodeSystem",
    "IcpcComponent",
    "SearchHit",
    "code_lists",
    "icpc2_component",
    "kodeverk",
    "questions",
    "resource_dir",
]

#: The code systems are the case file's: one enum, so a diagnosis read from a case file can be looked up
#: without translation.
CodeSystem = DiagnosisSystem

#: Resource layout version written by ``scripts/build_code_lists.py``.
FORMAT_VERSION: Final = 1

_FILES: Final[dict[DiagnosisSystem, str]] = {
    DiagnosisSystem.ICPC2: "icpc2.json.gz",
    DiagnosisSystem.ICPC2B: "icpc2b.json.gz",
    DiagnosisSystem.ICD10: "icd10.json.gz",
}
# Tie-break between systems when two hits have equal score and code.
_SYSTEM_ORDER: Final[dict[DiagnosisSystem, int]] = {s: i for i, s in enumerate(_FILES)}

IcpcComponent = Literal["symptom", "process", "diagnosis"]


def resource_dir() -> Traversable:
    """The packaged ``resources/codes`` folder (works from a wheel, a zip or a checkout)."""
    return resources.files("gp_tool") / "resources" / "codes"


# ---------------------------------------------------------------------------- values


@dataclass(frozen=True, slots=True)
class CodeEntry:
    """One code of one system, with the texts NAV's lists give for it.

    ``text`` is KoTe's short text (at most about 60 characters) and ``text_full`` the unabridged text;
    they are equal for most codes. ``parent_code`` is the ICPC-2 code of an ICPC-2B term, else None.
    """

    system: DiagnosisSystem
    code: str
    text: str
    text_full: str
    parent_code: str | None = None

    @property
    def display_code(self) -> str:
        """The code as a GP reads it: ICD-10 with its dot ("M54.5"); the others as stored.

        The lists and the sykmelding carry ICD-10 codes without the dot ("M545"), so the dot is only
        ever added for display.
        """
        if self.system is DiagnosisSystem.ICD10 and len(self.code) > 3:
            return f"{self.code[:3]}.{self.code[3:]}"
        return self.code


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One type-ahead result.

    ``entry`` is the code to offer. ``matched_text`` is the text the query matched: the entry's full
    text, or an ICPC-2B term when the match came through that synonym, in which case ``via`` is the
    ICPC-2B entry (whose code a GP may also choose, since NAV accepts ICPC-2B). ``score`` is the sum of
    the per-word scores in :class:`gp_tool.codes._index.Score`; higher is better.
    """

    entry: CodeEntry
    matched_text: str
    via: CodeEntry | None
    score: int


def icpc2_component(code: str) -> IcpcComponent | None:
    """The ICPC-2 component of a code, from the two digits after the chapter letter.

    01-29 are symptoms and complaints, 30-69 process codes, 70-99 diagnoses and diseases. The sources
    do not carry the component; this is the classification's own numbering (see the data README). The
    rules use it, for instance, to tell a symptom diagnosis from a disease. Four-character Norwegian
    codes (R991) and ICPC-2B terms (L03.0002) take the component of their first three characters.
    Returns None for anything that is not shaped like an ICPC-2 code.
    """
    code = code.strip().upper()
    if len(code) < 3 or not ("A" <= code[0] <= "Z") or not code[1:3].isascii() or not code[1:3].isdigit():
        return None
    number = int(code[1:3])
    if 1 <= number <= 29:
        return "symptom"
    if 30 <= number <= 69:
        return "process"
    if 70 <= number <= 99:
        return "diagnosis"
    return None


# ---------------------------------------------------------------------------- one loaded list


def _lookup_key(system: DiagnosisSystem, code: str) -> str:
    """Normalise typed input for lookup: trimmed, upper case; ICD-10 also without its dot.

    NAV compares ICD-10 codes with dots ignored; ICPC-2B codes keep their dot ("L03.0002").
    """
    key = code.strip().upper()
    if system is DiagnosisSystem.ICD10:
        key = key.replace(".", "")
    return key


class _LoadedList:
    """The rows of one system, reordered by normalised code, with lookup map and search index."""

    __slots__ = ("_entries", "by_key", "codes", "index", "parents", "system", "texts", "texts_full")

    def __init__(self, system: DiagnosisSystem, payload: dict[str, Any]) -> None:
        if payload.get("format") != FORMAT_VERSION or payload.get("system") != system.value:
            raise ValueError(f"{system}: unsupported code resource (format {payload.get('format')!r})")
        codes: list[str] = payload["codes"]
        texts: list[str] = payload["texts"]
        full: list[str | None] = payload.get("texts_full") or [None] * len(codes)
        parents: list[str | None] = payload.get("parents") or [None] * len(codes)
        if not len(codes) == len(texts) == len(full) == len(parents) == payload.get("count"):
            raise ValueError(f"{system}: code resource columns differ in length")
        # Row order = order of the search key (upper case, no dot), so row numbers compare like codes
        # and code prefixes are bisect ranges. ICD-10 has lower-case letters (I210a) that sort
        # differently in upper case, so the source order is not relied on.
        keys = [c.upper().replace(".", "") for c in codes]
        order = sorted(range(len(codes)), key=keys.__getitem__)
        self.system = system
        self.codes: tuple[str, ...] = tuple([codes[i] for i in order])
        self.texts: tuple[str, ...] = tuple([texts[i] for i in order])
        self.texts_full: tuple[str, ...] = tuple([full[i] or texts[i] for i in order])
        self.parents: tuple[str | None, ...] = tuple([parents[i] for i in order])
        sorted_keys = [keys[i] for i in order]
        # Lookup keys as _lookup_key() makes them: ICD-10 without dot (the search key), others upper case.
        lookup_keys = sorted_keys if system is DiagnosisSystem.ICD10 else [c.upper() for c in self.codes]
        self.by_key: dict[str, int] = dict(zip(lookup_keys, range(len(lookup_keys)), strict=True))
        if len(self.by_key) != len(self.codes):
            raise ValueError(f"{system}: codes are not unique")
        # What the search matches: the full text, whose words are the ones a GP types. ICD-10's short
        # texts are abbreviations of it ("Fotgjskad tr uly", "m/depr") that would only add noise and
        # load time; ICPC-2's short texts sometimes add a word ("Cytologi livmorhals screening" for
        # "Livmorhalsprøve"), and there are only 708 of them, so both are searched.
        if system is DiagnosisSystem.ICPC2:
            searchable = [
                t if f is t else f"{f} {t}" for t, f in zip(self.texts, self.texts_full, strict=True)
            ]
        else:
            searchable = list(self.texts_full)
        self.index = SearchIndex(sorted_keys, searchable)
        self._entries: list[CodeEntry | None] = [None] * len(self.codes)

    def entry(self, row: int) -> CodeEntry:
        """The entry of a row, created on first use (20,000 frozen objects up front would cost ~50 ms)."""
        entry = self._entries[row]
        if entry is None:
            entry = CodeEntry(
                self.system, self.codes[row], self.texts[row], self.texts_full[row], self.parents[row]
            )
            self._entries[row] = entry  # a racing thread builds an equal value; either is fine
        return entry


# ---------------------------------------------------------------------------- the public API


class CodeLists:
    """Lookup, validation and search over the three diagnosis lists, loaded lazily per system.

    ``CodeLists()`` reads the packaged resources; pass ``folder`` to read another folder laid out the
    same way (tests use small fixtures). Prefer the shared :func:`code_lists` instance in the app, so
    each list is loaded once per process.
    """

    def __init__(self, folder: Traversable | Path | None = None) -> None:
        self._folder: Traversable | Path = folder if folder is not None else resource_dir()
        self._lists: dict[DiagnosisSystem, _LoadedList] = {}
        self._lock = threading.Lock()

    # -------------------------------------------------------------- loading

    def _list(self, system: DiagnosisSystem) -> _LoadedList:
        loaded = self._lists.get(system)
        if loaded is not None:
            return loaded
        system = DiagnosisSystem(system)  # a plain "ICD-10" string is accepted too
        with self._lock:
            loaded = self._lists.get(system)
            if loaded is None:
                raw = (self._folder / _FILES[system]).read_bytes()
                loaded = _LoadedList(system, json.loads(gzip.decompress(raw)))
                self._lists[system] = loaded
        return loaded

    def loaded_systems(self) -> frozenset[DiagnosisSystem]:
        """The systems loaded so far; lets tests and diagnostics check that loading stays lazy."""
        return frozenset(self._lists)

    def load(self, *systems: DiagnosisSystem) -> None:
        """Load lists ahead of use (all three if none given), e.g. from a worker thread at start-up."""
        for system in systems or tuple(_FILES):
            self._list(system)

    def count(self, system: DiagnosisSystem) -> int:
        """Number of codes in a system's list."""
        return len(self._list(system).codes)

    def entries(self, system: DiagnosisSystem) -> Iterable[CodeEntry]:
        """All entries of a system, in code order."""
        loaded = self._list(system)
        return (loaded.entry(row) for row in range(len(loaded.codes)))

    # -------------------------------------------------------------- lookup and validation

    def lookup(self, system: DiagnosisSystem, code: str) -> CodeEntry | None:
        """The entry for ``code``, tolerating case, surrounding blanks and (ICD-10 only) the dot."""
        loaded = self._list(system)
        row = loaded.by_key.get(_lookup_key(loaded.system, code))
        return None if row is None else loaded.entry(row)

    def is_valid(self, system: DiagnosisSystem, code: str) -> bool:
        """Whether NAV accepts ``code`` of ``system`` as a diagnosis (regulus-regula's list check).

        ICPC-2 and ICD-10: the code is in the list. ICPC-2B: the term is in the ICPC-2B list *and* its
        ICPC-2 parent is valid. The rule that an ICPC-2 Z code cannot be the hoveddiagnose belongs to
        ``gp_tool.rules``, which knows whether the diagnosis is the main one.
        """
        entry = self.lookup(system, code)
        if entry is None:
            return False
        if entry.system is DiagnosisSystem.ICPC2B:
            return (
                entry.parent_code is not None
                and self.lookup(DiagnosisSystem.ICPC2, entry.parent_code) is not None
            )
        return True

    def parent(self, code: str) -> CodeEntry | None:
        """The ICPC-2 entry an ICPC-2B term belongs to; None if the term or its parent is unknown."""
        entry = self.lookup(DiagnosisSystem.ICPC2B, code)
        if entry is None or entry.parent_code is None:
            return None
        return self.lookup(DiagnosisSystem.ICPC2, entry.parent_code)

    icpc2_component = staticmethod(icpc2_component)

    # -------------------------------------------------------------- search

    def search(
        self,
        query: str,
        systems: Sequence[DiagnosisSystem] = (DiagnosisSystem.ICPC2, DiagnosisSystem.ICPC2B),
        limit: int = 20,
    ) -> list[SearchHit]:
        """Type-ahead search: best ``limit`` hits for ``query``, ordered by score, then code.

        Each whitespace-separated word of the query must match (AND), either a code prefix ("l0",
        "M54.5", "L03.0002") or the text: a whole word, the start of a word or, from three letters on,
        the inside of a word ("rygg" finds "Korsrygg"), case-insensitively with æ, ø and å kept.

        When ICPC-2 and ICPC-2B are both searched, ICPC-2B terms act as synonyms of their ICPC-2 parent:
        a matching term yields the parent with ``via`` set, one hit per ICPC-2 code, keeping the best
        match. ICPC-2B searched alone yields the terms themselves.
        """
        terms = query.split()
        if not terms or limit <= 0:
            return []
        wanted = [DiagnosisSystem(s) for s in systems]
        synonyms = DiagnosisSystem.ICPC2 in wanted and DiagnosisSystem.ICPC2B in wanted
        # (negated score, code, system order, hit) - heapq picks the smallest.
        ranked: list[tuple[int, str, int, SearchHit]] = []

        def add(loaded: _LoadedList, row: int, score: int, via: CodeEntry | None) -> None:
            entry = loaded.entry(row)
            matched = via.text if via is not None else entry.text_full
            hit = SearchHit(entry, matched, via, score)
            ranked.append((-score, entry.code, _SYSTEM_ORDER[entry.system], hit))

        for system in dict.fromkeys(wanted):
            if synonyms and system is DiagnosisSystem.ICPC2B:
                continue
            loaded = self._list(system)
            found = loaded.index.search(terms)
            vias: dict[int, CodeEntry] = {}
            if synonyms and system is DiagnosisSystem.ICPC2:
                # ICPC-2 has 708 rows, so merging into a copy is cheap.
                found = dict(found)
                for row, (score, via) in self._best_synonyms(loaded, terms, found).items():
                    found[row] = score
                    vias[row] = via
            for row, score in heapq.nsmallest(limit, found.items(), key=_rank):
                add(loaded, row, score, vias.get(row))
        return [item[3] for item in heapq.nsmallest(limit, ranked, key=lambda r: r[:3])]

    def _best_synonyms(
        self, icpc2: _LoadedList, terms: Sequence[str], direct: dict[int, int]
    ) -> dict[int, tuple[int, CodeEntry]]:
        """Per ICPC-2 row, the best ICPC-2B match that beats the row's own match.

        Returns ``{icpc2_row: (score, icpc2b_entry)}``; among equal synonyms the lowest code wins.
        Terms whose parent is missing from the ICPC-2 list are skipped, as NAV would reject them.
        """
        terms_list = self._list(DiagnosisSystem.ICPC2B)
        # A code key of up to three characters matches the parent code itself, and scores higher there.
        found = terms_list.index.search(terms, min_code_key=4)
        best: dict[int, tuple[int, int]] = {}
        by_key = icpc2.by_key
        parent_row_cache: dict[str, int | None] = {}
        for brow, term_score in found.items():
            parent_code = terms_list.parents[brow]
            if parent_code is None:
                continue
            prow = parent_row_cache.get(parent_code, -1)
            if prow == -1:
                prow = by_key.get(parent_code)
                parent_row_cache[parent_code] = prow
            if prow is None:
                continue
            score = term_score - Score.VIA_SYNONYM_PENALTY
            if score <= direct.get(prow, -1):
                continue
            current = best.get(prow)
            if current is None or (-score, brow) < current:
                best[prow] = (-score, brow)
        return {prow: (-neg, terms_list.entry(brow)) for prow, (neg, brow) in best.items()}


def _rank(item: tuple[int, int]) -> tuple[int, int]:
    """Sort key of a (row, score) pair: best score first, then row, which is code order."""
    return (-item[1], item[0])


@functools.cache
def code_lists() -> CodeLists:
    """The process-wide :class:`CodeLists` over the packaged resources."""
    return CodeLists()


# ---------------------------------------------------------------------------- small code lists


@functools.cache
def _read_json_text(name: str) -> str:
    return (resource_dir() / name).read_text(encoding="utf-8")


def kodeverk() -> dict[str, Any]:
    """NAV's small sykmelding code lists (årsaker, fraværsgrunner, restriksjoner, ...), parsed.

    The file is read once; each call parses it afresh (about 0.1 ms) and returns a new dict, so a
    caller that edits the result cannot corrupt what the next caller sees.
    """
    return _parse_dict(_read_json_text("sykmelding_kodeverk_no.json"))


def questions() -> dict[str, Any]:
    """The "utdypende opplysninger" questions (legacy 6.x ids and the syk-inn week 7/17/39 set), parsed.

    Read once, parsed per call, for the same reason as :func:`kodeverk`.
    """
    return _parse_dict(_read_json_text("utdypende_opplysninger_no.json"))


def _parse_dict(text: str) -> dict[str, Any]:
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("code resource is not a JSON object")
    return data
