"""Word lists of the privacy firewall, compiled into one fast matcher over normalised word tokens.

Three sources, all packaged under ``gp_tool/resources/firewall`` (README.md there documents them):

* ``diagnosis_words.txt`` and ``medications.txt``: curated terms in bokmål, nynorsk and English, with a
  small pattern syntax (whole word, ``stem*``, ``*suffix``, ``*infix*``, phrases, ``!exceptions``);
* ``generic_words.txt``: functional and everyday words that are never treated as a diagnosis word;
* ``derived.json``: generated from the code lists by :func:`build_derived` (``python -m
  gp_tool.documents.build_lexicon`` rewrites it; a test fails when it is stale): the ICPC-2 texts as
  whole-word phrases, the three-character stems of every ICPC-2 and ICD-10 code, and the qualifier
  words that occur in so many code texts that they say nothing about a diagnosis.

Matching works on *tokens*: maximal runs of letters and digits (``[^\\W_]+``), normalised by
:func:`normalise` (NFC, case-folded, é→e, ä→æ, ö→ø, ü→u; æ, ø and å are kept). A text of n tokens
costs n dictionary look-ups per pattern *length*, not per pattern: whole words are one ``dict`` lookup,
``stem*`` patterns are grouped by stem length and looked up with ``token[:len]`` (likewise suffixes),
and phrases are indexed by their first token. The few ``*infix*`` patterns are tested by substring.
That is the "Aho-Corasick-ish" set lookup the firewall's performance budget asks for (issue 4): a
typical employer note of 60 words is scanned in well under a millisecond.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources
from typing import Any, Final

__all__ = [
    "DERIVED_FILE",
    "LeakKind",
    "Lexicon",
    "Match",
    "Term",
    "build_derived",
    "derived",
    "generic_words",
    "lexicon",
    "normalise",
    "resource_dir",
    "tokens",
]

DERIVED_FILE: Final = "derived.json"
DERIVED_FORMAT: Final = 1

QUALIFIER_MIN_TEXTS: Final = 40
"""A word in at least this many ICPC-2/ICD-10 texts is a qualifier ("uspesifisert", "arbeid", "kne")."""

# Endings of Greek and Latin disease names: such a word stays distinctive even when it is frequent
# ("artritt", "osteoporose"), so a case with that diagnosis still has it checked as a single word.
_MEDICAL_ENDING = re.compile(
    r"(itt|itis|oser|ose|osis|oma|omer|emi|algi|pati|plegi|ektomi|isme|trofi|ruptur|gangren)$"
)

# Coding abbreviations in code texts that never occur in free text: "Brudd IKA" is scanned as "brudd".
_CODING_ABBREVIATIONS: Final = frozenset({"ika", "ina", "ikas", "ikke klassifisert annet sted"})

_WORD = re.compile(r"[^\W_]+")
_FOLD = str.maketrans(
    {
        "é": "e",
        "è": "e",
        "ê": "e",
        "ë": "e",
        "á": "a",
        "à": "a",
        "â": "a",
        "ó": "o",
        "ò": "o",
        "ô": "o",
        "ú": "u",
        "ù": "u",
        "û": "u",
        "ü": "u",
        "í": "i",
        "ì": "i",
        "ï": "i",
        "ä": "æ",
        "ö": "ø",
    }
)


def normalise(word: str) -> str:
    """A word as the matcher compares it: NFC, case-folded, accents folded except æ, ø, å."""
    return unicodedata.normalize("NFC", word).casefold().translate(_FOLD)


def tokens(text: str) -> Iterator[tuple[str, int, int]]:
    """``(normalised token, start, end)`` for every word of ``text``; offsets index ``text`` itself."""
    for m in _WORD.finditer(text):
        yield normalise(m.group()), m.start(), m.end()


def resource_dir() -> resources.abc.Traversable:
    """The packaged ``resources/firewall`` folder."""
    return resources.files("gp_tool") / "resources" / "firewall"


class LeakKind(StrEnum):
    """Why a piece of employer text was stopped (stable names; the GUI and tests use them)."""

    CODE = "CODE"
    """A diagnosis code: ICPC-2, ICPC-2B or ICD-10 shaped, with or without dot."""
    CASE_DIAGNOSIS = "CASE_DIAGNOSIS"
    """The text of one of this case's diagnoses, or a distinctive word of it."""
    DIAGNOSIS_TEXT = "DIAGNOSIS_TEXT"
    """The text of an ICPC-2 code (any diagnosis, not only this case's)."""
    DIAGNOSIS_WORD = "DIAGNOSIS_WORD"
    """A word from the curated list of diagnosis words and synonyms (nb, nn, en)."""
    MEDICATION = "MEDICATION"
    """A medication name (generic or brand)."""


