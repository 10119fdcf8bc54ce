"""The privacy firewall: no diagnosis, health word or medication reaches the employer.

NAV never forwards the diagnosis to the employer, but anything the GP types into a field the employer
sees is forwarded as written (domain brief §2.3: ``meldingTilArbeidsgiver``, ``innspillTilArbeidsgiver``,
the arbeidsrelatert årsak text, …). :func:`check_employer_text` scans every such text of an
:class:`~gp_tool.documents.models.EmployerNote` before any employer output exists; a hit blocks the
employer note (:class:`EmployerTextBlocked`, and ``write_notes`` writes nothing for the employer).

What is scanned: only case-derived text (the GP's free texts and the names the note prints), never the
note's own template (so "A4" or a heading is out of scope). Per field, one of two scopes:

* **full** — every check below: the GP's texts to the employer (message, advice, work-related reason
  text, the function assessment's possible tasks and adjustments) and the sykmelder's name, practice
  and contact;
* **identity** — only codes and this case's diagnosis: the patient's name, the employer's name and
  the occupation. They are facts the employer holds already; a word list over them would stop every
  note for a «kreftsykepleier» or an employee of «Kreftforeningen» without protecting anything.

The checks (each a :class:`~gp_tool.documents.lexicon.LeakKind`):

1. ``CODE`` — anything shaped like an ICPC-2, ICPC-2B or ICD-10 code, with or without dot, any case,
   word-bounded (``L03``, ``l03``, ``L03.0002``, ``F32.1``, ``F321``, ``R991``), whose first three
   characters are those of a real ICPC-2 or ICD-10 code; plus this case's own codes in any spelling.
2. ``CASE_DIAGNOSIS`` — the texts of the case's diagnoses (new and earlier notes; ICPC-2B terms with
   their ICPC-2 parent) as whole-word phrases, and each distinctive word of them (not a functional or
   qualifier word, at least :data:`CASE_WORD_MIN` letters) with its inflections and compounds:
   "korsrygg" stops "korsryggen".
3. ``DIAGNOSIS_TEXT`` — the texts of all ICPC-2 codes as whole-word phrases (slash alternatives
   expanded, coding abbreviations dropped, too-generic variants skipped: see
   :func:`gp_tool.documents.lexicon.phrase_variants` and ``resources/firewall/README.md``).
4. ``DIAGNOSIS_WORD`` and ``MEDICATION`` — the curated lists in ``resources/firewall`` (nb, nn, en,
   inflections; common Norwegian medication names).

A hit names the field (its case-file path, e.g. ``sick_note.message_to_employer``) and the words as
written, with their positions so the GUI can underline them and offer neutral functional wording
(:func:`neutral_wording`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from gp_tool.codes import code_lists
from gp_tool.documents.lexicon import (
    LeakKind,
    Lexicon,
    Term,
    derived,
    generic_words,
    lexicon,
    phrase_variants,
    tokens,
)
from gp_tool.documents.models import EmployerNote
from gp_tool.domain.case import Case, Diagnosis, DiagnosisSystem
from gp_tool.i18n.catalog import Translator, translator
from gp_tool.i18n.markers import N_

__all__ = [
    "EmployerTextBlocked",
    "Leak",
    "LeakKind",
    "ScannedText",
    "check_employer_text",
    "check_text",
    "check_texts",
    "employer_texts",
    "field_label",
    "leak_message",
    "neutral_wording",
    "scan_text",
]

FULL: Final = "full"
CASE_WORD_MIN: Final = 7
"""A word of the case's diagnosis text is checked on its own (with its inflections and compounds) from
this length: long enough to skip everyday words of code texts ("korte" in an ICD-10 text), short enough
for "lumbago" and "korsrygg". Shorter diagnosis words are in the curated lists."""
IDENTITY: Final = "identity"

# ICPC-2 (L03), ICPC-2B (L03.0002), ICD-10 (F32.1, F321, I210a), Norwegian ICPC-2 extensions (R991).
_CODE = re.compile(r"(?<![\w.])([A-Za-z])(\d{2})(?:\.?(\d{1,4}))?([A-Za-z])?(?![\w])")
# Any run of letters and digits with inner dots: compared with the case's own codes, whatever their shape.
_CODE_LIKE = re.compile(r"(?<![\w.])[^\W_]+(?:\.[^\W_]+)*(?![\w])")


@dataclass(frozen=True, slots=True)
class ScannedText:
    """One employer-visible text: the case-file path it comes from, the text, and its scan scope."""

    field: str
    text: str
    scope: str = FULL


@dataclass(frozen=True, slots=True)
class Leak:
    """Health information found in an employer-visible field."""

    field: str
    """Case-file path of the text, e.g. ``sick_note.message_to_employer`` or
    ``sick_note.periods[0].advice_to_employer``."""
    words: tuple[str, ...]
    """The matched pieces of text as written (each once, in text order)."""
    kind: LeakKind
    """What was found."""
    spans: tuple[tuple[int, int], ...] = ()
    """``(start, end)`` of every hit in the field's text (for underlining)."""
    categories: tuple[str, ...] = ()
    """Word-list categories of the hits (``mental``, ``musculoskeletal`` …): pick neutral wording."""


class EmployerTextBlocked(Exception):  # noqa: N818 - the name is the public contract (issue 4)
    """The employer note cannot be made: its texts contain health information (see ``leaks``)."""

    def __init__(self, leaks: Sequence[Leak]) -> None:
        self.leaks: tuple[Leak, ...] = tuple(leaks)
        summary = "; ".join(f"{leak.field}: {', '.join(leak.words)}" for leak in self.leaks)
        super().__init__(f"employer text blocked by the privacy check ({summary})")


# ------------------------------------------------------------------------------------------ what is scanned


def employer_texts(note: EmployerNote) -> list[ScannedText]:
    """Every case-derived text the employer note prints, with its case-file path and scope."""
    s = note.sykmelder
    texts = [
        ScannedText("patient.name", note.employee_name, IDENTITY),
        ScannedText("work.employer", note.employer, IDENTITY),
        ScannedText("work.occupation", note.occupation, IDENTITY),
        ScannedText("sykmelder.name", s.name),
        ScannedText("sykmelder.hpr", s.hpr),
        ScannedText("sykmelder.practice", s.practice),
        ScannedText("sykmelder.phone", s.phone),
        ScannedText("sykmelder.address", s.address),
    ]
    texts += [
        ScannedText(f"sick_note.periods[{p.index}].advice_to_employer", p.advice_to_employer)
        for p in note.periods
    ]
    texts += [
        ScannedText("sick_note.work_related_reason_text", note.work_related_text),
        ScannedText("sick_note.message_to_employer", note.message_to_employer),
        ScannedText("employer_note.workplace_considerations", note.workplace_considerations),
    ]
    texts += [ScannedText(f"function.possible_tasks[{i}]", x) for i, x in enumerate(note.possible_tasks)]
    texts += [ScannedText(f"function.adjustments[{i}]", x) for i, x in enumerate(note.adjustments)]
    return [t for t in texts if t.text.strip()]


# ------------------------------------------------------------------------------------------ the case's own terms


@dataclass(frozen=True)
class _CaseTerms:
    codes: frozenset[str]
    """The case's own codes, upper case and without dots."""
    lexicon: Lexicon


def _diagnoses(case: Case) -> list[Diagnosis]:
    found = [case.sick_note.main_diagnosis, *case.sick_note.secondary_diagnoses]
    for earlier in case.earlier_sick_notes:
        found += [earlier.main_diagnosis, *earlier.secondary_diagnoses]
    return [d for d in found if d is not None]


def _diagnosis_texts(d: Diagnosis) -> list[str]:
    lists = code_lists()
    entry = lists.lookup(d.system, d.code)
    if entry is None:
        return []
    texts = [entry.text_full, entry.text]
    if entry.system is DiagnosisSystem.ICPC2B and entry.parent_code:
        parent = lists.lookup(DiagnosisSystem.ICPC2, entry.parent_code)
        if parent is not None:
            texts += [parent.text_full, parent.text]
    return list(dict.fromkeys(texts))


def _category_of(d: Diagnosis) -> str:
    letter = d.code[:1].upper()
    if d.system is DiagnosisSystem.ICD10:
        return {
            "F": "mental",
            "M": "musculoskeletal",
            "G": "neurological",
            "C": "cancer",
            "O": "reproductive",
        }.get(letter, "somatic")
    return {"P": "mental", "L": "musculoskeletal", "N": "neurological", "W": "reproductive"}.get(
        letter, "somatic"
    )


@functools.lru_cache(maxsize=512)
def _case_terms(diagnoses: tuple[tuple[DiagnosisSystem, str], ...]) -> _CaseTerms:
    generic = generic_words()
    lex = Lexicon()
    codes: set[str] = set()
    for system, code in diagnoses:
        d = Diagnosis(system=system, code=code)
        term = Term(f"{system.value} {code}", LeakKind.CASE_DIAGNOSIS, _category_of(d))
        codes.add(_code_key(code))
        for text in _diagnosis_texts(d):
            whole = tuple(w for w, _s, _e in tokens(text))
            if whole:
                lex.add_phrase(whole, term)  # the text itself, however generic its words
            for words in phrase_variants(text, frozenset()):
                if any(w not in generic and not w.isdigit() for w in words):
                    lex.add_phrase(words, term)
            for word, _s, _e in tokens(text):
                if len(word) < CASE_WORD_MIN or word in generic or word.isdigit():
                    continue
                lex.add(word + "*", term)
    return _CaseTerms(frozenset(codes) - {""}, lex)