@dataclass(frozen=True, slots=True)
class Term:
    """One entry of a word list: the pattern as written, its kind and its category."""

    pattern: str
    kind: LeakKind
    category: str


@dataclass(frozen=True, slots=True)
class Match:
    """A hit: ``text[start:end]`` matched ``term``."""

    start: int
    end: int
    term: Term


# ------------------------------------------------------------------------------------------ patterns


@dataclass(frozen=True, slots=True)
class _Pat:
    mode: str  # "exact" | "prefix" | "suffix" | "infix"
    stem: str

    def fits(self, token: str) -> bool:
        if self.mode == "exact":
            return token == self.stem
        if self.mode == "prefix":
            return token.startswith(self.stem)
        if self.mode == "suffix":
            return token.endswith(self.stem)
        return self.stem in token


def _parse_word(word: str) -> _Pat:
    head, tail = word.startswith("*"), word.endswith("*") and len(word) > 1
    stem = normalise(word.strip("*"))
    if not stem or not _WORD.fullmatch(stem):
        raise ValueError(f"bad word pattern {word!r}")
    mode = "infix" if head and tail else "suffix" if head else "prefix" if tail else "exact"
    return _Pat(mode, stem)


def _parse_pattern(text: str) -> tuple[_Pat, ...]:
    """``"psykisk* lidelse*"`` → two token patterns. Hyphens and slashes split words as in free text."""
    if re.search(r"[^\w*\s\-/']|_", text):
        raise ValueError(f"bad pattern {text!r}: letters, digits, *, spaces, - and / only")
    words: list[str] = []
    for raw in text.split():
        star_head, star_tail = raw.startswith("*"), raw.endswith("*")
        parts = [p for p in re.split(r"[^\w*]+|_", raw.strip("*")) if p]
        for i, part in enumerate(parts):
            words.append(
                ("*" if star_head and i == 0 else "")
                + part
                + ("*" if star_tail and i == len(parts) - 1 else "")
            )
    if not words:
        raise ValueError(f"empty pattern {text!r}")
    return tuple(_parse_word(w) for w in words)


class _PatternSet:
    """Single-token patterns grouped for constant-time look-up per pattern length."""

    __slots__ = ("exact", "infixes", "prefixes", "suffixes")

    def __init__(self) -> None:
        self.exact: dict[str, Any] = {}
        self.prefixes: dict[int, dict[str, Any]] = {}
        self.suffixes: dict[int, dict[str, Any]] = {}
        self.infixes: list[tuple[str, Any]] = []

    def add(self, pat: _Pat, value: Any) -> None:
        if pat.mode == "exact":
            self.exact.setdefault(pat.stem, value)
        elif pat.mode == "prefix":
            self.prefixes.setdefault(len(pat.stem), {}).setdefault(pat.stem, value)
        elif pat.mode == "suffix":
            self.suffixes.setdefault(len(pat.stem), {}).setdefault(pat.stem, value)
        else:
            self.infixes.append((pat.stem, value))

    def lookup(self, token: str) -> Any:
        """The value of the first pattern that fits ``token`` (exact, prefix, suffix, infix), else None."""
        found = self.exact.get(token)
        if found is not None:
            return found
        n = len(token)
        for length, table in self.prefixes.items():
            if length <= n:
                found = table.get(token[:length])
                if found is not None:
                    return found
        for length, table in self.suffixes.items():
            if length <= n:
                found = table.get(token[-length:])
                if found is not None:
                    return found
        for stem, value in self.infixes:
            if stem in token:
                return value
        return None

    def __bool__(self) -> bool:
        return bool(self.exact or self.prefixes or self.suffixes or self.infixes)