def _code_key(code: str) -> str:
    return code.strip().upper().replace(".", "")


def _terms_for(case: Case) -> _CaseTerms:
    key = tuple(sorted({(d.system, d.code) for d in _diagnoses(case)}))
    return _case_terms(key)


# ------------------------------------------------------------------------------------------ scanning


@functools.cache
def _code_stems() -> frozenset[str]:
    return frozenset(derived()["code_stems"])


def scan_text(
    text: str, scope: str = FULL, case_terms: _CaseTerms | None = None
) -> list[tuple[int, int, LeakKind, str]]:
    """``(start, end, kind, category)`` of every hit in ``text``, in text order, overlaps removed."""
    hits: list[tuple[int, int, LeakKind, str]] = []
    stems = _code_stems()
    for m in _CODE.finditer(text):
        if (m.group(1).upper() + m.group(2)) in stems:
            hits.append((m.start(), m.end(), LeakKind.CODE, "general"))
    if case_terms is not None:
        if case_terms.codes:
            hits += [
                (m.start(), m.end(), LeakKind.CODE, "general")
                for m in _CODE_LIKE.finditer(text)
                if _code_key(m.group()) in case_terms.codes
            ]
        hits += [(h.start, h.end, h.term.kind, h.term.category) for h in case_terms.lexicon.scan(text)]
    if scope == FULL:
        hits += [(h.start, h.end, h.term.kind, h.term.category) for h in lexicon().scan(text)]
    hits.sort(key=lambda h: (h[0], -h[1], _KIND_ORDER[h[2]]))
    kept: list[tuple[int, int, LeakKind, str]] = []
    for hit in hits:
        if kept and hit[0] < kept[-1][1]:
            continue  # inside an earlier (longer or more specific) hit
        kept.append(hit)
    return kept


_KIND_ORDER: Final = {
    LeakKind.CODE: 0,
    LeakKind.CASE_DIAGNOSIS: 1,
    LeakKind.DIAGNOSIS_TEXT: 2,
    LeakKind.DIAGNOSIS_WORD: 3,
    LeakKind.MEDICATION: 4,
}


def check_texts(texts: Iterable[ScannedText], case: Case | None) -> tuple[Leak, ...]:
    """Leaks in ``texts``: one :class:`Leak` per field and kind, in field order."""
    case_terms = _terms_for(case) if case is not None else None
    leaks: list[Leak] = []
    for item in texts:
        by_kind: dict[LeakKind, list[tuple[int, int, str]]] = {}
        for start, end, kind, category in scan_text(item.text, item.scope, case_terms):
            by_kind.setdefault(kind, []).append((start, end, category))
        for kind in sorted(by_kind, key=_KIND_ORDER.__getitem__):
            found = by_kind[kind]
            leaks.append(
                Leak(
                    field=item.field,
                    words=tuple(dict.fromkeys(item.text[s:e] for s, e, _c in found)),
                    kind=kind,
                    spans=tuple((s, e) for s, e, _c in found),
                    categories=tuple(dict.fromkeys(c for _s, _e, c in found)),
                )
            )
    return tuple(leaks)


def check_employer_text(note: EmployerNote, case: Case | None) -> tuple[Leak, ...]:
    """Every leak in the employer note's texts; empty when the note may be given to the employer.

    ``case`` supplies the case's own diagnoses (check 2 and the case's codes); without it the
    case-independent checks still run (that is what :func:`~gp_tool.documents.render.render_employer_pdf`
    does as a last guard).
    """
    return check_texts(employer_texts(note), case)


def check_text(
    text: str, case: Case | None = None, field: str = "sick_note.message_to_employer"
) -> tuple[Leak, ...]:
    """Leaks in one employer-visible text as it is being typed (the live check of the Messages step).

    The same checks as :func:`check_employer_text` (full scope), for a single field; ``case`` adds the
    case's own diagnoses.
    """
    return check_texts([ScannedText(field, text)], case)


# ------------------------------------------------------------------------------------------ messages


_FIELD_LABELS: Final[dict[str, str]] = {
    "patient.name": N_("Patient's name"),
    "work.employer": N_("Employer"),
    "work.occupation": N_("Occupation"),
    "sykmelder.name": N_("Sykmelder's name"),
    "sykmelder.hpr": N_("HPR number"),
    "sykmelder.practice": N_("Practice"),
    "sykmelder.phone": N_("Telephone"),
    "sykmelder.address": N_("Address"),
    "sick_note.work_related_reason_text": N_("Work-related reason"),
    "sick_note.message_to_employer": N_("Message to the employer"),
    "employer_note.workplace_considerations": N_("Considerations at the workplace"),
}

_KIND_REASONS: Final[dict[LeakKind, str]] = {
    LeakKind.CODE: N_("a diagnosis code"),
    LeakKind.CASE_DIAGNOSIS: N_("this sick note's diagnosis"),
    LeakKind.DIAGNOSIS_TEXT: N_("a diagnosis"),
    LeakKind.DIAGNOSIS_WORD: N_("a word about illness or treatment"),
    LeakKind.MEDICATION: N_("a medication"),
}

_PERIOD_FIELD = re.compile(r"^sick_note\.periods\[(\d+)\]\.advice_to_employer$")
_ADJUSTMENT_FIELD = re.compile(r"^function\.adjustments\[(\d+)\]$")
_TASK_FIELD = re.compile(r"^function\.possible_tasks\[(\d+)\]$")


def _tr(lang_or_translator: str | Translator) -> Translator:
    return translator(lang_or_translator) if isinstance(lang_or_translator, str) else lang_or_translator


def field_label(field: str, lang: str | Translator) -> str:
    """The field's name as the GP knows it, e.g. "Melding til arbeidsgiver"."""
    t = _tr(lang)
    m = _PERIOD_FIELD.match(field)
    if m:
        return t.gettext("Advice to the employer (period {number})").format(number=int(m.group(1)) + 1)
    m = _ADJUSTMENT_FIELD.match(field)
    if m:
        return t.gettext("Suggested adjustment {number}").format(number=int(m.group(1)) + 1)
    m = _TASK_FIELD.match(field)
    if m:
        return t.gettext("Possible task {number}").format(number=int(m.group(1)) + 1)
    label = _FIELD_LABELS.get(field)
    return t.gettext(label) if label else field


def leak_message(leak: Leak, lang: str | Translator) -> str:
    """One line for the GP: the field, the words and why they stop the employer note."""
    t = _tr(lang)
    words = ", ".join(f"«{w}»" for w in leak.words)
    return t.gettext("{field}: {words} may tell the employer about the patient's health ({reason}).").format(
        field=field_label(leak.field, t), words=words, reason=t.gettext(_KIND_REASONS[leak.kind])
    )


_NEUTRAL: Final[dict[str, tuple[str, ...]]] = {
    "mental": (
        N_("Can do tasks with clear priorities and a predictable plan for the day."),
        N_("Needs fewer tasks at the same time and time to finish each one."),
        N_("Works best in a quiet place with the chance of short breaks."),
    ),
    "substance": (
        N_("Needs a predictable schedule with day shifts for now."),
        N_("Agree on short, regular follow-up talks with the manager."),
    ),
    "cancer": (
        N_("Needs time off for appointments; can work on the other days."),
        N_("Energy varies from day to day: flexible hours and short breaks help."),
    ),
    "musculoskeletal": (
        N_("Avoid lifting more than 10 kg."),
        N_("Can alternate between sitting, standing and walking."),
        N_("Avoid work with the arms above shoulder height."),
    ),
    "neurological": (
        N_("Should not drive or operate machinery at work for now."),
        N_("Needs breaks from screen work and a quiet place."),
    ),
    "somatic": (
        N_("Can do light tasks for part of the day."),
        N_("Needs short breaks and should avoid heavy physical work for now."),
    ),
    "reproductive": (
        N_("Avoid heavy lifting and night shifts for now."),
        N_("Needs time off for appointments; can work on the other days."),
    ),
    "treatment": (
        N_("Needs time off for appointments; can work on the other days."),
        N_("Can do light tasks for part of the day."),
    ),
    "medication": (
        N_("Should not drive or operate machinery at work for now."),
        N_("Can do tasks that allow a slower pace for now."),
    ),
    "general": (
        N_("Describe what the employee can do and which adjustments help, not the illness."),
        N_("Can do light tasks for part of the day."),
        N_("Can work reduced hours with regular breaks."),
    ),
}


def neutral_wording(leak: Leak, lang: str | Translator) -> tuple[str, ...]:
    """Functional phrases the GP can use instead (by the hits' categories, then the general ones)."""
    t = _tr(lang)
    chosen: list[str] = []
    for category in (*leak.categories, "general"):
        for phrase in _NEUTRAL.get(category, ()):
            text = t.gettext(phrase)
            if text not in chosen:
                chosen.append(text)
    return tuple(chosen)