class Lexicon:
    """A compiled set of terms: single words, phrases and exceptions, scanned in one pass."""

    def __init__(self, entries: Iterable[tuple[str, Term]] = (), exceptions: Iterable[str] = ()) -> None:
        self._single = _PatternSet()
        self._first = _PatternSet()  # first token of a phrase -> list of (rest patterns, term)
        self._exceptions = _PatternSet()
        self.terms: list[Term] = []
        for pattern, term in entries:
            self.add(pattern, term)
        for pattern in exceptions:
            self.add_exception(pattern)

    def add(self, pattern: str | Sequence[_Pat], term: Term) -> None:
        pats = _parse_pattern(pattern) if isinstance(pattern, str) else tuple(pattern)
        self.terms.append(term)
        if len(pats) == 1:
            self._single.add(pats[0], term)
            return
        key, item = pats[0], (pats[1:], term)
        if key.mode == "exact":
            self._first.exact.setdefault(key.stem, []).append(item)
        elif key.mode == "prefix":
            self._first.prefixes.setdefault(len(key.stem), {}).setdefault(key.stem, []).append(item)
        elif key.mode == "suffix":
            self._first.suffixes.setdefault(len(key.stem), {}).setdefault(key.stem, []).append(item)
        else:
            self._first.infixes.append((key.stem, [item]))

    def add_phrase(self, words: Sequence[str], term: Term) -> None:
        """A phrase of already-normalised whole words (code texts), without pattern parsing."""
        self.add(tuple(_Pat("exact", w) for w in words), term)

    def add_exception(self, pattern: str) -> None:
        pats = _parse_pattern(pattern)
        if len(pats) != 1:
            raise ValueError(f"an exception is one word pattern: {pattern!r}")
        self._exceptions.add(pats[0], True)

    def _phrases_starting(self, token: str) -> Iterator[tuple[tuple[_Pat, ...], Term]]:
        first = self._first
        found = first.exact.get(token)
        if found:
            yield from found
        n = len(token)
        for length, table in first.prefixes.items():
            if length <= n:
                found = table.get(token[:length])
                if found:
                    yield from found
        for length, table in first.suffixes.items():
            if length <= n:
                found = table.get(token[-length:])
                if found:
                    yield from found
        for stem, items in first.infixes:
            if stem in token:
                yield from items

    def scan(self, text: str) -> list[Match]:
        """Every hit in ``text``, in text order; a phrase hit wins over single-word hits inside it."""
        toks = list(tokens(text))
        if not toks:
            return []
        excepted = [bool(self._exceptions) and self._exceptions.lookup(t) is not None for t, _, _ in toks]
        hits: list[Match] = []
        covered_until = -1
        single, has_phrases = self._single, bool(self._first)
        for i, (tok, start, end) in enumerate(toks):
            if excepted[i]:
                continue
            if has_phrases:
                best: tuple[int, Term] | None = None
                for rest, term in self._phrases_starting(tok):
                    j = i + 1 + len(rest)
                    if j > len(toks):
                        continue
                    if all(
                        not excepted[i + 1 + k] and pat.fits(toks[i + 1 + k][0]) for k, pat in enumerate(rest)
                    ) and (best is None or j > best[0]):
                        best = (j, term)
                if best is not None:
                    hits.append(Match(start, toks[best[0] - 1][2], best[1]))
                    covered_until = best[0] - 1
                    continue
            if i <= covered_until:
                continue
            term = single.lookup(tok)
            if term is not None:
                hits.append(Match(start, end, term))
        return hits


# ------------------------------------------------------------------------------------------ files


def _read_lines(name: str) -> Iterator[tuple[int, str]]:
    text = (resource_dir() / name).read_text(encoding="utf-8")
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line and not line.startswith("#"):
            yield number, line


def read_term_file(name: str, kind: LeakKind) -> tuple[list[tuple[str, Term]], list[str]]:
    """The ``(pattern, Term)`` entries and the exception patterns of a curated word list."""
    entries: list[tuple[str, Term]] = []
    exceptions: list[str] = []
    category = "general"
    for number, line in _read_lines(name):
        if line.startswith("[") and line.endswith("]"):
            category = line[1:-1].strip()
            continue
        if line.startswith("!"):
            exceptions.append(line[1:].strip())
            continue
        try:
            _parse_pattern(line)
        except ValueError as exc:
            raise ValueError(f"{name}:{number}: {exc}") from None
        entries.append((line, Term(line, kind, category)))
    return entries, exceptions


@functools.cache
def generic_words() -> frozenset[str]:
    """Functional and everyday words (generic_words.txt) plus the derived qualifiers, normalised."""
    words = {normalise(line) for _n, line in _read_lines("generic_words.txt")}
    return frozenset(words | set(derived()["qualifiers"]))


@functools.cache
def derived() -> dict[str, Any]:
    """The generated ``derived.json`` (see :func:`build_derived`)."""
    data = json.loads((resource_dir() / DERIVED_FILE).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("format") != DERIVED_FORMAT:
        raise ValueError(f"{DERIVED_FILE}: unsupported format")
    return data


def _curated_lexicon() -> Lexicon:
    lex = Lexicon()
    for name, kind in (
        ("diagnosis_words.txt", LeakKind.DIAGNOSIS_WORD),
        ("medications.txt", LeakKind.MEDICATION),
    ):
        entries, exceptions = read_term_file(name, kind)
        for pattern, term in entries:
            lex.add(pattern, term)
        for pattern in exceptions:
            lex.add_exception(pattern)
    return lex


@functools.cache
def lexicon() -> Lexicon:
    """The process-wide matcher over curated words, medications and ICPC-2 texts (built once, ~10 ms)."""
    lex = _curated_lexicon()
    for code, phrase in derived()["icpc2_phrases"]:
        lex.add_phrase(phrase.split(), Term(f"{code} {phrase}", LeakKind.DIAGNOSIS_TEXT, "general"))
    return lex


# ------------------------------------------------------------------------------------------ derivation


def phrase_variants(text: str, generic: frozenset[str], limit: int = 16) -> list[tuple[str, ...]]:
    """The whole-word phrases a code text is scanned as, after dropping the too-generic ones.

    * Parenthesised parts go ("Covid-19 (bekreftet)" → "covid 19"), as do coding abbreviations (IKA).
    * A word with slashes offers alternatives: "Korsrygg symptomer/plager" gives "korsrygg symptomer"
      and "korsrygg plager"; "Slapphet/tretthet" gives "slapphet" and "tretthet".
    * A variant is kept only if at least one of its words is not generic (``generic``: functional
      words and qualifiers); a one-word variant must also have at least four letters.
    """
    text = re.sub(r"\([^)]*\)", " ", text)
    slots: list[list[tuple[str, ...]]] = []
    for chunk in text.split():
        alternatives: list[tuple[str, ...]] = []
        for alt in chunk.split("/"):
            words = tuple(t for t, _, _ in tokens(alt))
            if words and " ".join(words) not in _CODING_ABBREVIATIONS:
                alternatives.append(words)
        if alternatives:
            slots.append(alternatives)
    variants: list[tuple[str, ...]] = []
    for combo in itertools.islice(itertools.product(*slots), limit):
        words = tuple(w for part in combo for w in part)
        if not words or any(w in _CODING_ABBREVIATIONS for w in words):
            continue
        distinctive = [w for w in words if w not in generic and not w.isdigit()]
        if not distinctive:
            continue
        if len(words) == 1 and len(words[0]) < 4:
            continue
        if words not in variants:
            variants.append(words)
    return variants


def build_derived() -> dict[str, Any]:
    """Compute ``derived.json`` from the packaged code lists (deterministic; about a second)."""
    from gp_tool.codes import code_lists  # noqa: PLC0415 - only for regeneration and its test
    from gp_tool.domain.case import DiagnosisSystem  # noqa: PLC0415

    lists = code_lists()
    counts: Counter[str] = Counter()
    stems: set[str] = set()
    texts_by_code: list[tuple[str, list[str]]] = []
    for system in (DiagnosisSystem.ICPC2, DiagnosisSystem.ICD10):
        for entry in lists.entries(system):
            stems.add(entry.code[:3].upper())
            words = {t for t, _, _ in tokens(f"{entry.text} {entry.text_full}")}
            counts.update(w for w in words if not w.isdigit())
            if system is DiagnosisSystem.ICPC2:
                texts_by_code.append((entry.code, list(dict.fromkeys([entry.text_full, entry.text]))))
    own = {normalise(line) for _n, line in _read_lines("generic_words.txt")}
    # A frequent word is still a diagnosis when it has a disease-name ending, is an ICPC-2 text on its
    # own ("Demens", "Anemi IKA", "Krampeanfall/kramper"), or is a curated diagnosis word.
    alone = {
        words[0]
        for _code, texts in texts_by_code
        for text in texts
        for words in phrase_variants(text, frozenset(own))
        if len(words) == 1
    }
    curated = _curated_lexicon()
    qualifiers = sorted(
        w
        for w, n in counts.items()
        if n >= QUALIFIER_MIN_TEXTS
        and not (len(w) >= 6 and _MEDICAL_ENDING.search(w))
        and w not in alone
        and not curated.scan(w)
    )
    generic = frozenset(own | set(qualifiers))
    phrases: list[list[str]] = []
    seen: set[str] = set()
    for code, texts in texts_by_code:
        for text in texts:
            for variant in phrase_variants(text, generic):
                phrase = " ".join(variant)
                if phrase not in seen:
                    seen.add(phrase)
                    phrases.append([code, phrase])
    return {
        "format": DERIVED_FORMAT,
        "note": (
            "Generated by `python -m gp_tool.documents.build_lexicon` from gp_tool/resources/codes; do not edit. "
            f"qualifiers: words in >= {QUALIFIER_MIN_TEXTS} ICPC-2/ICD-10 texts, except disease-name endings; "
            "code_stems: first three characters of every ICPC-2 and ICD-10 code; "
            "icpc2_phrases: ICPC-2 texts as whole-word phrases (see lexicon.phrase_variants)."
        ),
        "qualifiers": qualifiers,
        "code_stems": sorted(stems),
        "icpc2_phrases": phrases,
    }


def dump_derived(data: dict[str, Any]) -> str:
    """The file text of ``derived.json`` (stable formatting, one phrase per line)."""
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
